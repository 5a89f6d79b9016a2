package slack

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// fakeUploads is slacktest's fake Slack as the external upload flow uses
// it: conversations.open opens DM D42 with Ann, files.getUploadURLExternal
// hands out an upload URL on the same server, and files.completeUploadExternal
// answers complete, unless it is told to fail with a Slack error code.
type fakeUploads struct{ *slacktest.Server }

func newFakeUploads(t *testing.T, completeError string) *fakeUploads {
	f := &fakeUploads{slacktest.New(t)}
	f.AddUser(slacktest.User{ID: "U1", Name: "ann", RealName: "Ann", TZ: "Asia/Shanghai"})
	f.SetDM("U1", "D42")
	if completeError != "" {
		f.Set("files.completeUploadExternal", slacktest.Behaviour{Error: completeError})
	}
	return f
}

// flow returns the calls made, other than users.info (the profile refresh
// that follows any command).
func (f *fakeUploads) flow() []slacktest.Call {
	var calls []slacktest.Call
	for _, c := range f.Calls("") {
		if c.Method != "users.info" {
			calls = append(calls, c)
		}
	}
	return calls
}

func (f *fakeUploads) app(h *bot.Handler) *SlackApp {
	return &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(f.APIURL())),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		HTTP:    f.Client(),
		Now:     h.Service.Now,
	}
}

// exportCommand is "/plan text" typed by Ann in channel C1.
func exportCommand(f *fakeUploads, text string) slack.SlashCommand {
	return slack.SlashCommand{
		TeamID: "T1", TeamDomain: "zhaoshang", UserID: "U1", UserName: "ann", ChannelID: "C1",
		Command: "/plan", Text: text, ResponseURL: f.ResponseURL("export"),
	}
}

func paths(calls []slacktest.Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Path)
	}
	return out
}

// /plan export xlsx answers at once, then uploads the report to Ann's direct
// messages: conversations.open, files.getUploadURLExternal, the upload,
// files.completeUploadExternal into the DM.
func TestSlackExportXLSX(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Bob, "thu-fri trip to Beijing")
	f := newFakeUploads(t, "")
	app := f.app(h)

	answer := app.Command(t.Context(), exportCommand(f, "export xlsx"))
	app.Wait()
	if !strings.Contains(answer.Text, "Excel report of 2025-W47") || answer.ResponseType != slack.ResponseTypeEphemeral {
		t.Errorf("answer %+v, want the Excel report on its way, to Ann only", answer)
	}
	calls := f.flow()
	want := []string{"/api/conversations.open", "/api/files.getUploadURLExternal", "/upload/F1", "/api/files.completeUploadExternal"}
	if fmt.Sprint(paths(calls)) != fmt.Sprint(want) {
		t.Fatalf("calls %v, want %v", paths(calls), want)
	}
	if users := calls[0].Form.Get("users"); users != "U1" {
		t.Errorf("conversations.open users=%q, want Ann's U1", users)
	}
	file := calls[2].File
	if got := calls[1].Form; got.Get("filename") != "planbot-2025-W47.xlsx" || got.Get("length") != fmt.Sprint(len(file)) {
		t.Errorf("files.getUploadURLExternal %v, want planbot-2025-W47.xlsx of %d bytes", got, len(file))
	}
	complete := calls[3].Form
	if complete.Get("channel_id") != "D42" {
		t.Errorf("files.completeUploadExternal channel_id=%q, want the DM D42", complete.Get("channel_id"))
	}
	var files []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(complete.Get("files")), &files); err != nil || len(files) != 1 || files[0].ID != "F1" ||
		files[0].Title != "Weekly report 2025-W47 (Nov 17–23)" {
		t.Errorf("files.completeUploadExternal files=%s (%v), want F1 titled with the week", complete.Get("files"), err)
	}
	if want := reportFile(t, h.Service, "T1", "U1", plannertest.W47); !bytes.Equal(file, want) {
		t.Errorf("the uploaded file (%d bytes) is not the Excel report bot/report writes of the week (%d bytes)", len(file), len(want))
	}
	strs := sharedStrings(t, file)
	for _, want := range []string{"Ann", "○ #1 visit 4 enterprises", "Bob", "○ #2 trip to Beijing (1/2)", "○ #2 trip to Beijing (2/2)"} {
		if !strings.Contains(strs, want) {
			t.Errorf("the workbook's text lacks %q: %s", want, strs)
		}
	}
}

// A failed upload is told to the member through response_url, in their language.
func TestSlackExportXLSXFails(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"export xlsx", "I could not send you the Excel report of 2025-W47 (missing_scope)"},
		{"导出 xlsx", "没能把 2025-W47 的 Excel 周报发给你（missing_scope）"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			f := newFakeUploads(t, "missing_scope")
			app := f.app(h)
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
			if !strings.HasPrefix(msg.Text, tt.want) || msg.ResponseType != slack.ResponseTypeEphemeral || msg.ReplaceOriginal {
				t.Errorf("response_url got %+v, want %q, to the member only", msg, tt.want)
			}
		})
	}
}

func TestUploadErrorCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("upload: %w", slack.SlackErrorResponse{Err: "not_in_channel"}), "not_in_channel"},
		{slack.SlackErrorResponse{Err: "<!here> ping"}, "error"},
		{&slack.RateLimitedError{}, "ratelimited"},
		{fmt.Errorf("x: %w", planner.Errorf(planner.Internal, planner.ReasonInternalFail, "")), "error"},
	} {
		if got := uploadErrorCode(tt.err); got != tt.want {
			t.Errorf("uploadErrorCode(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// reportFile is the Excel report of week w that bot/report writes (its tests
// check the cells) for member userID of team teamID, as they are stored.
func reportFile(t *testing.T, svc *planner.Service, teamID, userID string, w planner.Week) []byte {
	t.Helper()
	team, err := svc.Team(t.Context(), teamID)
	if err != nil {
		t.Fatal(err)
	}
	members, err := svc.Members(t.Context(), teamID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(members, func(m planner.Member) bool { return m.UserID == userID })
	if i < 0 {
		t.Fatalf("no member %s in team %s", userID, teamID)
	}
	r, err := report.BuildWeekReport(t.Context(), svc.For(team, members[i]), team, w)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sharedStrings is the text of the workbook b's cells, as its zip holds them
// (xl/sharedStrings.xml): read without a spreadsheet library, which only
// bot/report imports.
func sharedStrings(t *testing.T, b []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	f, err := z.Open("xl/sharedStrings.xml")
	if err != nil {
		t.Fatalf("the workbook's strings: %v", err)
	}
	defer f.Close()
	text, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("the workbook's strings: %v", err)
	}
	return string(text)
}
