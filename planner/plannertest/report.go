package plannertest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"planbot/planner"
)

// November is the scripted month of the period reports: November 2025,
// which starts on a Saturday (its first week, W44, has five days of
// October) and ends on a Sunday.
var November = planner.MonthPeriod(2025, time.November)

// ScriptedMonth is team 招商一组's November 2025: Ann met enterprises and
// held a meeting, 王芳 travelled twice (one trip running into December)
// and signed 常诚车业 (总投资12亿元), Ann's CATL signed with an amount in
// dollars, Mike logged nothing; an item of October 31 and one of December 1
// are outside it, and a cancelled one counts nowhere.
func ScriptedMonth(t testing.TB) planner.Report {
	t.Helper()
	item := func(id int64, user, start, end string, kind planner.Kind, count int, status planner.Status) planner.Item {
		return RetroItem(t, id, user, start, end, kind, count, "t", status, "")
	}
	items := []planner.Item{
		item(1, "U1", "2025-10-31", "2025-10-31", planner.KindVisit, 3, planner.StatusDone), // before the month
		item(2, "U1", "2025-11-03", "2025-11-03", planner.KindVisit, 4, planner.StatusDone),
		item(3, "U1", "2025-11-04", "2025-11-04", planner.KindVisit, 2, planner.StatusPlanned),
		item(4, "U1", "2025-11-10", "2025-11-10", planner.KindMeeting, 1, planner.StatusDone),
		item(5, "U2", "2025-11-12", "2025-11-14", planner.KindTrip, 1, planner.StatusDone),
		item(6, "U2", "2025-11-18", "2025-11-18", planner.KindSigning, 1, planner.StatusDone),
		item(7, "U2", "2025-11-19", "2025-11-19", planner.KindVisit, 5, planner.StatusCancelled),
		item(8, "U1", "2025-11-24", "2025-11-24", planner.KindLeave, 1, planner.StatusPlanned),
		item(9, "U2", "2025-11-29", "2025-12-02", planner.KindTrip, 1, planner.StatusDone),   // 2 days in November
		item(10, "U1", "2025-12-01", "2025-12-01", planner.KindVisit, 1, planner.StatusDone), // after the month
	}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}, {TeamID: "T1", UserID: "U3", Name: "Mike"}}
	at := func(day string) time.Time {
		d := Day(t, day)
		return time.Date(d.Year, d.Month, d.Day, 15, 0, 0, 0, Shanghai)
	}
	companies := []planner.Company{
		{TeamID: "T1", ID: 1, Name: "常诚车业", OwnerID: "U2", Stage: planner.StageSigned, Amount: planner.Amount{Value: 120000, Currency: "CNY"}},
		{TeamID: "T1", ID: 2, Name: "CATL", OwnerID: "U1", Stage: planner.StageSigned, Amount: planner.Amount{Value: 20000, Currency: "USD"}},
	}
	changes := []planner.StageChange{
		{TeamID: "T1", CompanyID: 1, To: planner.StageNegotiating, By: "U2", At: at("2025-10-20")},
		{TeamID: "T1", CompanyID: 1, From: planner.StageNegotiating, To: planner.StageSigned, By: "U2", At: at("2025-11-18")},
		{TeamID: "T1", CompanyID: 2, To: planner.StageSigned, By: "U1", At: at("2025-11-20")},
	}
	m := November
	money := planner.BuildMoney(m.From, m.To, changes, companies, Shanghai)
	return planner.BuildReport(planner.Team{ID: "T1", Name: "招商一组"}, m.From, m.To, "", items, members, money)
}

// BigYear is a year's report of a team far larger than a chat message
// holds: 300 members and 80 signed projects, their names and companies
// written to try a platform's markup (<!here>, *bold*, <@U1>,
// <at user_id="all">), and the 53 weeks of 2025.
func BigYear() planner.Report {
	year := planner.YearPeriod(2025)
	r := planner.Report{From: year.From, To: year.To, Team: "<!channel> 招商一组", Totals: map[planner.Kind]planner.Totals{
		planner.KindVisit: {Items: 900, DoneItems: 700, Count: 2000, DoneCount: 1500},
		planner.KindTrip:  {Items: 300, DoneItems: 250, Count: 300, DoneCount: 250},
	}, Money: planner.Money{ByMember: map[string]planner.MemberMoney{}}}
	for i := range 300 {
		r.Members = append(r.Members, planner.MemberReport{UserID: fmt.Sprintf("U%03d", i),
			UserName: fmt.Sprintf("<!here> *成员%d* <at user_id=\"all\"> %s", i, strings.Repeat("长", 40)), Items: 4, DoneItems: 3, DaysOut: i % 9})
	}
	for i := range 80 {
		r.Money.Projects = append(r.Money.Projects, planner.SignedProject{CompanyID: int64(i + 1), Company: fmt.Sprintf("<@U1> 公司%d", i),
			UserID: "U001", Day: year.From.AddDays(i * 4), Amount: planner.Amount{Value: 50000, Currency: "CNY"}})
		r.Money.SignedProjects++
		r.Money.SignedWan += 50000
	}
	for d := year.From; !d.After(year.To); d = planner.WeekOf(d).End().AddDays(1) {
		r.Weeks = append(r.Weeks, planner.WeekDone{Week: planner.WeekOf(d), DoneItems: d.Day})
	}
	return r
}
