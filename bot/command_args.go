package bot

import (
	"strconv"
	"strings"

	"planbot/planner"
)

// ItemArgs are the items a command names ("5", "#5,6", "5-7") and the words
// after them: an outcome, a reason, a day, a new line.
type ItemArgs struct {
	IDs  []int64
	Text string // the list as typed, in ASCII ("5,6"), to show back
	Bad  string // an id that is not one (0, -1, a range backwards or too long), "" when all are
	Rest string
}

// readArgs reads args as verb's arguments. It reports whether they are of
// the shape verb takes; a line whose words do not fit its first word's verb
// is an item ("team meeting tomorrow").
func readArgs(verb Verb, args string) (Command, bool) {
	cmd := Command{Verb: verb, Args: args}
	switch verb {
	case VerbAdd, VerbNote, VerbLead, VerbLeads:
		return cmd, true
	case VerbWeek, VerbTeam:
		cmd.Week = args
		return cmd, weekArg.MatchString(args)
	case VerbExport:
		cmd.Format, cmd.Week = exportFormat(args) // "export xlsx last"
		return cmd, weekArg.MatchString(cmd.Week)
	case VerbDigest:
		return readDigest(cmd)
	case VerbReport:
		return readReport(cmd)
	case VerbRemind:
		off, ok := remindWords[strings.ToLower(args)]
		cmd.Off = off
		return cmd, ok
	case VerbDone, VerbCancel, VerbMove, VerbEdit, VerbHistory:
		// Bare "done" or "move 3" is a command missing its arguments, not an item.
		list, rest, ok := readIDs(args)
		cmd.Items = ItemArgs{IDs: list.ids, Text: list.text, Bad: list.bad, Rest: rest}
		return cmd, args == "" || ok
	case VerbHelp, VerbNew:
		return cmd, args == ""
	case VerbSetup:
		what, value := cutWord(args)
		cmd.Setting, cmd.Value = setupWords[strings.ToLower(what)], value
		return cmd, cmd.Setting != ""
	case VerbLang:
		return cmd, langArg.MatchString(args)
	case VerbForget:
		var ok bool
		cmd.Member, ok = memberArg(args)
		return cmd, ok
	case VerbTarget:
		_, ok := planner.ParseTargetPeriod(args)
		return cmd, args == "" || ok
	}
	return cmd, false
}

// readDigest reads a week, or "post [week] [force]".
func readDigest(cmd Command) (Command, bool) {
	words := strings.Fields(cmd.Args)
	if len(words) > 0 && postWords[strings.ToLower(words[0])] {
		var ok bool
		cmd.Post = true
		cmd.Week, cmd.Force, ok = postArgs(words[1:])
		return cmd, ok
	}
	cmd.Week = cmd.Args
	return cmd, weekArg.MatchString(cmd.Args)
}

// ItemCommand is verb on one item, with the words after it (an outcome, a
// day): what a button runs, built from the button rather than read from text.
func ItemCommand(verb Verb, id int64, rest string) Command {
	text := strconv.FormatInt(id, 10)
	return Command{Verb: verb, Args: strings.TrimSpace(text + " " + rest), Items: ItemArgs{IDs: []int64{id}, Text: text, Rest: rest}}
}
