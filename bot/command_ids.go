package bot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxIDs bounds the items one command may name ("done 1-50").
const maxIDs = 50

// idList is the item ids at the start of a command's arguments, as written:
// "3", "#3", "５" (full-width), "5,6", "5、6", "5-7", "#5,#6".
type idList struct {
	ids  []int64
	text string // the list as typed, ready to show back in ASCII ("5,6")
	bad  string // the id that is not one (0, -1, a range backwards or too long), "" when all are
}

// readIDs reads the id list that starts args, followed by the end, a space
// or a colon, and returns it with the text after it. ok is false when args
// do not start with an id list: "3家企业" is not item 3. A minus sign starts
// a list too, so that "done -1" is a bad id rather than an item.
func readIDs(args string) (list idList, rest string, ok bool) {
	s := asciiID(args)
	i, prev := 0, int64(0)
	var b strings.Builder
	for {
		start := i
		if i < len(s) && s[i] == '#' {
			i++
		}
		neg := i < len(s) && s[i] == '-' && start == 0 && i == 0
		if neg {
			i++
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			if start == 0 {
				return idList{}, "", false
			}
			i = start - 1 // a separator that no id follows ("3, 2 of 4") ends the list before it
			break
		}
		id, err := strconv.ParseInt(s[i:j], 10, 64)
		switch {
		case neg || err != nil || id < 1:
			list.bad = strings.TrimLeft(s[start:j], "#")
		case start > 0 && s[start-1] == '-': // the end of a range
			if id < prev || id-prev >= maxIDs {
				list.bad = strconv.FormatInt(prev, 10) + "-" + strconv.FormatInt(id, 10)
			}
			for n := prev + 1; n <= id && list.bad == ""; n++ {
				list.ids = append(list.ids, n)
			}
		default:
			list.ids = append(list.ids, id)
		}
		if b.Len() > 0 {
			b.WriteByte(s[start-1])
		}
		b.WriteString(s[i:j])
		prev, i = id, j
		if i+1 >= len(s) || !strings.ContainsRune(",-", rune(s[i])) {
			break
		}
		i++
	}
	if i < len(s) {
		r := s[i]
		if r != ' ' && r != ',' && r != ':' {
			return idList{}, "", false
		}
	}
	list.text = b.String()
	list.ids = unique(list.ids)
	if len(list.ids) > maxIDs && list.bad == "" {
		list.bad = list.text
	}
	// The rest of args as typed: asciiID keeps one byte for each of its runes.
	return list, strings.TrimSpace(strings.TrimLeft(originalAfter(args, i), " ,:、，：")), true
}

// unique returns ids without repeats, in their first order.
func unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// idRunes are the characters of an id list as Chinese input methods type
// them, with their ASCII forms: full-width digits, ＃, and the list marks
// (，、 and the dashes of a range all read as "," or "-").
var idRunes = map[rune]byte{
	'＃': '#', '，': ',', '、': ',', '－': '-', '–': '-', '—': '-', '~': '-', '～': '-', '：': ':',
}

// asciiID maps each rune of s to one byte: digits and id marks to their ASCII
// forms, any other non-ASCII rune to 0xff, so that a byte offset in the
// result is a rune index of s.
func asciiID(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b = append(b, byte('0'+r-'０'))
		case idRunes[r] != 0:
			b = append(b, idRunes[r])
		case unicode.IsSpace(r):
			b = append(b, ' ')
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		default:
			b = append(b, 0xff)
		}
	}
	return string(b)
}

// originalAfter returns s after its first n runes.
func originalAfter(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

// onlyIDs reports whether text is nothing but an id list ("6", "#6", "6,7"):
// given as an outcome or a reason, it is an id the member meant to list.
func onlyIDs(text string) bool {
	list, rest, ok := readIDs(text)
	return ok && rest == "" && list.bad == ""
}
