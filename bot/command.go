package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"planbot/planner"
)

// Verb is what a /plan line asks for.
type Verb string

// The verbs of the /plan command language.
const (
	VerbAdd     Verb = "add"
	VerbWeek    Verb = "week"
	VerbTeam    Verb = "team"
	VerbDone    Verb = "done"
	VerbCancel  Verb = "cancel"
	VerbMove    Verb = "move"
	VerbEdit    Verb = "edit"
	VerbNote    Verb = "note"
	VerbDigest  Verb = "digest"
	VerbExport  Verb = "export"
	VerbHelp    Verb = "help"
	VerbLang    Verb = "lang"
	VerbHistory Verb = "history"
	VerbSetup   Verb = "setup"
	VerbNew     Verb = "new"
	VerbRemind  Verb = "remind"
	VerbForget  Verb = "forget"
	VerbLead    Verb = "lead"  // a company of the pipeline: create, move, note, show
	VerbLeads   Verb = "leads" // the pipeline
	// VerbMistyped is a line that looks like a mistyped command ("dnoe 2"):
	// its Args are the command meant ("/plan done 2"), and nothing is done.
	VerbMistyped Verb = "mistyped"
	// VerbTarget shows the team's targets with their 完成率.
	VerbTarget Verb = "target"
)

// Command is a /plan line as ParseCommand read it: its verb, the text after
// it, and what that text says for the verbs whose arguments have a shape —
// read once, as ParseCommand decides the line is that command (the other
// verbs take their text as it is: an item, a note, a company).
type Command struct {
	Verb Verb
	Args string       // the text after the verb, trimmed
	Lang planner.Lang // the language of the verb word, "" when the line is an item without a verb

	Items   ItemArgs // done, cancel, move, edit, history: the items named and the words after them
	Member  string   // forget: the member named
	Week    string   // week, team, export, digest: the week as typed ("", "next", "2025-W47", "下周")
	Format  string   // export: "xlsx", "csv", or "" for the default (CSV)
	Post    bool     // digest: post the retrospective to the team's channel now…
	Force   bool     // …even when it is posted already, or before its time
	Off     bool     // remind: reminders off (else on)
	Setting string   // setup: what it sets (digest, remind, channel, tz, lang, name)
	Value   string   // setup: the words after what it sets
	Period  string   // report: the period as typed ("", "2025-11", "上月", "月报"); Format: "xlsx" for the Excel report
}

// verbWords maps each word (English and Chinese) to its verb.
var verbWords = map[string]struct {
	verb Verb
	lang planner.Lang
}{
	"add": {VerbAdd, planner.English}, "添加": {VerbAdd, planner.Chinese},
	"week": {VerbWeek, planner.English}, "本周": {VerbWeek, planner.Chinese},
	"team": {VerbTeam, planner.English}, "团队": {VerbTeam, planner.Chinese},
	"done": {VerbDone, planner.English}, "完成": {VerbDone, planner.Chinese},
	"cancel": {VerbCancel, planner.English}, "取消": {VerbCancel, planner.Chinese},
	"move": {VerbMove, planner.English}, "改期": {VerbMove, planner.Chinese},
	"edit": {VerbEdit, planner.English}, "修改": {VerbEdit, planner.Chinese},
	"note": {VerbNote, planner.English}, "心得": {VerbNote, planner.Chinese},
	"digest": {VerbDigest, planner.English}, "周报": {VerbDigest, planner.Chinese},
	"export": {VerbExport, planner.English}, "导出": {VerbExport, planner.Chinese},
	"help": {VerbHelp, planner.English}, "帮助": {VerbHelp, planner.Chinese},
	"lang": {VerbLang, planner.English}, "语言": {VerbLang, planner.Chinese},
	"history": {VerbHistory, planner.English}, "历史": {VerbHistory, planner.Chinese},
	"setup": {VerbSetup, planner.English}, "设置": {VerbSetup, planner.Chinese},
	"new": {VerbNew, planner.English}, "新建": {VerbNew, planner.Chinese},
	"remind": {VerbRemind, planner.English}, "提醒": {VerbRemind, planner.Chinese},
	"forget": {VerbForget, planner.English}, "忘记": {VerbForget, planner.Chinese}, "删除成员": {VerbForget, planner.Chinese},
	// The issue's own example is "/plan lead 常诚车业 签约": the English pipeline
	// verbs leave the reply language to the rest of the line.
	"lead": {VerbLead, ""}, "company": {VerbLead, ""}, "线索": {VerbLead, planner.Chinese},
	"leads": {VerbLeads, ""}, "pipeline": {VerbLeads, ""}, "项目库": {VerbLeads, planner.Chinese},
	"target": {VerbTarget, planner.English}, "targets": {VerbTarget, planner.English}, "目标": {VerbTarget, planner.Chinese},
	"report": {VerbReport, ""}, "报表": {VerbReport, planner.Chinese}, // 月报, 季报, 年报 are read by reportCommand
	"月报": {VerbReport, planner.Chinese}, "季报": {VerbReport, planner.Chinese}, "年报": {VerbReport, planner.Chinese},
	// Synonyms people type.
	"finished": {VerbDone, planner.English}, "completed": {VerbDone, planner.English},
	"已完成": {VerbDone, planner.Chinese}, "搞定": {VerbDone, planner.Chinese},
	"delete": {VerbCancel, planner.English}, "remove": {VerbCancel, planner.English}, "删除": {VerbCancel, planner.Chinese},
	"reschedule": {VerbMove, planner.English}, "postpone": {VerbMove, planner.English},
	"延期": {VerbMove, planner.Chinese}, "推迟": {VerbMove, planner.Chinese},
	"编辑": {VerbEdit, planner.Chinese},
}

