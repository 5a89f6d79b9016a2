package bot

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"planbot/planner"
)

// RenderText renders a reply as plain text, for the console and as Slack's fallback.
func RenderText(r Reply) string {
	l := r.Lang
	switch b := r.Body.(type) {
	case Added:
		lines := []string{Say(l, MsgAddedMany, len(b.Items))}
		if len(b.Items) == 1 {
			lines = []string{Say(l, MsgAdded, ItemLine(l, b.Items[0], false))}
		} else {
			for _, it := range b.Items {
				lines = append(lines, "  "+ItemLine(l, it, false))
			}
		}
		for _, it := range b.Items {
			if later, ok := b.Later[it.ID]; ok {
				lines = append(lines, PastText(l, it, later))
			}
		}
		return strings.Join(append(lines, b.Notes(l)...), "\n")
	case WeekView:
		return WeekText(l, b, 0)
	case Changed:
		return ChangedText(l, b)
	case ChangedAll:
		lines := make([]string, len(b.Changes))
		for i, c := range b.Changes {
			lines[i] = ChangedText(l, c)
		}
		return strings.Join(lines, "\n")
	case NoteView:
		switch {
		case b.Saved:
			return Say(l, MsgNoteSaved, b.Week)
		case b.Text == "":
			return Say(l, MsgNoteNone, b.Week)
		}
		return Say(l, MsgNoteShow, b.Week, planner.OneLine(b.Text))
	case DigestView:
		return RetroText(l, b.Retro)
	case ExportView:
		return Say(l, MsgExportTitle, b.Week) + "\n" + strings.TrimRight(b.CSV, "\r\n")
	case LangSet:
		return Say(l, MsgLangSet)
	case HistoryView:
		return historyText(l, b)
	case LeadView:
		return leadText(l, b)
	case PipelineView:
		return pipelineText(l, b)
	case SetupChannel:
		return Say(l, MsgSetupChannel, channelName(b.Channel))
	case SetupDone:
		return SetupText(l, b.Team, channelName)
	case TeamNamed:
		return teamNamedText(l, b)
	case FormOpening:
		return Say(l, MsgFormOpening)
	case FormElsewhere:
		return Say(l, MsgNewForm)
	case Notice:
		return b.Text
	case Posting:
		return Say(l, MsgPosting, b.Week)
	case ReportSending:
		return Say(l, MsgExportUploading, b.Week)
	case ReportElsewhere:
		return Say(l, MsgExportConsole, b.Week)
	case ScheduleView:
		return scheduleText(l, b.Schedules)
	case IndexSettingsView:
		return indexSettingsText(l, b)
	case ReportView:
		return ReportText(l, b)
	case PeriodReportSending:
		return Say(l, MsgReportFileSending, PeriodName(l, b.Period))
	case PeriodReportElsewhere:
		return Say(l, MsgReportFileConsole, reportFlags(b.Period))
	case RemindSet:
		if b.Off {
			return Say(l, MsgRemindOff)
		}
		return Say(l, MsgRemindOn)
	case Reminder:
		return ReminderText(l, b)
	case DueReminder:
		return dueReminderText(l, b)
	case CalendarHorizon:
		return calendarHorizonText(l, b)
	case Forgotten:
		return Say(l, MsgForgotten, cmp.Or(planner.OneLine(b.Name), planner.OneLine(b.UserID)), b.Items)
	case TargetView:
		return TargetText(l, b)
	case Failure:
		return Explain(l, b.Err) + "\n" + Explain(otherLang(l), b.Err)
	}
	return Say(l, MsgHelp)
}

var statusMarks = map[planner.Status]string{
	planner.StatusPlanned: "⬜", planner.StatusDone: "✅", planner.StatusCancelled: "✖",
}

// ItemLine writes "#3 ⬜ Tue Nov 18 · visit ×4 · visit 4 enterprises", with
// the owner when withUser: on one line, whatever line breaks or control
// characters its texts hold (planner.OneLine).
func ItemLine(l planner.Lang, it planner.Item, withUser bool) string {
	return itemLineWhen(l, it, spanLabel(l, it.Start, it.End), withUser)
}

