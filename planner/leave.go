package planner

import "time"

// OnLeave reports whether one of leaves (items of KindLeave) is userID's, not
// cancelled, and covers day d: the member is away, and gets no reminder.
func OnLeave(leaves []Item, userID string, d Date) bool {
	for _, it := range leaves {
		if it.Kind == KindLeave && it.Status != StatusCancelled && it.UserID == userID &&
			!d.Before(it.Start) && !it.End.Before(d) {
			return true
		}
	}
	return false
}

// OnLeaveAllWeek reports whether leaves cover every working day of week w,
// Monday to Friday, for userID: one leave or several end to end.
func OnLeaveAllWeek(leaves []Item, userID string, w Week) bool {
	for d := w.Start(); d.Weekday() != time.Saturday; d = d.AddDays(1) {
		if !OnLeave(leaves, userID, d) {
			return false
		}
	}
	return true
}
