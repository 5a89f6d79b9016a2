package bot

import (
	"context"
	"unicode"
	"unicode/utf8"

	"planbot/planner"
)

// learnsLang are the verbs whose Chinese sets the member's language: those
// that write something anyway (a view changes nothing, not even that), but
// not lead, whose Chinese may be only a company's name.
var learnsLang = map[Verb]bool{
	VerbAdd: true, VerbDone: true, VerbCancel: true, VerbMove: true, VerbEdit: true, VerbNote: true,
}

// wroteChinese reports whether cmd, whose when (if any) was in whenLang, is
// a member writing Chinese: a verb that stores something, given in Chinese,
// or without an English verb a Chinese when, or without any when mostly
// Chinese words ("出差北京", not "visit 常诚车业").
func wroteChinese(cmd Command, whenLang planner.Lang) bool {
	switch {
	case !learnsLang[cmd.Verb]:
		return false
	case cmd.Lang != "":
		return cmd.Lang == planner.Chinese
	case whenLang != "":
		return whenLang == planner.Chinese
	}
	return mostlyChinese(cmd.Args)
}

// mostlyChinese reports whether s has at least as many Chinese characters
// as English letters.
func mostlyChinese(s string) bool {
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin++
		}
	}
	return han > 0 && han >= latin
}

// learnChinese stores Chinese as the language of a member who wrote Chinese
// and had none set, so that every later reply (week, done, reminders) is in
// Chinese until they set another with /plan lang. The command is done
// already: a failure to store it is only logged.
func (h *Handler) learnChinese(ctx context.Context, t *Turn) {
	if err := t.Service.SetLang(ctx, t.Actor, planner.Chinese); err != nil {
		h.Log.Warn("could not store a member's language", "err", err)
	}
}
