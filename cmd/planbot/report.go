package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// report is planbot report: a team's (or one member's) report over a
// month, a quarter, a year or any days, as text, JSON or an Excel workbook.
func (e *environment) report(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("report", &cfg, e.getenv, e.stderr)
	month := fs.String("month", "", "a month, YYYY-MM (2025-11)")
	quarter := fs.String("quarter", "", "a quarter, YYYY-Qn (2025-Q4)")
	year := fs.String("year", "", "a year, YYYY (2025)")
	from := fs.String("from", "", "the first day, YYYY-MM-DD (with --to)")
	to := fs.String("to", "", "the last day, YYYY-MM-DD (with --from)")
	member := fs.String("member", "", "only this member's report (their user id)")
	team := fs.String("team", "", "the team (required when there are several)")
	format := fs.String("format", "text", "text, json, or xlsx (the Excel report)")
	out := fs.String("out", "", "write to this file instead of stdout (xlsx: required when stdout is a terminal)")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	if !slices.Contains([]string{"text", "json", "xlsx"}, *format) {
		return usagef("report: --format must be text, json or xlsx, not %q", *format)
	}
	p, err := reportPeriod(*month, *quarter, *year, *from, *to)
	if err != nil {
		return err
	}
	if *format == "xlsx" && *out == "" && writesToTerminal(e.stdout) {
		return usagef("report: an xlsx file is binary; write it to a file with --out report.xlsx (or redirect stdout)")
	}
	svc, closeDB, err := e.open(ctx, &cfg, false)
	if err != nil {
		return err
	}
	defer closeErr(closeDB, &err)
	t, _, err := e.teamAndWeek(ctx, svc, *team, "")
	if err != nil {
		return err
	}
	if err := checkMember(ctx, svc, t, *member); err != nil {
		return err
	}
	svc = svc.For(t, planner.Member{})
	var file bytes.Buffer // whole before a byte is written: a failure leaves no half file
	if *format == "xlsx" {
		f, err := report.PeriodFile(ctx, svc, t, p, *member)
		if err != nil {
			return err
		}
		file.Write(f.Data)
	} else {
		r, err := svc.Report(ctx, t.ID, p.From, p.To, *member)
		if err != nil {
			return err
		}
		if empty(r) {
			fmt.Fprintf(e.stderr, "planbot: team %s has nothing in %s\n", teamLabel(t), p)
		}
		if err := writeReport(&file, *format, svc.Lang, bot.ReportView{Report: r, Period: p, Made: svc.Today()}); err != nil {
			return err
		}
	}
	if *out == "" {
		_, err = e.stdout.Write(file.Bytes())
		return err
	}
	if err := os.WriteFile(*out, file.Bytes(), 0o600); err != nil {
		return usagef("report: --out: %v", err)
	}
	return nil
}

// reportPeriod is the period the flags name: exactly one of a month, a
// quarter, a year, or --from with --to.
func reportPeriod(month, quarter, year, from, to string) (planner.Period, error) {
	const choose = "report: choose the period with one of --month 2025-11, --quarter 2025-Q4, --year 2025, or --from 2025-11-01 --to 2025-11-30"
	named := 0
	for _, s := range []string{month, quarter, year, from + to} {
		if s != "" {
			named++
		}
	}
	if named != 1 {
		return planner.Period{}, usagef("%s", choose)
	}
	for _, f := range []struct {
		flag, value, example string
		kind                 planner.PeriodKind
	}{
		{"--month", month, "2025-11", planner.PeriodMonth},
		{"--quarter", quarter, "2025-Q4", planner.PeriodQuarter},
		{"--year", year, "2025", planner.PeriodYear},
	} {
		if f.value == "" {
			continue
		}
		// A period written with numbers does not depend on the day it is read.
		p, err := planner.ParsePeriod(f.value, planner.Date{Year: 2025, Month: 1, Day: 1})
		if err != nil || p.Kind != f.kind || !withYear.MatchString(f.value) {
			return planner.Period{}, usagef("report: %s: %q is not a %s like %s", f.flag, f.value, f.kind, f.example)
		}
		return p, nil
	}
	if from == "" || to == "" {
		return planner.Period{}, usagef("report: --from and --to go together (--from 2025-11-01 --to 2025-11-30)")
	}
	p, err := planner.ParsePeriod(from+".."+to, planner.Date{Year: 2025, Month: 1, Day: 1})
	if err != nil {
		return planner.Period{}, usagef("report: --from %q --to %q: not a period: two days YYYY-MM-DD, the first not after the last, at most %d days apart", from, to, planner.MaxPeriodDays)
	}
	return p, nil
}

// withYear is a period written with its year, which the flags require:
// "11月" or "last month" depends on the day it is read.
var withYear = regexp.MustCompile(`\d{4}`)

// checkMember refuses a --member who is not a member of team t.
func checkMember(ctx context.Context, svc *planner.Service, t planner.Team, member string) error {
	if member == "" {
		return nil
	}
	members, err := svc.Members(ctx, t.ID)
	if err != nil {
		return err
	}
	var ids []string
	for _, m := range members {
		if m.UserID == member {
			return nil
		}
		ids = append(ids, planner.OneLine(m.UserID))
	}
	slices.Sort(ids)
	return usagef("report: --member: no member %q in team %s (members: %s)", member, teamLabel(t), strings.Join(ids, ", "))
}

// empty reports whether nothing in r's period counts: no item, no signing.
func empty(r planner.Report) bool {
	for _, t := range r.Totals {
		if t.Items > 0 {
			return false
		}
	}
	return r.Money.SignedProjects == 0
}

// writeReport writes v as text in lang, or as JSON (planner.Report's shape).
func writeReport(b *bytes.Buffer, format string, lang planner.Lang, v bot.ReportView) error {
	if format == "json" {
		enc := json.NewEncoder(b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v.Report)
	}
	_, err := fmt.Fprintln(b, bot.ReportText(lang, v))
	return err
}
