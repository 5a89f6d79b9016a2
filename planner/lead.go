package planner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LeadLine is what /plan lead says: a company's name, the stage to put it at
// (empty: leave it, or lead for a new company) and a note.
type LeadLine struct {
	Name   string
	Stage  Stage
	Note   string
	Quoted bool // the name was in quotes
	// Amount is the first amount in Note (`签约 总投资12亿元`), the zero Amount
	// when none: it becomes the company's.
	Amount Amount
	// Due is the deadline the line sets (`开工 截止 2026-03-31`), cut out of
	// its note; the zero Deadline when none.
	Due Deadline
	// Alias is another name the line gives the company (`常诚车业 aka
	// Changcheng Auto`, `常诚车业 别名 Changcheng Auto`), "" when none: a line
	// with one says nothing else.
	Alias string
}

// stageWords are the words that name a stage in a lead line, in English and
// Chinese; a line's first such word (after an unquoted name) is its stage.
var stageWords = map[string]Stage{
	"lead": StageLead, "线索": StageLead,
	"contacted": StageContacted, "已对接": StageContacted, "对接": StageContacted,
	"negotiating": StageNegotiating, "negotiation": StageNegotiating, "在谈": StageNegotiating, "洽谈": StageNegotiating,
	"signed": StageSigned, "签约": StageSigned, "已签约": StageSigned,
	"landed": StageLanded, "落地": StageLanded, "已落地": StageLanded,
	"construction": StageConstruction, "开工": StageConstruction, "已开工": StageConstruction,
	"production": StageProduction, "投产": StageProduction, "已投产": StageProduction,
	"on_hold": StageOnHold, "paused": StageOnHold, "暂停": StageOnHold,
	"lost": StageLost, "流失": StageLost,
}

// ParseStage reads a stage word ("signed", "签约", "on hold", "on_hold"…).
func ParseStage(word string) (Stage, bool) {
	word = strings.ToLower(strings.Join(strings.Fields(word), "_"))
	s, ok := stageWords[word]
	return s, ok
}

// quotes pairs each opening quote a name may be given in with its closing one.
var quotes = map[rune]rune{'"': '"', '“': '”', '「': '」', '『': '』'}

// ParseLead reads a lead line on day today: `常诚车业 签约 年产150万套车灯项目`,
// `"Changcheng Auto" signed` (straight or curly quotes, so that a name may hold
// a stage word), or a bare name, maybe with a deadline (cutDeadline). Without
// quotes the name ends at the first stage word or deadline. A stage word that
// the deadline follows at once names the step due, not a move (`开工 截止
// 2026-03-31`). An empty or over-long name, or an unclosed quote, is an
// Invalid error (Reason bad_company); a deadline that is no day, or a past
// one, too (bad_due, due_past). A line of a stage word alone is an Invalid
// error (stage_only); a name followed by an alias word gives the company
// another name (cutAlias: Alias), and says nothing else (bad_alias).
func ParseLead(text string, today Date) (LeadLine, error) {
	text = strings.TrimSpace(text)
	// "lead aka BYD": no company named before the alias word; written as
	// the word is (a name may begin with "Aka").
	if first, _, _ := nextWord(text); slices.Contains(aliasWords, first) {
		return LeadLine{}, Errorf(Invalid, ReasonBadAlias, "")
	}
	if before, rest, ok := cutAlias(text); ok {
		line, err := ParseLead(before, today)
		if err != nil {
			return LeadLine{}, err
		}
		if line.Stage != "" || line.Note != "" || !line.Due.IsZero() {
			return LeadLine{}, Errorf(Invalid, ReasonBadAlias, "")
		}
		line.Alias, err = parseAlias(rest)
		return line, err
	}
	var line LeadLine
	var rest string
	if open, size := utf8.DecodeRuneInString(text); quotes[open] != 0 {
		end := strings.IndexRune(text[size:], quotes[open])
		if end < 0 {
			return LeadLine{}, Errorf(Invalid, ReasonBadCompany, "")
		}
		line.Name, rest = text[size:size+end], text[size+end+utf8.RuneLen(quotes[open]):]
		line.Quoted = true
	} else {
		words := strings.FieldsFunc(text, unicode.IsSpace)
		n := len(words)
		for i := 1; i < len(words); i++ {
			if _, used := stageOf(words[i:]); used > 0 || opensDeadline(strings.Join(words[i:], " "), today) {
				n = i
				break
			}
		}
		line.Name, rest = strings.Join(words[:n], " "), strings.Join(words[n:], " ")
		if at := gluedDeadline(line.Name); at > 0 { // "常诚车业截止3月31日"
			line.Name, rest = line.Name[:at], line.Name[at:]+" "+rest
		}
		if opensDeadline(line.Name, today) { // "截止 3月31日": no name
			return LeadLine{}, Errorf(Invalid, ReasonBadCompany, "")
		}
	}
	line.Name = cleanName(line.Name)
	if word := stageOnly(line.Name); !line.Quoted && word != "" {
		return LeadLine{}, Errorf(Invalid, ReasonStageOnly, word) // "lead 签约": no company named
	}
	if line.Name == "" || utf8.RuneCountInString(line.Name) > MaxCompanyName || strings.ContainsAny(line.Name, strayQuotes) {
		return LeadLine{}, Errorf(Invalid, ReasonBadCompany, "")
	}
	words := strings.FieldsFunc(rest, unicode.IsSpace)
	if stage, used := stageOf(words); used > 0 {
		line.Stage, words = stage, words[used:]
	}
	due, start, note, err := cutDeadline(strings.Join(words, " "), today)
	if err != nil {
		return LeadLine{}, err
	}
	if start == 0 && due.Step == "" && line.Stage.inPipeline() {
		due.Step, line.Stage = line.Stage, ""
	}
	line.Note, line.Due = note, due
	if a, _, _, ok := FindAmount(line.Note); ok {
		line.Amount = a
	}
	if err := CheckText(line.Name + line.Note); err != nil {
		return LeadLine{}, err
	}
	if utf8.RuneCountInString(line.Note) > MaxTitle {
		return LeadLine{}, Errorf(Invalid, ReasonTooLong, "")
	}
	return line, nil
}

