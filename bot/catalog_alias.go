package bot

import "planbot/planner"

// The sentences of a company's other names (aliases: aka, 别名).
const (
	MsgLeadAliasAdded Msg = "lead_alias_added"
	MsgLeadAliases    Msg = "lead_aliases"
)

// aliasCatalog are the sentences of a company's aliases, in both languages.
var aliasCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgLeadAliasAdded: "%s is also called %s now: items and lead lines that use either name mean the one company.",
		MsgLeadAliases:    "also called: %s",
	},
	planner.Chinese: {
		MsgLeadAliasAdded: "已记录：%s 又名 %s。事项和线索里写哪个名称，都是同一家公司。",
		MsgLeadAliases:    "别名：%s",
	},
}
