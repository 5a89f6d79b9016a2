package bot

import (
	"context"
	"fmt"

	"planbot/planner"
)

// change carries out done, cancel, move or edit on each item the command
// lists ("done 5,6", "cancel 5-7 postponed"). It checks every item before it
// changes any: when one cannot change as asked, nothing does.
func (t *Turn) change(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	list, err := itemArgs(cmd)
	if err != nil {
		return nil, "", err
	}
	rest := list.Rest
	switch {
	case len(list.IDs) > 1 && cmd.Verb == VerbEdit:
		return nil, "", planner.Errorf(planner.Invalid, reasonOneItem, string(cmd.Verb))
	case rest == "" && (cmd.Verb == VerbMove || cmd.Verb == VerbEdit):
		return nil, "", usage(cmd.Verb)
	case (cmd.Verb == VerbDone || cmd.Verb == VerbCancel) && onlyIDs(rest):
		// "done 5 6" is not item 5 with the outcome "6": an id is never an outcome.
		more, _, _ := readIDs(rest)
		meant := fmt.Sprintf("/plan %s %s,%s", verbWord(cmd.Verb, cmd.Lang), list.Text, more.text)
		return nil, "", planner.Errorf(planner.Invalid, reasonDidYouMean, meant)
	}
	items, err := t.Service.Changeable(ctx, t.Actor, list.IDs, cmd.Verb == VerbCancel)
	if err != nil {
		return nil, "", err
	}
	changes := make([]Changed, 0, len(items))
	for _, it := range items {
		c, err := t.changeOne(ctx, cmd.Verb, it, rest)
		if err != nil {
			return nil, "", err
		}
		changes = append(changes, c)
	}
	if len(changes) == 1 {
		return changes[0], "", nil
	}
	return ChangedAll{Changes: changes}, "", nil
}

// changeOne carries out verb on one item. An item done already is left as
// it is by done without an outcome, and given the new outcome by done with one.
func (t *Turn) changeOne(ctx context.Context, verb Verb, it planner.Item, rest string) (Changed, error) {
	svc, a := t.Service, t.Actor
	c := Changed{Verb: verb, Item: it}
	var err error
	switch verb {
	case VerbDone:
		if it.Status == planner.StatusDone && rest == "" {
			c.Already = true
			return c, nil
		}
		c.Outcome = it.Status == planner.StatusDone
		c.Item, err = svc.Done(ctx, a, it.ID, rest)
	case VerbCancel:
		c.Item, err = svc.Cancel(ctx, a, it.ID, rest)
	case VerbMove:
		c.Item, err = svc.Move(ctx, a, it.ID, rest)
	default:
		c.Item, err = svc.Edit(ctx, a, it.ID, rest)
	}
	if err == nil && (verb == VerbMove || verb == VerbEdit) {
		if today := svc.Today(); c.Item.Start.Before(today) {
			c.Later = planner.LaterOf(rest, today)
		}
	}
	return c, err
}

func (t *Turn) history(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	list, err := itemArgs(cmd)
	if err != nil {
		return nil, "", err
	}
	if len(list.IDs) > 1 {
		return nil, "", planner.Errorf(planner.Invalid, reasonOneItem, string(cmd.Verb))
	}
	it, changes, err := t.Service.History(ctx, t.Actor, list.IDs[0])
	if err != nil {
		return nil, "", err
	}
	members, err := t.Service.Members(ctx, t.Actor.TeamID)
	return HistoryView{Item: it, Changes: changes, Zone: t.Service.Loc, Names: MemberNames(members)}, "", err
}

// itemArgs are the item ids a command names and the words after them,
// refused when it names none or one that is not an id.
func itemArgs(cmd Command) (ItemArgs, error) {
	switch {
	case cmd.Args == "" && len(cmd.Items.IDs) == 0:
		return ItemArgs{}, usage(cmd.Verb)
	case cmd.Items.Bad != "":
		return ItemArgs{}, planner.Errorf(planner.Invalid, planner.ReasonBadID, cmd.Items.Bad)
	case len(cmd.Items.IDs) == 0:
		return ItemArgs{}, planner.Errorf(planner.Invalid, planner.ReasonBadID, cmd.Args)
	}
	return cmd.Items, nil
}

// chineseVerbWords are the Chinese words of the verbs that take ids, as hints show them.
var chineseVerbWords = map[Verb]string{VerbDone: "完成", VerbCancel: "取消", VerbMove: "改期", VerbEdit: "修改", VerbHistory: "历史"}

// verbWord is the word of verb in lang that a hint shows.
func verbWord(v Verb, l planner.Lang) string {
	if l == planner.Chinese {
		return chineseVerbWords[v]
	}
	return string(v)
}