// strayQuotes are quote marks that may not stand in a name: a quoted name is
// read without its quotes, so one left in the name was not closed or opened.
const strayQuotes = "\"“”「」『』"

// cleanName is a name as a company's: invisible format characters removed
// (withoutInvisible), spaces made single, and the brackets items link with
// ([…], 【…】) and punctuation typed after a name (。，,、;；:：) taken off, so
// that "【常诚车业】", "常诚车业。" and "常诚\u200b车业" are 常诚车业.
func cleanName(name string) string {
	name = strings.Join(strings.FieldsFunc(withoutInvisible(name), unicode.IsSpace), " ")
	for {
		trimmed := strings.TrimSpace(strings.TrimRight(name, "。，,、;；:："))
		if inner, ok := strings.CutPrefix(trimmed, "["); ok && strings.HasSuffix(inner, "]") {
			trimmed = strings.TrimSuffix(inner, "]")
		} else if inner, ok := strings.CutPrefix(trimmed, "【"); ok && strings.HasSuffix(inner, "】") {
			trimmed = strings.TrimSuffix(inner, "】")
		}
		trimmed = strings.TrimSpace(trimmed)
		if trimmed == name {
			return name
		}
		name = trimmed
	}
}

// stageOnly returns the stage word(s) an unquoted name is made of alone
// ("签约", "on hold"): a line that names a stage where the company's name
// goes. It returns "" otherwise: a name may start with a stage word.
func stageOnly(name string) string {
	words := strings.Fields(name)
	if _, used := stageOf(words); used == 0 || used < len(words) {
		return ""
	}
	return name
}

// stageOf reads a stage from the first words, "on hold" taking two, and
// returns it with how many words it took (0 for none).
func stageOf(words []string) (Stage, int) {
	if len(words) >= 2 && strings.EqualFold(words[0], "on") && strings.EqualFold(words[1], "hold") {
		return StageOnHold, 2
	}
	if len(words) > 0 {
		if s, ok := ParseStage(words[0]); ok {
			return s, 1
		}
	}
	return "", 0
}

// bracketed returns the names written in brackets in text, in order:
// [Changcheng Auto], 【常诚车业】.
func bracketed(text string) []string {
	var names []string
	for rest := text; ; {
		i := strings.IndexAny(rest, "[【")
		if i < 0 {
			return names
		}
		closing := "]"
		if strings.HasPrefix(rest[i:], "【") {
			closing = "】"
		}
		_, open := utf8.DecodeRuneInString(rest[i:])
		rest = rest[i+open:]
		j := strings.Index(rest, closing)
		if j < 0 {
			return names
		}
		if name := strings.TrimSpace(rest[:j]); name != "" && utf8.RuneCountInString(name) <= MaxCompanyName {
			names = append(names, name)
		}
		rest = rest[j+len(closing):]
	}
}

// minMention is the fewest characters a company's name needs to be linked
// without brackets: a shorter one ("蓝天", "On") is too likely to be part of
// other words ("蓝天白云广场", "on fri").
const minMention = 3

// mentions reports whether the folded text names the company of key: a key of
// Latin letters and digits must stand as whole words ("catl" is not in
// "catlike"); any other key (Chinese) may appear anywhere. A key shorter than
// minMention characters is named only in brackets.
func mentions(text, key string) bool {
	if utf8.RuneCountInString(key) < minMention {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], key)
		if i < 0 {
			return false
		}
		i += from
		if !latinEdge(text, i-1, true) && !latinEdge(text, i+len(key), false) || !isLatinKey(key) {
			return true
		}
		from = i + 1
	}
}

// latinEdge reports whether a Latin letter or digit touches a match at byte
// index at (the rune ending there when before, else the rune starting there).
func latinEdge(text string, at int, before bool) bool {
	var r rune
	switch {
	case before && at >= 0:
		r, _ = utf8.DecodeLastRuneInString(text[:at+1])
	case !before && at < len(text):
		r, _ = utf8.DecodeRuneInString(text[at:])
	default:
		return false
	}
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isLatinKey reports whether key is made of ASCII only.
func isLatinKey(key string) bool {
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
