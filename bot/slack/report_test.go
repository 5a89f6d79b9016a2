package slack

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// reportReply is the scripted November as /plan report answers it in l,
// made on December 3rd.
func reportReply(t *testing.T, l planner.Lang, r planner.Report, p planner.Period) bot.Reply {
	return bot.Reply{Lang: l, Body: bot.ReportView{Report: r, Period: p, Made: plannertest.Day(t, "2025-12-03")}}
}

// The scripted month is one message Slack takes: its header the team and
// the title, the dates in context, then each part, headings bold.
func TestReportBlocks(t *testing.T) {
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			reply := reportReply(t, l, plannertest.ScriptedMonth(t), plannertest.November)
			checkSlackReply(t, reply)
			resp := NewSlackResponse(reply)
			blocks := checkLimits(t, resp.Blocks.BlockSet, slackMessageBlocks, maxMessageChars)
			ly := bot.NewReportLayout(l, reply.Body.(bot.ReportView))
			if blocks[0]["type"] != "header" || textOf(blocks[0], "text") != ly.Header() {
				t.Errorf("first block %v, want the header %q", blocks[0], ly.Header())
			}
			all := blockJSON(t, resp.Blocks.BlockSet)
			for _, want := range []string{ly.Dates, "*" + ly.Totals[0].Text + "*", "*" + ly.Money[0].Text + "*", "• " + ly.Members[1].Text, "*" + ly.Trend[0].Text + "*"} {
				if !strings.Contains(all, jsonText(want)) {
					t.Errorf("the blocks lack %q:\n%s", want, all)
				}
			}
			if strings.Contains(all, "…") {
				t.Errorf("a month of three members is cut:\n%s", all)
			}
			if !strings.HasPrefix(resp.Text, escape(ly.Header())) {
				t.Errorf("fallback %q, want the report's text", resp.Text)
			}
		})
	}
}

// A year of a team of 300 members with long names that try Slack's markup,
// and 80 projects (plannertest.BigYear), stays one message within Slack's limits: each part keeps
// what fits and says how many lines more there are, with the command that
// sends the whole report, and the trend, after the members, keeps its place.
func TestReportBlocksLarge(t *testing.T) {
	year, r := planner.YearPeriod(2025), plannertest.BigYear()
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			reply := reportReply(t, l, r, year)
			checkSlackReply(t, reply)
			resp := NewSlackResponse(reply)
			checkLimits(t, resp.Blocks.BlockSet, slackMessageBlocks, maxMessageChars)
			all := blockJSON(t, resp.Blocks.BlockSet)
			more := strings.SplitN(bot.Say(l, bot.MsgReportMore, 1, "2025"), "1", 2)
			if n := strings.Count(all, jsonText(more[1])); n < 2 {
				t.Errorf("%d parts say there is more, want the members and the projects at least:\n%s", n, all)
			}
			if !strings.Contains(all, jsonText("*"+bot.Say(l, bot.MsgReportTrend)+"*")) {
				t.Errorf("the trend lost its place to the members")
			}
			for _, raw := range []string{"<!here>", "<!channel>", "<@U1>"} {
				if strings.Contains(all, jsonText(raw)) || strings.Contains(resp.Text, raw) {
					t.Errorf("%s is not escaped", raw)
				}
			}
		})
	}
}

// /plan report 2025-11 xlsx answers at once, then uploads the month's
// workbook, the one bot/report writes, to Ann's direct messages.
func TestSlackReportXLSX(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Ann, "done 1")
	f := newFakeUploads(t, "")
	app := f.app(h)

	answer := app.Command(t.Context(), exportCommand(f, "report 2025-11 xlsx"))
	app.Wait()
	if !strings.Contains(answer.Text, "Excel report of November 2025") || answer.ResponseType != slack.ResponseTypeEphemeral {
		t.Errorf("answer %+v, want the November report on its way, to Ann only", answer)
	}
	calls := f.flow()
	want := []string{"/api/conversations.open", "/api/files.getUploadURLExternal", "/upload/F1", "/api/files.completeUploadExternal"}
	if !slices.Equal(paths(calls), want) {
		t.Fatalf("calls %v, want %v", paths(calls), want)
	}
	file := calls[2].File
	if got := calls[1].Form.Get("filename"); got != "planbot-2025-11.xlsx" {
		t.Errorf("filename %q, want planbot-2025-11.xlsx", got)
	}
	var files []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(calls[3].Form.Get("files")), &files); err != nil || len(files) != 1 || files[0].Title != "planbot · November 2025 report" {
		t.Errorf("files %s (%v), want the report's title", calls[3].Form.Get("files"), err)
	}
	team, err := h.Service.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	made, err := report.PeriodFile(t.Context(), h.Service.For(team, planner.Member{}), team, planner.MonthPeriod(2025, time.November), "")
	if err != nil {
		t.Fatal(err)
	}
	// Its text, not its bytes: excelize lists a chart's content types in no set order.
	if sharedStrings(t, file) != sharedStrings(t, made.Data) {
		t.Errorf("the uploaded file's text is not the workbook bot/report writes of the month")
	}
	if strs := sharedStrings(t, file); !strings.Contains(strs, "Ann") || !strings.Contains(strs, "November 2025 report") {
		t.Errorf("the workbook's text lacks Ann or its title: %s", strs)
	}
}

// A failed upload of a report is told to the member through response_url,
// in their language, naming the period.
func TestSlackReportXLSXFails(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"report 2025-Q4 xlsx", "I could not send you the Excel report of Q4 2025 (missing_scope)"},
		{"月报 表格", "没能把 2025年11月 的 Excel 报表发给你（missing_scope）"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			f := newFakeUploads(t, "missing_scope")
			app := f.app(newHandler(t))
			app.Command(t.Context(), exportCommand(f, tt.line))
			app.Wait()
			calls := f.flow()
			if len(calls) != 5 || calls[4].Path != "/response/export" {
				t.Fatalf("calls %v, want the upload flow, then a post to response_url", paths(calls))
			}
			var msg SlackResponse
			if err := json.Unmarshal(calls[4].JSON, &msg); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(msg.Text, tt.want) || msg.ResponseType != slack.ResponseTypeEphemeral {
				t.Errorf("response_url got %+v, want %q, to the member only", msg, tt.want)
			}
		})
	}
}
