package bot

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"planbot/planner"
)

// takesID reports whether verb's arguments start with an item id.
func takesID(v Verb) bool {
	switch v {
	case VerbDone, VerbCancel, VerbMove, VerbEdit, VerbHistory:
		return true
	}
	return false
}

// idVerbWords are the words of the verbs that take an item id, sorted: the
// words a mistyped verb is compared with.
var idVerbWords = func() []string {
	var words []string
	for w, v := range verbWords {
		if takesID(v.verb) {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words
}()

// maxVerbLen is the length in characters of the longest of idVerbWords: a
// word two longer is no typo of any.
var maxVerbLen = func() int {
	n := 0
	for _, w := range idVerbWords {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// forgive reads a line that is not a command as written but looks like one.
// The id first ("2 done", "#2 完成 有意向", "1完成") is that command, and so is
// an English verb run into its id ("done1", "move3 fri"); a mistyped verb
// before an id ("dnoe 2", "cancle 3", "完戍 3", "2 dnoe", "mvoe 3 周五") is
// VerbMistyped with the command meant, so that nothing is filed. A word near a
// verb before a count ("dine 2 clients", "推进 3 个项目") is an item, and so is
// a when before a day number ("星期3 拜访企业").
func forgive(line string) (Command, bool) {
	if list, rest, glued, ok := leadingIDs(line); ok && rest != "" && list.bad == "" {
		word, after := splitVerb(rest)
		if v, ok := verbWords[strings.ToLower(word)]; ok && takesID(v.verb) {
			if cmd, fits := readArgs(v.verb, strings.TrimSpace(list.text+" "+after)); fits {
				cmd.Lang = v.lang
				return cmd, true
			}
		}
		if near, ok := nearVerb(word); ok && !glued && !countsNoun(after) {
			return suggest(near, strings.TrimSpace(list.text+" "+after)), true
		}
		return Command{}, false
	}
	// The id is looked for before the near verb: most lines are items, and
	// reading an id is much cheaper than the edit distances to every verb.
	word, rest := leadingWord(line)
	if verb, ids, ok := verbThenID(word); ok {
		word, rest = verb, strings.TrimSpace(ids+" "+rest)
		if v, ok := verbWords[strings.ToLower(word)]; ok && takesID(v.verb) {
			if cmd, fits := readArgs(v.verb, rest); fits {
				cmd.Lang = v.lang
				return cmd, true
			}
		}
	}
	list, after, ok := readIDs(rest)
	if !ok || countsNoun(after) {
		return Command{}, false
	}
	near, ok := nearVerb(word)
	if !ok || isWhen(word+list.text) || isWhen(word) {
		return Command{}, false
	}
	return suggest(near, rest), true
}

// leadingIDs reads the id list that starts a line, followed by a space or a
// colon ("2 done") or, glued is then set, by Chinese text ("1完成").
func leadingIDs(line string) (list idList, rest string, glued, ok bool) {
	if list, rest, ok = readIDs(line); ok {
		return list, rest, false, true
	}
	i := strings.IndexFunc(line, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	if i <= 0 {
		return idList{}, "", false, false
	}
	if list, tail, ok := readIDs(line[:i]); ok && tail == "" {
		return list, line[i:], true, true
	}
	return idList{}, "", false, false
}

// verbThenID splits a word of Latin letters run into an id list ("done1",
// "done#1", "mvoe3") into the letters and the ids.
func verbThenID(word string) (verb, ids string, ok bool) {
	i := strings.IndexFunc(word, func(r rune) bool { return r < 'A' || r > 'Z' && r < 'a' || r > 'z' })
	if i < 3 || word[i] != '#' && (word[i] < '0' || word[i] > '9') {
		return "", "", false
	}
	if _, rest, ok := readIDs(word[i:]); !ok || rest != "" {
		return "", "", false
	}
	return word[:i], word[i:], true
}

// whenProbe is the day a word is read relative to when all that matters is
// whether the itinerary grammar takes it as a when.
var whenProbe = time.Date(2025, time.January, 6, 12, 0, 0, 0, time.UTC)

// isWhen reports whether text is a when the itinerary grammar reads ("星期3",
// "周五") or one it refuses as a date it cannot take ("周8", "月底"): such a
// word is a day, never a mistyped verb nor a counter.
func isWhen(text string) bool {
	_, err := planner.ParseWhen(text, whenProbe, time.UTC)
	var e *planner.Error
	return err == nil || errors.As(err, &e) && e.Reason != planner.ReasonBadWhen
}

// suggest is the hint that verb word w with args was meant.
func suggest(w, args string) Command {
	return Command{Verb: VerbMistyped, Args: "/plan " + w + " " + args, Lang: verbWords[w].lang}
}

// leadingWord splits off a line's first word: its leading Chinese characters
// ("完戍3" → 完戍), else what comes before the first space.
func leadingWord(line string) (word, rest string) {
	i := strings.IndexFunc(line, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
	if i > 0 {
		return line[:i], strings.TrimSpace(line[i:])
	}
	return cutWord(line)
}

// nearVerb returns the verb word that word is a typo of: within one edit of
// a word of up to four letters (a swap of two letters is one edit: dnoe),
// within two of a longer one (cancle, histroy). Words of one or two letters,
// and verb words themselves, are no typos. A Chinese word must keep the
// verb's first character (完戍, 改其): 期, 成 or 消 after another one make
// words of their own (星期, 近期, 日期, 假期), not typos of 延期 or 改期.
func nearVerb(word string) (string, bool) {
	word = strings.ToLower(word)
	n := utf8.RuneCountInString(word)
	first, _ := utf8.DecodeRuneInString(word)
	han := unicode.Is(unicode.Han, first)
	if _, verb := verbWords[word]; verb || n < 2 || n > maxVerbLen+2 || n < 3 && !han {
		return "", false
	}
	best, bestD := "", 3
	for _, w := range idVerbWords {
		limit := 1
		if utf8.RuneCountInString(w) > 4 {
			limit = 2
		}
		if han && !sameStart(word, w) {
			continue
		}
		d := editDistance(word, w)
		if d <= limit && (d < bestD || d == bestD && sameStart(word, w) && !sameStart(word, best)) {
			best, bestD = w, d
		}
	}
	return best, best != ""
}

// sameStart reports whether a and b begin with the same character.
func sameStart(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

// classifiers are the first characters of the Chinese measure words and units
// that follow a count ("3 个项目", "2 家企业", "5 处", "30 亩", "2 小时"): a
// number before one is a count, not an item id.
const classifiers = "个家场次项份批位名人天趟期轮件条笔所套户处遍回台辆张本栋块亩万亿元吨平米公小分周月年号点层座间"

// countsNoun reports whether text starts with what a count counts: a Chinese
// measure word or an English plural ("2 clients"), so that the number before
// it is the item's count. A when is no measure word ("3 周五").
func countsNoun(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	word, _ := cutWord(text)
	if strings.ContainsRune(classifiers, r) {
		return !isWhen(word) // "3 周五" is item 3 and a day, "3 周" three weeks
	}
	word = strings.ToLower(word)
	return len(word) >= 3 && strings.HasSuffix(word, "s") &&
		strings.IndexFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

// editDistance is the optimal string alignment distance between a and b, in
// runes: insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
