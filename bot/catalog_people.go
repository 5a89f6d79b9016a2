package bot

import "planbot/planner"

// The words of an item's history (/plan history): what each change did.
const (
	MsgHistoryAdded     Msg = "history_added"
	MsgHistoryDone      Msg = "history_done"
	MsgHistoryCancelled Msg = "history_cancelled"
	MsgHistoryMoved     Msg = "history_moved"
	MsgHistoryEdited    Msg = "history_edited"
)

// peopleCatalog are the words of who did what to an item, in both languages.
var peopleCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgHistoryAdded:     "added",
		MsgHistoryDone:      "done",
		MsgHistoryCancelled: "cancelled",
		MsgHistoryMoved:     "moved",
		MsgHistoryEdited:    "edited",
	},
	planner.Chinese: {
		MsgHistoryAdded:     "添加",
		MsgHistoryDone:      "完成",
		MsgHistoryCancelled: "取消",
		MsgHistoryMoved:     "改期",
		MsgHistoryEdited:    "修改",
	},
}
