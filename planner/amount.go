package planner

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Amount is a sum of money as 招商 counts it: Value is in 万 (ten thousands)
// of Currency's unit, so CNY amounts are in 万元 (1亿 = 10,000万) and
// `1.2亿美元` is 12,000万 USD. Currency is an ISO 4217 code; an amount is
// kept in the currency it was written in. There are no floats: every value
// is read and shown with integer arithmetic.
type Amount struct {
	Value    int64  `json:"wan"`      // in 万 of Currency's unit
	Currency string `json:"currency"` // CNY, USD, EUR, HKD, JPY or GBP
}

// MaxAmount is the largest Value read (10^16 of a unit, far above any project).
const MaxAmount = 1_000_000_000_000

// FindAmount finds the first amount in text and the byte span it was written
// in (its currency word included): `总投资12亿元`, `计划投资5000万元`,
// `签约额3.5亿`, `投资额1.2亿美元`, `USD 200M`, `$35 million`, `RMB 2 billion`,
// `１２亿`, `三千五百万`, `3个亿`. The rules:
//
//   - a number with 万 or 亿 is an amount (CNY unless a currency word
//     follows), unless a measure word follows it (`150万套`, `14亿人口`, `1万亩`)
//     or it follows a word that counts something other than money (`年产`,
//     `人口`, `产能`);
//   - a number without 万 or 亿 is an amount only with a currency word
//     before or after it (`$2.5 million`, `9.88 billion yuan`, `5000元`);
//   - a word of approximation is read as the number written: `约12亿`,
//     `超10亿`, `10余亿元`, `5000多万` are 12亿, 10亿, 10亿, 5000万, as a count reads
//     `十余家` as 10;
//   - a range (`5-8亿`, `5亿至8亿元`, `$5-8 million`) and a band (`10亿元以上`,
//     `100亿级`, `5000万元以下`) are no amount: a sum of them would be a guess.
//     They are skipped, and a later amount in text is found;
//   - `N个亿元项目`, `N个亿元以上项目` count projects of 亿元 size: no amount;
//   - a part finer than 1万 is rounded half up to the nearest 万 (`25995.74万`
//     is 25,996万); an amount that rounds to 0 (`3000元`) or is over
//     MaxAmount is no amount.
func FindAmount(text string) (a Amount, start, end int, ok bool) {
	for i := 0; i < len(text); {
		if m, found := moneyAt(text, i); found {
			if m.ok {
				return m.amount, m.start, m.end, true
			}
			i = m.end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return Amount{}, 0, 0, false
}

// moneySpans returns the spans of text that are written as money, amounts and
// refused ranges and bands alike: a count's number inside one is no count.
func moneySpans(text string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(text); {
		if m, found := moneyAt(text, i); found {
			spans = append(spans, [2]int{m.start, m.end})
			i = m.end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return spans
}

// money is what moneyAt read: an amount (ok) or a range or band (!ok).
type money struct {
	amount     Amount
	start, end int
	ok         bool
}

// moneyAt reads money written at byte i of text: an optional currency before,
// a number, its unit and an optional currency after. found is false when
// nothing there is written as money.
func moneyAt(text string, i int) (m money, found bool) {
	if !mayStartMoney(text, i) {
		return money{}, false
	}
	currency, j := currencyBefore(text, i)
	if currency == "" && !numberStartAt(text, i) {
		return money{}, false
	}
	if currency != "" {
		j = skipSpaces(text, j)
		if !isNumberRune(firstRune(text[j:])) {
			return money{}, false
		}
	}
	n, ok := readNumber(text, j)
	if !ok {
		return money{}, false
	}
	k, _ := moneyEnd(text, &n)
	if end, isRange := rangeEnd(text, n, k, currency != ""); isRange {
		return money{start: i, end: end}, true // 5-8亿, 5亿至8亿元: refused
	}
	if suffix, after := currencyAfter(text, k); suffix != "" {
		if currency == "" || currency == "CNY" && suffix != "CNY" {
			currency = suffix // RMB 715 million Yuan; 人民币 … 美元 names the dollar
		}
		k = after
	}
	if currency == "" {
		if !n.big || measureAfter(text[k:]) || otherCountBefore(text[:i]) {
			return money{}, false // 5 million units, 150万套, 人口500万
		}
		currency = "CNY"
	}
	if n.counted && projectSizeAfter(text[n.end:]) {
		return money{}, false // 12个亿元项目: twelve projects of 亿元 size
	}
	m = money{start: i, end: k}
	if n := bandAfter(text[k:]); n > 0 {
		m.end = k + n
		return m, true // 10亿元以上, 100亿级: refused
	}
	wan, fits := n.value.wan()
	if !fits || wan < 1 || wan > MaxAmount {
		return m, true
	}
	m.amount, m.ok = Amount{Value: wan, Currency: currency}, true
	return m, true
}

// moneyEnd applies an English scale after n (35 million, 200M, 1-billion)
// and returns where the number ends, and whether it is shaped as money by
// itself (a 万 or 亿, a scale or a currency after it).
func moneyEnd(text string, n *number) (int, bool) {
	k := n.end
	if !n.big {
		if e, after := englishScale(text, k); after > 0 {
			n.value, k, n.scaled = n.value.shift(e), after, true
		}
	}
	suffix, _ := currencyAfter(text, k)
	return k, n.big || n.scaled || suffix != ""
}

// mayStartMoney is a quick test of the byte at i: a digit, a currency sign or
// letter, or the first byte of a Chinese numeral or currency word.
func mayStartMoney(text string, i int) bool {
	c := text[i]
	return c >= '0' && c <= '9' || c == '$' || c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// numberStartAt reports whether a number starts at i and not inside a longer
// number, word or code ("A380", "3.5", "1,200", "一两个亿").
func numberStartAt(text string, i int) bool {
	if !isNumberRune(firstRune(text[i:])) {
		return false
	}
	if i == 0 {
		return true
	}
	r := lastRune(text[:i])
	if strings.ContainsRune("-–—~～至到", r) && isNumberRune(lastRune(strings.TrimSuffix(text[:i], string(r)))) {
		return false // the second end of a range (5-8亿)
	}
	return !isNumberRune(r) && !isUnitRune(r) && r != '.' && r != ',' && r != '点' && r != '．' &&
		!(r < utf8.RuneSelf && isWordByte(byte(r)))
}

// currencyBefore reads a currency written before a number at i: `$`, `US$`,
// `¥`, `€`, `£`, a code (`USD`, `RMB`…) or a Chinese word (`人民币`).
func currencyBefore(text string, i int) (string, int) {
	rest := text[i:]
	for _, p := range currencyPrefixes {
		if len(rest) >= len(p.word) && strings.EqualFold(rest[:len(p.word)], p.word) {
			if p.code && (i > 0 && isWordByte(text[i-1]) || len(rest) > len(p.word) && isLetterByte(rest[len(p.word)])) {
				continue
			}
			return p.currency, i + len(p.word)
		}
	}
	return "", i
}

// currencyWord is a way of writing a currency; code words must stand alone.
type currencyWord struct {
	word, currency string
	code           bool
}

// currencyPrefixes are the currencies written before a number, longest first.
var currencyPrefixes = []currencyWord{
	{"US$", "USD", false}, {"HK$", "HKD", false}, {"$", "USD", false},
	{"¥", "CNY", false}, {"￥", "CNY", false}, {"€", "EUR", false}, {"£", "GBP", false},
	{"USD", "USD", true}, {"RMB", "CNY", true}, {"CNY", "CNY", true}, {"EUR", "EUR", true},
	{"HKD", "HKD", true}, {"GBP", "GBP", true}, {"JPY", "JPY", true},
	{"人民币", "CNY", false}, {"美元", "USD", false}, {"欧元", "EUR", false}, {"港币", "HKD", false}, {"港元", "HKD", false},
}

// currencySuffixes are the currencies written after a number, longest first.
var currencySuffixes = []currencyWord{
	{"元人民币", "CNY", false}, {"人民币", "CNY", false}, {"美元", "USD", false}, {"美金", "USD", false},
	{"欧元", "EUR", false}, {"港元", "HKD", false}, {"港币", "HKD", false}, {"日元", "JPY", false},
	{"英镑", "GBP", false}, {"元", "CNY", false},
	{"US dollars", "USD", true}, {"dollars", "USD", true}, {"dollar", "USD", true}, {"USD", "USD", true},
	{"yuan", "CNY", true}, {"RMB", "CNY", true}, {"CNY", "CNY", true},
	{"euros", "EUR", true}, {"euro", "EUR", true}, {"EUR", "EUR", true},
	{"HKD", "HKD", true}, {"GBP", "GBP", true}, {"pounds", "GBP", true}, {"JPY", "JPY", true}, {"yen", "JPY", true},
}

// currencyAfter reads a currency written after a number (spaces or a hyphen
// may stand between for a Latin word: "9.88 billion yuan", "1-billion-USD").
func currencyAfter(text string, k int) (string, int) {
	for _, s := range currencySuffixes {
		at := k
		if s.code {
			at = skipSpaces(text, k)
			if at == k && at < len(text) && text[at] == '-' {
				at++
			}
		}
		rest := text[at:]
		if len(rest) >= len(s.word) && strings.EqualFold(rest[:len(s.word)], s.word) &&
			!(s.code && len(rest) > len(s.word) && isLetterByte(rest[len(s.word)])) {
			return s.currency, at + len(s.word)
		}
	}
	return "", k
}

// englishScale reads a scale word after a number: million (m, mn, mln, M),
// billion (bn, b), thousand (k), trillion; spaces or a hyphen may stand before.
func englishScale(text string, k int) (exp, end int) {
	at := skipSpaces(text, k)
	if at == k && at < len(text) && text[at] == '-' {
		at++
	}
	rest := text[at:]
	for _, s := range englishScales {
		if len(rest) >= len(s.word) && strings.EqualFold(rest[:len(s.word)], s.word) &&
			!(len(rest) > len(s.word) && isLetterByte(rest[len(s.word)])) {
			if len(s.word) == 1 && at != k && text[k] != ' ' {
				continue
			}
			return s.exp, at + len(s.word)
		}
	}
	return 0, 0
}

var englishScales = []struct {
	word string
	exp  int
}{
	{"trillion", 12}, {"billions", 9}, {"billion", 9}, {"millions", 6}, {"million", 6}, {"thousand", 3},
	{"bn", 9}, {"mln", 6}, {"mn", 6}, {"tn", 12}, {"b", 9}, {"m", 6}, {"k", 3},
}

// measureWords after a number with 万 or 亿 make it a quantity of something
// other than money: 150万套, 14亿人口, 1万亩, 30万吨, 5万平方米.
const measureWords = "套台辆吨件只头人户亩平米方公座栋间张份册本部首条株棵箱盒瓶片颗粒块根双对枚袋桶斤升度瓦千次批家名位项支所场轮例字页篇行步个粉票册倍"

// measureAfter reports whether a measure word or a Latin unit (万kW, 万m²)
// follows a number's unit.
func measureAfter(rest string) bool {
	r := firstRune(rest)
	return strings.ContainsRune(measureWords, r) || r < utf8.RuneSelf && isLetterByte(byte(r))
}

// otherCounts are the words after which a number with 万 or 亿 counts
// something other than money (年产150万, 人口500万); 年产值 and 产值 are money.
var otherCounts = []string{"年产", "产能", "产量", "人口", "人次", "用户", "粉丝", "游客", "客流", "面积"}

func otherCountBefore(head string) bool {
	head = strings.TrimRight(head, " ")
	for _, w := range otherCounts {
		if strings.HasSuffix(head, w) {
			return true
		}
	}
	return false
}

// projectSizeAfter reports whether 元 and a word of project size follow a
// `N个亿`: 12个亿元项目, 5个亿元以上项目 count projects.
func projectSizeAfter(rest string) bool {
	rest, ok := strings.CutPrefix(rest, "元")
	return ok && hasAnyPrefix(rest, []string{"以上", "级", "项目", "大项目", "的项目", "重点"})
}

// bandWords make an amount a band: 10亿元以上, 100亿级, $5 million and above.
var bandWords = []string{"以上", "以下", "以内", "级", "量级", "and above", "or more", "-plus"}

// bandAfter returns the length of the band word (and the spaces before it)
// that follows an amount, or 0 when none does.
func bandAfter(rest string) int {
	trimmed := strings.TrimLeft(rest, " ")
	for _, w := range bandWords {
		if strings.HasPrefix(trimmed, w) {
			return len(rest) - len(trimmed) + len(w)
		}
	}
	return 0
}

// rangeSeparators join the two ends of a range of amounts.
var rangeSeparators = []string{"-", "–", "—", "~", "～", "至", "到", "－", " to "}

// rangeEnd reports whether the number n, read up to k, is one end of a range
// of money (5-8亿, 5亿-8亿元, $5-8 million, 1至10亿级) and where the range ends:
// the other end must be written as money too, or the first had a currency.
func rangeEnd(text string, n number, k int, hasCurrency bool) (int, bool) {
	for _, at := range []int{n.digitsEnd, k} {
		rest := strings.TrimLeft(text[at:], " ")
		for _, sep := range rangeSeparators {
			after, ok := strings.CutPrefix(rest, sep)
			if !ok {
				continue
			}
			from := skipSpaces(text, len(text)-len(after))
			if c, to := currencyBefore(text, from); c != "" {
				from = skipSpaces(text, to)
			}
			if !isNumberRune(firstRune(text[from:])) {
				continue
			}
			second, ok := readNumber(text, from)
			if !ok {
				continue
			}
			end, shaped := moneyEnd(text, &second)
			if !shaped && !hasCurrency {
				continue
			}
			if _, after := currencyAfter(text, end); after > end {
				end = after
			}
			return max(end, k), true
		}
	}
	return 0, false
}

// number is a number read from text: its value in the unit (yuan, dollar),
// whether it had 万 or 亿 (big), whether it was written `N个亿` (counted),
// and where its digits (before any unit) and the whole number end.
type number struct {
	value          decimal
	big, counted   bool
	scaled         bool
	digitsEnd, end int
}

// readNumber reads an arabic number (1,200.5, full-width １２), a Chinese
// numeral (三千五百万, 十二亿, 九点三亿) or a mix (1亿2000万, 3千万) at i,
// with its 万 and 亿. Approximations (余, 多, 几) before a unit are skipped.
func readNumber(text string, i int) (number, bool) {
	var (
		result, section, small, pending decimal
		hasPending, afterBig            bool
		pendingStart                    int
		out                             number
		fits                            = true
	)
	add := func(a, b decimal) decimal {
		s, ok := a.add(b)
		fits = fits && ok
		return s
	}
	at := i
	for at < len(text) {
		r, size := utf8.DecodeRuneInString(text[at:])
		if isArabicDigit(r) || hanDigit(r) >= 0 {
			if hasPending {
				break // two numbers with no unit between
			}
			var end int
			if isArabicDigit(r) {
				v, e, ok := readArabic(text, at)
				if !ok {
					return number{}, false
				}
				pending, end = v, e
				if sp := skipSpaces(text, end); sp > end && strings.ContainsRune("万亿萬億", firstRune(text[sp:])) {
					end = sp // "12 亿元"
				}
			} else {
				pending, end = readHanDigits(text, at)
			}
			hasPending, pendingStart, afterBig = true, at, false
			out.digitsEnd, at = end, end
			continue
		}
		if e := smallUnit(r); e > 0 {
			if !hasPending {
				if e != 1 || at != i && !afterBig {
					break
				}
				pending = decimal{m: 1} // 十二亿, 一亿十万
			}
			small, hasPending, afterBig = add(small, pending.shift(e)), false, false
			at += size
			out.digitsEnd = at
			continue
		}
		if isBigUnit(r) {
			if !hasPending && small.m == 0 && (r == '万' || r == '萬' || section.m == 0) {
				break
			}
			if hasPending {
				small, hasPending = add(small, pending), false
			}
			if r == '万' || r == '萬' {
				section, small = add(section, small.shift(4)), decimal{}
			} else {
				result = add(result, add(section, small)).shift(8)
				section, small = decimal{}, decimal{}
			}
			out.big, afterBig = true, true
			at += size
			continue
		}
		if r == '个' && (hasPending || small.m != 0) && isBigUnit(firstRune(text[at+size:])) {
			out.counted = true // 3个亿
			at += size
			continue
		}
		if (r == '余' || r == '多' || r == '几') && (hasPending || small.m != 0) && unitNext(text[at+size:]) {
			at += size // 10余亿, 5000多万, 十几亿
			continue
		}
		break
	}
	if hasPending && out.big {
		hasPending, at = false, pendingStart // "1亿2": the 2 is not part of it
	}
	if hasPending {
		small = add(small, pending)
	}
	total := add(add(result, section), small)
	if !fits || at == i {
		return number{}, false
	}
	out.value, out.end = total, at
	return out, true
}

// smallUnit is the power of ten of 十, 百 or 千, or 0.
func smallUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 1
	case '百', '佰':
		return 2
	case '千', '仟':
		return 3
	}
	return 0
}

// isBigUnit reports whether r is 万 or 亿.
func isBigUnit(r rune) bool { return r == '万' || r == '萬' || r == '亿' || r == '億' }

// unitNext reports whether a unit follows an approximation word.
func unitNext(rest string) bool {
	return strings.ContainsRune("十百千万亿萬億个", firstRune(rest))
}

// readArabic reads digits with optional thousands separators and decimals
// (full-width digits too) at i.
func readArabic(text string, i int) (decimal, int, bool) {
	var d decimal
	digits, at, point := 0, i, false
	for at < len(text) {
		r, size := utf8.DecodeRuneInString(text[at:])
		switch {
		case isArabicDigit(r):
			if digits == 18 {
				return decimal{}, 0, false
			}
			d.m = d.m*10 + int64(arabicValue(r))
			digits++
			if point {
				d.x--
			}
		case (r == ',' || r == '，') && !point && groupOfThree(text[at+size:]):
			// 20,000,000: a thousands separator
		case (r == '.' || r == '．') && !point && isArabicDigit(firstRune(text[at+size:])):
			point = true
		default:
			return d, at, true
		}
		at += size
	}
	return d, at, true
}

// groupOfThree reports whether exactly three digits follow a separator.
func groupOfThree(rest string) bool {
	n := 0
	for _, r := range rest {
		if !isArabicDigit(r) {
			break
		}
		n++
	}
	return n == 3
}

// readHanDigits reads one Chinese digit at i, with a decimal part after 点 (九点三).
func readHanDigits(text string, i int) (decimal, int) {
	r, size := utf8.DecodeRuneInString(text[i:])
	d := decimal{m: int64(hanDigit(r))}
	at := i + size
	if rest, ok := strings.CutPrefix(text[at:], "点"); ok && hanDigit(firstRune(rest)) >= 0 {
		at += len("点")
		for at < len(text) && d.x > -6 {
			r, size := utf8.DecodeRuneInString(text[at:])
			v := hanDigit(r)
			if v < 0 {
				break
			}
			d.m, d.x = d.m*10+int64(v), d.x-1
			at += size
		}
	}
	return d, at
}

// hanDigit is the value of a Chinese digit, or -1.
func hanDigit(r rune) int {
	if i := strings.IndexRune("零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖", r); i >= 0 {
		return []int{0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9}[utf8.RuneCountInString("零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"[:i])]
	}
	return -1
}

func isArabicDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func arabicValue(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}

// isNumberRune reports whether a number may start with r.
func isNumberRune(r rune) bool {
	return isArabicDigit(r) || hanDigit(r) >= 0 || r == '十' || r == '拾'
}

// isUnitRune reports whether r is a Chinese number unit (a number does not start after one).
func isUnitRune(r rune) bool { return strings.ContainsRune("十拾百佰千仟万萬亿億", r) }

func isLetterByte(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}

// decimal is an exact number m × 10^x.
type decimal struct {
	m int64
	x int
}

// shift multiplies d by 10^e.
func (d decimal) shift(e int) decimal { return decimal{m: d.m, x: d.x + e} }

// add returns d + o, false when it does not fit.
func (d decimal) add(o decimal) (decimal, bool) {
	if d.m == 0 {
		return o, true
	}
	if o.m == 0 {
		return d, true
	}
	x := min(d.x, o.x)
	a, ok1 := scaleUp(d.m, d.x-x)
	b, ok2 := scaleUp(o.m, o.x-x)
	if !ok1 || !ok2 || a > MaxAmount*1e6-b {
		return decimal{}, false
	}
	return decimal{m: a + b, x: x}, true
}

// scaleUp returns m × 10^e (e ≥ 0), false when it does not fit.
func scaleUp(m int64, e int) (int64, bool) {
	for ; e > 0; e-- {
		if m > MaxAmount*1e6/10 {
			return 0, false
		}
		m *= 10
	}
	return m, true
}

// wan returns d in 万, rounded half up, false when it does not fit.
func (d decimal) wan() (int64, bool) {
	e := d.x - 4
	if e >= 0 {
		return scaleUp(d.m, e)
	}
	if e < -18 {
		return 0, true
	}
	p := int64(1)
	for ; e < 0; e++ {
		p *= 10
	}
	return (d.m + p/2) / p, true
}

// Format shows a in the way 招商 reports write it. Chinese is exact: 亿 from
// 1亿 up with up to four decimals (`12亿元`, `1.55亿元`, `1.2亿美元`), 万 below
// with thousands separators (`3,500万元`). English shows millions exactly
// (`CNY 35 m`, `USD 350 m`, `CNY 0.5 m`) and from a billion up billions rounded
// half up to two decimals (`CNY 1.2 bn`, `CNY 1.55 bn`): the JSON keeps the
// exact integer.
func (a Amount) Format(lang Lang) string {
	if a.Currency == "" {
		a.Currency = "CNY" // the zero Amount is 0万元
	}
	if lang == Chinese {
		unit := chineseCurrency[a.Currency]
		if unit == "" {
			unit = a.Currency
		}
		if a.Value >= 10000 {
			return fixed(a.Value, 4) + "亿" + unit
		}
		return grouped(a.Value) + "万" + unit
	}
	if a.Value >= 100000 {
		return a.Currency + " " + fixed((a.Value+500)/1000, 2) + " bn"
	}
	return a.Currency + " " + fixed(a.Value, 2) + " m"
}

// chineseCurrency names each currency as a Chinese amount ends: 亿元, 万美元.
var chineseCurrency = map[string]string{"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元", "GBP": "英镑"}

// fixed shows v / 10^places with trailing zeros dropped: fixed(15500, 4) = "1.55".
func fixed(v int64, places int) string {
	p := int64(1)
	for range places {
		p *= 10
	}
	s := grouped(v / p)
	frac := strconv.FormatInt(v%p+p, 10)[1:]
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		s += "." + frac
	}
	return s
}

// grouped shows v with a comma every three digits: 3,500.
func grouped(v int64) string {
	s := strconv.FormatInt(v, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
