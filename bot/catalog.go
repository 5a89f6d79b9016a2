package bot

import (
	"fmt"
	"strings"

	"planbot/planner"
)

// msg names a sentence planbot says; each language's catalog has every msg.
type msg string

// The sentences of the catalogs.
const (
	msgAdded         msg = "added"
	msgAddedMany     msg = "added_many"
	msgYourWeek      msg = "your_week"
	msgTeamWeek      msg = "team_week"
	msgNothing       msg = "nothing"
	msgWeekEmpty     msg = "week_empty"
	msgDone          msg = "done"
	msgCancelled     msg = "cancelled"
	msgMoved         msg = "moved"
	msgEdited        msg = "edited"
	msgNoteSaved     msg = "note_saved"
	msgNoteShow      msg = "note_show"
	msgNoteNone      msg = "note_none"
	msgLangSet       msg = "lang_set"
	msgDigestTitle   msg = "digest_title"
	msgDigestRate    msg = "digest_rate"
	msgDigestKinds   msg = "digest_kinds"
	msgDigestTrips   msg = "digest_trips"
	msgDigestMembers msg = "digest_members"
	msgDigestMember  msg = "digest_member"
	msgDigestNote    msg = "digest_note"
	msgDigestSilent  msg = "digest_silent"
	msgDigestEmpty   msg = "digest_empty"
	msgExportTitle   msg = "export_title"
	msgHelp          msg = "help"
	msgTryAdd        msg = "try_add"
)

// errorMsgs are the explanations of planner's error reasons, each with an example.
var errorMsgs = map[planner.Lang]map[planner.Reason]string{
	planner.English: englishErrors,
	planner.Chinese: chineseErrors,
}

var catalogs = map[planner.Lang]map[msg]string{
	planner.English: english,
	planner.Chinese: chinese,
}

// kindNames are the kinds as each language names them.
var kindNames = map[planner.Lang]map[planner.Kind]string{
	planner.English: englishKinds,
	planner.Chinese: chineseKinds,
}

// say formats sentence m in lang.
func say(lang planner.Lang, m msg, args ...any) string {
	return fmt.Sprintf(catalogs[lang][m], args...)
}

// explain returns the explanation of err in lang, with an example of the right form.
func explain(lang planner.Lang, err *planner.Error) string {
	text, ok := errorMsgs[lang][err.Reason]
	if !ok {
		text = errorMsgs[lang][planner.ReasonInternalFail]
	}
	if !strings.Contains(text, "%") {
		return text
	}
	return fmt.Sprintf(text, err.Detail)
}

// other returns the language that is not lang.
func other(lang planner.Lang) planner.Lang {
	if lang == planner.Chinese {
		return planner.English
	}
	return planner.Chinese
}
