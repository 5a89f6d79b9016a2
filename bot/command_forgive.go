package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// The id first ("2 done", "#2 完成 有意向") is that command; a mistyped verb
// before an id ("dnoe 2", "cancle 3", "完戍 3", "2 dnoe") is VerbMistyped
// with the command meant, so that nothing is filed. A word near a
// verb before a count ("dine 2 clients", "推进 3 个项目") is an item.
func forgive(line string) (Command, bool) {
	if list, rest, ok := readIDs(line); ok && rest != "" && list.bad == "" {
		word, after := splitVerb(rest)
		if v, ok := verbWords[strings.ToLower(word)]; ok && takesID(v.verb) {
			args := strings.TrimSpace(list.text + " " + after)
			if fits(v.verb, args) {
				return Command{Verb: v.verb, Args: args, Lang: v.lang}, true
			}
		}
		if near, ok := nearVerb(word); ok && !countsNoun(after) {
			return suggest(near, strings.TrimSpace(list.text+" "+after)), true
		}
		return Command{}, false
	}
	// The id is looked for before the near verb: most lines are items, and
	// reading an id is much cheaper than the edit distances to every verb.
	word, rest := leadingWord(line)
	if _, after, ok := readIDs(rest); !ok || countsNoun(after) {
		return Command{}, false
	}
	near, ok := nearVerb(word)
	if !ok {
		return Command{}, false
	}
	return suggest(near, rest), true
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
// and verb words themselves, are no typos.
func nearVerb(word string) (string, bool) {
	word = strings.ToLower(word)
	n := utf8.RuneCountInString(word)
	if _, verb := verbWords[word]; verb || n < 2 || n > maxVerbLen+2 || n < 3 && !unicode.Is(unicode.Han, []rune(word)[0]) {
		return "", false
	}
	best, bestD := "", 3
	for _, w := range idVerbWords {
		limit := 1
		if utf8.RuneCountInString(w) > 4 {
			limit = 2
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
// it is the item's count.
func countsNoun(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if strings.ContainsRune(classifiers, r) {
		return true
	}
	word, _ := cutWord(text)
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
