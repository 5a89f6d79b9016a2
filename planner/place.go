package planner

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tripWords make a line a trip wherever they stand, with or without a place.
var tripWords = kindWords{kind: KindTrip,
	english: []string{"trip", "trips", "travel", "travels", "travelling", "traveling", "journey", "fly", "flying", "flight", "flights",
		"business trip", "trade mission", "mission to", "off to", "arrive in", "arriving in", "train to", "departing", "depart",
		"embark", "heading to", "head to", "left to go", "bullet train", "by train", "train from", "delegation to"},
	chinese: []string{"出差", "差旅", "外出招商", "出发", "出發", "驻点", "启程", "啟程", "出访"},
}

// goVerbs are the Chinese verbs of going that make a trip when a place
// follows them ("赴苏州", "前往库车市"); 去, 到 and 驻 only at the start of a clause.
var (
	goVerbs      = []string{"赴", "前往", "去往", "飞往", "奔往"}
	clauseVerbs  = []string{"去", "到", "驻"}
	chainedVerbs = []string{"出差", "赴", "前往", "去往", "到", "去", "往"}
	// notGoing are words that begin with a verb of going but say no such thing.
	notGoing = []string{"去年", "去世", "到期", "到位", "到账", "到岗", "到场", "到会", "到底", "到时", "到目前", "到现在", "赴约", "赴宴"}
)

// placeEnds are the words that end a place: what the trip does there.
var placeEnds = []string{"参加", "參加", "参会", "出席", "拜访", "拜會", "拜会", "走访", "走訪", "对接", "對接", "洽谈", "洽談", "考察",
	"考查", "开展", "開展", "进行", "進行", "招商", "学习", "學習", "培训", "会见", "會見", "见", "与", "與", "召开", "調研", "调研",
	"参观", "參觀", "商务考察", "实地", "看", "访问", "訪問", "开会", "举办", "舉辦", "推介", "参与", "精准", "密集", "深入", "专项",
	"出差", "签约", "交流", "观摩", "跟进", "回访", "慰问", "的", "一带", "等地", "两地", "三地", "多地", "等", "为期", "為期",
	"随", "陪同", "洽", "谈", "参展", "看望", "办理", "处理", "落实", "联系", "驻点", "驻扎"}

// durationAhead is a length of stay: it ends a place ("深圳、东莞两天") and
// is no place itself ("出差两天 成都").
var durationAhead = regexp.MustCompile(`^(?:[一二两三四五六七八九十半几]+|\d{1,2}\s*)(?:天|日|周|晚|夜|个月)`)

// notPlaces are the words that make a "place" a company or an institution
// ("赴松下集团…对接" is a visit, not a trip).
var notPlaces = []string{"集团", "集團", "公司", "株式会社", "制作所", "企业", "企業", "有限", "银行", "基金", "工厂", "总部", "總部",
	"大学", "学院", "研究院", "协会", "商会", "管委会", "医院", "路桥"}

// tripIn reports whether text is a trip: a trip word, or a verb of going with a place.
func tripIn(text string) bool {
	return tripWords.hasKeyword(strings.ToLower(text)) || len(chinesePlaces(text)) > 0
}

// detectPlace returns a trip's places only, joined by 、 (Chinese) or ", "
// (English), or "" when the text names none.
func detectPlace(text string) string {
	if places := chinesePlaces(text); len(places) > 0 {
		return strings.Join(places, "、")
	}
	if m := placeBeforeTrip.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if places := englishPlaces(text); len(places) > 0 {
		return strings.Join(places, ", ")
	}
	return ""
}

// placesOf splits a trip's place as stored (detectPlace joins several with 、
// or ", ") into its places, never nil: "深圳、东莞" → 深圳, 东莞. An
// abbreviation after a comma ends the name before it ("Washington, D.C.").
func placesOf(place string) []string {
	places := []string{}
	for _, chinese := range strings.Split(place, "、") {
		for _, piece := range strings.Split(chinese, ", ") {
			switch piece = strings.TrimSpace(piece); {
			case piece == "":
			case len(places) > 0 && strings.Contains(piece, ".") && strings.ToUpper(piece) == piece:
				places[len(places)-1] += ", " + piece
			default:
				places = append(places, piece)
			}
		}
	}
	return places
}

