package plannertest

import (
	"slices"
	"testing"

	"planbot/planner"
)

// RetroNames are the members of the scripted week, by user id.
var RetroNames = map[string]string{"U1": "Ann", "U2": "王芳", "U3": "Mike", "U4": "陈静", "U5": "赵敏"}

// RetroItem is an item of team T1 on days start..end, owned by user (named as
// RetroNames names them).
func RetroItem(t testing.TB, id int64, user, start, end string, kind planner.Kind, count int, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	return planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: RetroNames[user], Start: Day(t, start), End: Day(t, end),
		Kind: kind, Count: count, Title: title, Status: status, Outcome: outcome}
}

// RetroTrip is a trip of team T1 to place on days start..end.
func RetroTrip(t testing.TB, id int64, user, start, end, place, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	it := RetroItem(t, id, user, start, end, planner.KindTrip, 1, title, status, outcome)
	it.Place = place
	return it
}

// ScriptedRetro is team 招商一组's week 47: Ann, 王芳 and Mike logged their
// week (Ann's trip visited 3 enterprises, 王芳 hosted a delegation, Mike has
// a promotion event planned and a day off), 陈静 logged nothing (but did the
// week before), 赵敏 is on a leave that began the week before.
func ScriptedRetro(t testing.TB) planner.Retro {
	t.Helper()
	done, planned, cancelled := planner.StatusDone, planner.StatusPlanned, planner.StatusCancelled
	items := []planner.Item{
		RetroItem(t, 21, "U1", "2025-11-17", "2025-11-17", planner.KindVisit, 4, "visit 4 enterprises in the Software Park", done, "2 of 4 interested, one wants a site visit"),
		RetroItem(t, 22, "U1", "2025-11-18", "2025-11-18", planner.KindFund, 1, "meet Sequoia China about a co-investment fund", done, "term sheet by Dec 5"),
		RetroTrip(t, 23, "U1", "2025-11-20", "2025-11-20", "Shanghai", "trip to Shanghai to meet battery makers", done, "met 3 battery makers"),
		RetroItem(t, 24, "U1", "2025-11-21", "2025-11-21", planner.KindVisit, 2, "visit 2 logistics companies", planned, ""),
		RetroItem(t, 25, "U2", "2025-11-17", "2025-11-17", planner.KindVisit, 3, "拜访3家新能源企业", done, "两家有意向，下周二再谈"),
		RetroTrip(t, 26, "U2", "2025-11-19", "2025-11-20", "北京", "出差北京 对接央企总部", done, "约定12月初来园区考察"),
		RetroItem(t, 27, "U2", "2025-11-21", "2025-11-21", planner.KindSigning, 1, "签约常诚车业二期项目", done, "签约金额2亿元"),
		RetroItem(t, 28, "U3", "2025-11-18", "2025-11-18", planner.KindTraining, 1, "training for new investment staff", done, "12 attended"),
		RetroItem(t, 29, "U3", "2025-11-19", "2025-11-19", planner.KindVisit, 2, "visit 2 chip designers", cancelled, "client postponed"),
		RetroItem(t, 30, "U3", "2025-11-20", "2025-11-20", planner.KindReview, 1, "review the Q4 pipeline", done, ""),
		RetroItem(t, 35, "U2", "2025-11-20", "2025-11-20", planner.KindReception, 1, "接待深圳客商考察团", done, "对方月底再来"),
		RetroItem(t, 36, "U3", "2025-11-21", "2025-11-21", planner.KindEvent, 1, "Yangtze Delta investment promotion fair", planned, ""),
		RetroItem(t, 37, "U3", "2025-11-21", "2025-11-21", planner.KindLeave, 1, "day off (调休)", planned, ""),
	}
	items[2].Visits = 3 // Ann's trip to Shanghai met 3 battery makers
	longLeave := RetroItem(t, 15, "U5", "2025-11-13", "2025-11-28", planner.KindLeave, 1, "年假", planned, "")
	previous := []planner.Item{
		RetroItem(t, 11, "U1", "2025-11-11", "2025-11-11", planner.KindVisit, 3, "visit 3 enterprises", done, ""),
		RetroItem(t, 12, "U2", "2025-11-12", "2025-11-12", planner.KindFund, 1, "对接基金公司", planned, ""),
		RetroItem(t, 13, "U4", "2025-11-13", "2025-11-13", planner.KindVisit, 2, "拜访2家企业", done, ""),
		RetroItem(t, 14, "U3", "2025-11-14", "2025-11-14", planner.KindTraining, 1, "training", done, ""),
		longLeave,
	}
	next := []planner.Item{
		RetroItem(t, 31, "U1", "2025-11-24", "2025-11-24", planner.KindVisit, 3, "visit 3 battery makers", planned, ""),
		RetroItem(t, 32, "U1", "2025-11-26", "2025-11-26", planner.KindFund, 1, "meet Sequoia China again", planned, ""),
		RetroTrip(t, 33, "U2", "2025-11-25", "2025-11-26", "深圳", "出差深圳", planned, ""),
		RetroItem(t, 34, "U3", "2025-11-27", "2025-11-27", planner.KindMeeting, 1, "weekly sync", cancelled, ""),
	}
	notes := map[string]string{
		"U1": "Battery makers want land prices before the next visit.",
		"U2": "北京的央企需要一份园区配套清单，周一前整理好。",
	}
	var members []planner.Member
	for _, id := range []string{"U1", "U2", "U3", "U4", "U5"} {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: RetroNames[id]})
	}
	r := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, W47, items, previous, CountsOf(next), UsersOf(previous), notes, members)
	r.SetLeaves([]planner.Item{longLeave, items[len(items)-1]})
	return r
}

// CountsOf counts items by owner, as planner.Store.CountItems does.
func CountsOf(items []planner.Item) map[string]planner.ItemCounts {
	counts := map[string]planner.ItemCounts{}
	for _, it := range items {
		c := counts[it.UserID]
		c.All++
		if it.Status != planner.StatusCancelled {
			c.NotCancelled++
		}
		counts[it.UserID] = c
	}
	return counts
}

// UsersOf returns the owners of items, each once: who logged anything.
func UsersOf(items []planner.Item) []string {
	var users []string
	for _, it := range items {
		if !slices.Contains(users, it.UserID) {
			users = append(users, it.UserID)
		}
	}
	return users
}