// itemLineWhen is ItemLine with its days written as when, or none when when
// is "" (under a day's heading, which says it).
func itemLineWhen(l planner.Lang, it planner.Item, when string, withUser bool) string {
	var parts []string
	if when != "" {
		parts = append(parts, when)
	}
	kind := kindNames[l][it.Kind]
	if it.Count > 1 {
		kind += fmt.Sprintf(" ×%d", it.Count)
	}
	if it.Place != "" {
		kind += " → " + planner.OneLine(it.Place)
	}
	if it.Visits > 0 { // a trip's enterprises: "出差 → 上海 · 拜访 ×3"
		kind += " · " + Say(l, MsgVisitsOfTrip, it.Visits)
	}
	if !it.Amount.IsZero() { // the money its title names: "签约 ×2 · 30亿元"
		kind += " · " + it.Amount.Format(l)
	}
	parts = append(parts, kind)
	if withUser {
		parts = append(parts, planner.OneLine(it.UserName))
	}
	parts = append(parts, planner.OneLine(it.Title))
	if len(it.Companies) > 0 {
		parts = append(parts, "🏢 "+companyNames(l, it.Companies))
	}
	if it.Outcome != "" {
		parts = append(parts, "“"+planner.OneLine(it.Outcome)+"”")
	}
	return fmt.Sprintf("#%d %s ", it.ID, statusMarks[it.Status]) + strings.Join(parts, " · ")
}

var (
	englishWeekdays = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	chineseWeekdays = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
)

// DayLabel writes a day as "Tue Nov 18" or "11月18日周二".
func DayLabel(l planner.Lang, d planner.Date) string {
	if l == planner.Chinese {
		return fmt.Sprintf("%d月%d日%s", d.Month, d.Day, chineseWeekdays[d.Weekday()])
	}
	return fmt.Sprintf("%s %s %d", englishWeekdays[d.Weekday()], d.Month.String()[:3], d.Day)
}

// spanLabel writes a run of days: one day, or "Thu Nov 20 – Fri Nov 21".
func spanLabel(l planner.Lang, start, end planner.Date) string {
	if start == end {
		return DayLabel(l, start)
	}
	sep := " – "
	if l == planner.Chinese {
		sep = "至"
	}
	return DayLabel(l, start) + sep + DayLabel(l, end)
}

// ShortSpan writes a week's dates as "Nov 17–23" or "11月17日–23日".
func ShortSpan(l planner.Lang, start, end planner.Date) string {
	if l == planner.Chinese {
		if start.Month == end.Month {
			return fmt.Sprintf("%d月%d日–%d日", start.Month, start.Day, end.Day)
		}
		return fmt.Sprintf("%d月%d日–%d月%d日", start.Month, start.Day, end.Month, end.Day)
	}
	if start.Month == end.Month {
		return fmt.Sprintf("%s %d–%d", start.Month.String()[:3], start.Day, end.Day)
	}
	return fmt.Sprintf("%s %d – %s %d", start.Month.String()[:3], start.Day, end.Month.String()[:3], end.Day)
}