// weekVerbWords are Chinese words for a week (as ResolveWeek reads them) that,
// alone on a line, are the week verb with that week as its argument.
var weekVerbWords = map[string]string{
	"这周": "", "本星期": "", "下周": "next", "下星期": "next", "上周": "last", "上星期": "last",
}

var (
	weekArg   = regexp.MustCompile(`(?i)^(?:|this|next|last|prev|previous|current|本周|这周|本星期|下周|下星期|上周|上星期|(?:\d{4}-)?w\d{1,2})$`)
	langArg   = regexp.MustCompile(`^[^\s\p{Z}]+$`)
	helpWords = map[string]bool{"?": true, "？": true, "-h": true, "--help": true}
)

// ParseCommand reads a /plan line (without the command name). A first word is a
// verb only when the rest fits that verb's arguments; otherwise the line is an
// item to add ("team meeting tomorrow" adds a meeting), unless it is a command
// with its id first ("2 done") or a mistyped one ("dnoe 2", see forgive).
func ParseCommand(line string) Command {
	line = strings.TrimSpace(line)
	if line == "" {
		return Command{Verb: VerbWeek}
	}
	if helpWords[line] {
		return Command{Verb: VerbHelp}
	}
	word, rest := splitVerb(line)
	if arg, ok := weekVerbWords[word]; ok && rest == "" {
		return Command{Verb: VerbWeek, Args: arg, Lang: planner.Chinese, Week: arg}
	}
	if cmd, ok := reportCommand(word, rest); ok {
		return cmd
	}
	v, ok := verbWords[strings.ToLower(word)]
	if cmd, fits := readArgs(v.verb, rest); ok && fits {
		cmd.Lang = v.lang
		return cmd
	}
	if cmd, ok := forgive(line); ok {
		return cmd
	}
	return Command{Verb: VerbAdd, Args: line}
}

// splitVerb splits off the first word. A Chinese verb may run straight into its
// id, a member ("完成#3", "忘记@U2", "心得：…", "心得:…"), but not
// into other text ("心得分享会").
func splitVerb(line string) (word, rest string) {
	for w, v := range verbWords {
		if v.lang != planner.Chinese || !strings.HasPrefix(line, w) {
			continue
		}
		after := line[len(w):]
		r, _ := utf8.DecodeRuneInString(after)
		if after == "" || r == '#' || r == '＃' || unicode.IsDigit(r) || unicode.IsSpace(r) || r == '@' {
			return w, strings.TrimSpace(after)
		}
		if a := strings.TrimLeft(after, ":："); a != after {
			return w, strings.TrimSpace(a)
		}
	}
	word, rest = cutWord(line)
	return strings.TrimRight(word, ":："), rest
}

// cutWord splits s at its first space (an ideographic space too) and trims the rest.
func cutWord(s string) (word, rest string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// memberArg reads the member a command names: one word, their member id as
// the chat platform gave it (an adapter turns a mention into the id it
// names). A name typed as text ("@ann") names no member, and the reply says
// how to name one.
func memberArg(args string) (string, bool) {
	if args == "" || strings.ContainsFunc(args, unicode.IsSpace) {
		return "", false
	}
	return args, true
}

// StripCommandName removes a leading slash command ("/plan", or whatever name
// the workspace gave it) from a line typed as in Slack.
func StripCommandName(line string) string {
	if !strings.HasPrefix(line, "/") {
		return line
	}
	_, rest := cutWord(line)
	return rest
}