// placeBeforeTrip is a place written before 出差 or 驻点: "北京出差",
// "去北京出差", "在上海驻点".
var placeBeforeTrip = regexp.MustCompile(`^(?:去|到|在|赴)?\s*(\p{Han}{2,4}?)\s*(?:出差|驻点)`)

// chinesePlaces returns the places after the first verb of going that has
// some: "赴苏州、无锡精准招商" → 苏州, 无锡.
func chinesePlaces(text string) []string {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r < utf8.RuneSelf {
			i += size
			continue
		}
		rest := text[i:]
		verb := ""
		for _, v := range goVerbs {
			if strings.HasPrefix(rest, v) {
				verb = v
			}
		}
		if verb == "" && clauseStart(text, i) {
			for _, v := range clauseVerbs {
				if strings.HasPrefix(rest, v) {
					verb = v
				}
			}
		}
		if verb == "" && strings.HasPrefix(rest, "出差") {
			verb = "出差"
		}
		if verb == "" && strings.HasPrefix(rest, "飞") {
			if places, _ := placesAfter(rest[len("飞"):], false); len(places) > 0 && knownPlace(places[0]) {
				return places // 飞成都; but not 飞机, 飞速
			}
		}
		if verb != "" && !hasAnyPrefix(rest, notGoing) {
			places, _ := placesAfter(rest[len(verb):], verb == "驻")
			if len(places) > 0 && (len(places) > 1 || utf8.RuneCountInString(places[0]) > 1 || !slices.Contains(clauseVerbs, verb)) {
				return places // 赴京, 赴鄂; but 去 and 到 need two characters of place
			}
		}
		i += size
	}
	return nil
}

// clauseStart reports whether byte i of text begins a clause: the start, or after a space or a comma.
func clauseStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("，,。；;：:", r)
}

// goesToCompany reports whether a verb of going leads to a company or an
// institution rather than a place ("赴松下集团…对接").
func goesToCompany(text string) bool {
	for _, v := range goVerbs {
		for i := strings.Index(text, v); i >= 0; {
			if _, company := placesAfter(text[i+len(v):], false); company {
				return true
			}
			next := strings.Index(text[i+len(v):], v)
			if next < 0 {
				break
			}
			i += len(v) + next
		}
	}
	return false
}

// placesAfter reads the list of places that starts s ("上海、苏州、杭州等地开展…",
// "两天 成都", "苏州 无锡 常州"), or reports that it names a company or an
// institution instead. A length of stay before the places is skipped; a
// place after a space continues the list only when it is a known one.
func placesAfter(s string, stationed bool) (places []string, company bool) {
	for again := true; again; {
		again = false
		s = strings.TrimLeft(s, " \u3000")
		for _, v := range chainedVerbs {
			if rest, ok := strings.CutPrefix(s, v); ok && rest != "" {
				s, again = rest, true
			}
		}
		if d := durationAhead.FindString(s); d != "" && !stationed {
			s, again = s[len(d):], true
		}
	}
	if stationed {
		if strings.IndexAny(s, "外区地村厂场") == 0 {
			return nil, false
		}
		s = strings.TrimPrefix(s, "点")
	}
	run, end := placeRun(s)
	for _, piece := range placePieces(run) {
		if hasAnyPart(piece, notPlaces) {
			return nil, true
		}
		if strings.HasPrefix(piece, "我") || strings.HasPrefix(piece, "本") {
			return nil, false
		}
		places = append(places, splitCities(piece)...)
	}
	for len(places) > 0 {
		next := strings.TrimLeft(s[end:], " \u3000")
		if len(next) == len(s[end:]) {
			break
		}
		run, n := placeRun(next)
		pieces := placePieces(run)
		if len(pieces) == 0 || !allKnown(pieces) {
			break
		}
		for _, piece := range pieces {
			places = append(places, splitCities(piece)...)
		}
		s, end = next, n
	}
	return places, false
}