// WeekText renders a week day by day. With limit > 0 it stops once the text
// holds more than limit characters: Fallback keeps only its first 3,900, and
// a 50-member team's week of 500 items is many times that.
func WeekText(l planner.Lang, v WeekView, limit int) string {
	span := ShortSpan(l, v.Week.Start(), v.Week.End())
	var lines []string
	chars := 0
	full := func(line string) bool {
		lines = append(lines, line)
		chars += utf8.RuneCountInString(line) + 1
		return limit > 0 && chars > limit
	}
	if v.Team {
		lines = append(lines, TeamWeekTitle(l, v))
	} else {
		lines = append(lines, Say(l, MsgYourWeek, v.Week, span))
	}
	if len(v.Items) == 0 {
		return strings.Join(append(lines, Say(l, MsgWeekEmpty), Say(l, MsgTryAdd)), "\n")
	}
	for day := v.Week.Start(); !day.After(v.Week.End()); day = day.AddDays(1) {
		if full(DayLabel(l, day)) {
			break
		}
		found := false
		for _, it := range v.Items {
			if Covers(it, day) {
				found = true
				if full("  " + dayLine(l, it, day, v.Week.Start(), v.Team)) {
					return strings.Join(lines, "\n")
				}
			}
		}
		if !found && full("  "+Say(l, MsgNothing)) {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// TeamWeekTitle is the title of a team's week view: with the team's name on
// one line, or without when the platform gave none (a Feishu tenant).
func TeamWeekTitle(l planner.Lang, v WeekView) string {
	span := ShortSpan(l, v.Week.Start(), v.Week.End())
	if name := planner.OneLine(v.TeamName); name != "" {
		return Say(l, MsgTeamWeek, name, v.Week, span)
	}
	return Say(l, MsgTeamWeekUnnamed, v.Week, span)
}

// Covers reports whether a multi-day item takes up day.
func Covers(it planner.Item, day planner.Date) bool {
	return !day.Before(it.Start) && !day.After(it.End)
}

func historyText(l planner.Lang, h HistoryView) string {
	lines := []string{Say(l, MsgHistoryTitle, ItemLine(l, h.Item, true))}
	who := PeopleNames(l, h.Names)
	for _, c := range h.Changes {
		line := fmt.Sprintf("  %s · %s · %s", c.At.In(h.Zone).Format("2006-01-02 15:04"), who(c.By), historyAction(l, c.Action))
		if c.Detail != "" {
			line += " · " + planner.OneLine(c.Detail)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// SetupText writes a team's settings, its digest channel named by name (a
// platform names a channel its own way: a link in Slack).
func SetupText(l planner.Lang, t planner.Team, name func(channel string) string) string {
	value := func(s string) string {
		if s == "" {
			return Say(l, MsgDefault)
		}
		return s
	}
	channel := Say(l, MsgNotSet)
	if t.DigestChannel != "" {
		channel = name(t.DigestChannel)
	}
	return Say(l, MsgSetupDone, value(t.TZ), value(string(t.Lang)), channel)
}

// channelName is a channel as plain text names it.
func channelName(channel string) string { return "#" + channel }

func scheduleText(l planner.Lang, all map[planner.Job]planner.Schedule) string {
	when := func(j planner.Job) string {
		s := all[j]
		if s.Off {
			return Say(l, MsgScheduleOff)
		}
		day := englishWeekdays[s.Weekday]
		if l == planner.Chinese {
			day = chineseWeekdays[s.Weekday]
		}
		return fmt.Sprintf("%s %02d:%02d", day, s.Hour, s.Minute)
	}
	return Say(l, MsgScheduleView, when(planner.JobRetro), when(planner.JobPlan), when(planner.JobLog)) +
		monthScheduleText(l, all[planner.JobMonth])
}

// ReminderText writes a reminder: what to do, then the open items.
func ReminderText(l planner.Lang, r Reminder) string {
	var lines []string
	if r.Job == planner.JobPlan {
		lines = append(lines, Say(l, MsgRemindPlan, r.Week))
		if len(r.Items) > 0 {
			lines = append(lines, Say(l, MsgRemindPlanOpen))
		}
	} else {
		lines = append(lines, Say(l, MsgRemindLog, r.Week))
	}
	for _, it := range r.Items {
		lines = append(lines, "  "+ItemLine(l, it, false))
	}
	return strings.Join(lines, "\n")
}

// ChangedText says what done, cancel, move or edit did to an item.
func ChangedText(l planner.Lang, c Changed) string {
	switch {
	case c.Already:
		return Say(l, MsgAlreadyDone, ItemLine(l, c.Item, false), c.Item.ID)
	case c.Outcome:
		return Say(l, MsgOutcomeUpdated, ItemLine(l, c.Item, false))
	}
	m := map[Verb]Msg{VerbDone: MsgDone, VerbCancel: MsgCancelled, VerbMove: MsgMoved, VerbEdit: MsgEdited}[c.Verb]
	text := Say(l, m, ItemLine(l, c.Item, false))
	if c.Later != (planner.Date{}) {
		text += "\n" + PastText(l, c.Item, c.Later)
	}
	return text
}

// MsgPastDate is MsgPastDay for a day of the month: it offers next month's.
const MsgPastDate Msg = "past_date"

// PastText says that item it was added on a day gone by, and how to move it
// to later, the same weekday of next week or day of next month.
func PastText(l planner.Lang, it planner.Item, later planner.Date) string {
	m := MsgPastDay
	if it.Start.DaysUntil(later) != 7 {
		m = MsgPastDate
	}
	return Say(l, m, DayLabel(l, it.Start), DayLabel(l, later), it.ID, later)
}