// placeRun returns the run of Chinese text that starts s up to what the trip
// does there, and where it ends.
func placeRun(s string) (string, int) {
	end := 0
	for end < len(s) {
		if end > 0 && (hasAnyPrefix(s[end:], placeEnds) || durationAhead.MatchString(s[end:])) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("、（）·", r) {
			break
		}
		end += size
	}
	return strings.Trim(s[:end], "、（）·"), end
}

// placePieces splits a run of places at 、, 和 and 及, without what stands in brackets.
func placePieces(run string) []string {
	var pieces []string
	for _, piece := range strings.FieldsFunc(run, func(r rune) bool { return r == '、' || r == '和' || r == '及' }) {
		if piece = dropBracketed(piece); piece != "" {
			pieces = append(pieces, piece)
		}
	}
	return pieces
}

// knownPlace reports whether piece is a known city or province, or a run of
// them ("深圳东莞"), with or without 市 or 省.
func knownPlace(piece string) bool {
	bare := strings.TrimSuffix(strings.TrimSuffix(piece, "市"), "省")
	return cities[bare] || provinces[bare] || len(splitCities(bare)) > 1
}

func allKnown(pieces []string) bool {
	for _, p := range pieces {
		if !knownPlace(p) {
			return false
		}
	}
	return true
}

// dropBracketed takes out what stands in full-width brackets: "吴中（北京）" → 吴中.
func dropBracketed(s string) string {
	for {
		open := strings.Index(s, "（")
		if open < 0 {
			return s
		}
		closing := strings.Index(s[open:], "）")
		if closing < 0 {
			return s[:open]
		}
		s = s[:open] + s[open+closing+len("）"):]
	}
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPart(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Cities and provinces, for telling "深圳东莞" (two places) from "广东东莞"
// (a province and its city: one place).
var (
	provinces = wordSet("河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆")
	cities    = wordSet("北京 天津 上海 重庆 香港 澳门 深圳 东莞 广州 佛山 珠海 中山 惠州 江门 汕头 苏州 无锡 常州 南京 杭州 宁波 温州 嘉兴 绍兴 金华 台州 湖州 " +
		"合肥 芜湖 厦门 福州 泉州 济南 青岛 烟台 潍坊 郑州 洛阳 武汉 长沙 成都 西安 昆明 贵阳 南宁 南昌 沈阳 大连 长春 哈尔滨 石家庄 太原 兰州 " +
		"银川 西宁 乌鲁木齐 拉萨 海口 三亚 昆山 南通 扬州 徐州 镇江 泰州 盐城 淮安 宿迁 连云港 常熟 张家港 江阴 义乌 东营 淄博 临沂 威海 绵阳 宜宾 " +
		"柳州 桂林 赣州 九江 襄阳 宜昌 株洲 湘潭 岳阳 唐山 保定 廊坊 大同 包头 鄂尔多斯 珠三角 长三角")
)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// splitCities splits a run of known city names written together ("深圳东莞")
// into its cities; any other piece stays whole.
func splitCities(piece string) []string {
	r := []rune(piece)
	// words[i] is a way to write r[:i] as known names, nil when there is none.
	words := make([][]string, len(r)+1)
	words[0] = []string{}
	for i := 2; i <= len(r); i++ {
		for j := i - 2; j >= 0 && i-j <= 4; j-- {
			name := string(r[j:i])
			if words[j] != nil && (cities[name] || provinces[name]) {
				words[i] = append(append([]string{}, words[j]...), name)
				break
			}
		}
	}
	split := words[len(r)]
	if len(split) < 2 || provinces[split[0]] {
		return []string{piece}
	}
	return split
}
