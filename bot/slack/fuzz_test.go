package slack

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage"
)

// The fuzz targets of the Slack adapter: bot's replies to any line as Slack
// shows them (bot's FuzzParseCommand checks the same replies as text), and
// the request verifier. FuzzShownText is in mrkdwn_test.go.

// fuzzWeekLines are the seed week, in English and Chinese, and the
// commands people run on it (as bot's fuzz_test.go has them).
var fuzzWeekLines = []string{
	"tue visit 4 enterprises", "thu-fri trip to Beijing", "周二 对接4家企业", "周三 对接基金公司开展以商引商",
	"周四至周五 出差北京", "周末 回常总结复盘", "sun 参加招商培训", "team meeting tomorrow",
	"done 1 2 of 4 interested", "完成 3 两家有意向", "cancel 2 client postponed", "move 1 next wed", "改期 3 下周三",
	"edit 1 fri visit 5 enterprises", "修改 3 周五 对接5家企业", "note Two companies want a second visit.", "心得：两家企业有意向",
	"week", "本周", "team last", "团队 上周", "history 1", "历史 #3", "digest", "周报 2025-W47", "export", "导出 2025-W47",
	"lang zh", "语言 en", "help", "帮助", "new", "remind off", "setup tz Asia/Shanghai", "setup digest sun 18:00",
	"digest post", "周报 发布 强制",
}

// fuzzSeeds are the hostile table's lines and the seed week's.
func fuzzSeeds(t testing.TB) []string {
	var out []string
	for _, c := range hostileCases(t) {
		out = append(out, c.Text)
	}
	out = append(out, "lead 常诚车业 签约 年产150万套车灯项目", `lead "<!channel> Co" signed`, "leads mine",
		"tue visit [<!here>]", "线索 【常诚车业】 在谈", "export xlsx last", "导出 表格")
	return append(out, fuzzWeekLines...)
}

// fuzzActors are who the fuzzer types as: members of two teams and an admin.
var fuzzActors = []planner.Actor{
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true},
	{TeamID: "TF2", TeamName: "招商二组", UserID: "U1", UserName: "Eve"},
}

// fuzzRotate is how many inputs run on one database before a fresh one, so
// that the weeks shown stay small and the inputs fast.
const fuzzRotate = 2000

// fuzzHandlers gives a fuzz process's inputs a handler on the fixed clock of
// newHandler, on a SQLite file in a directory of its own (f.Fuzz has no
// TempDir per input), started over with the seed week every fuzzRotate inputs.
type fuzzHandlers struct {
	mu  sync.Mutex
	dir string
	db  *storage.DB
	h   *bot.Handler
	n   int // inputs run on db
}

// newFuzzHandlers makes the process's directory, removed when f ends.
func newFuzzHandlers(f *testing.F) *fuzzHandlers {
	dir, err := makeFuzzDir()
	if err != nil {
		f.Fatalf("fuzz database: %v", err)
	}
	fh := &fuzzHandlers{dir: dir}
	f.Cleanup(func() {
		if fh.db != nil {
			fh.db.Close()
		}
		os.RemoveAll(dir)
	})
	return fh
}

// next returns the handler for the next input, opening a fresh database when
// it is the first or the current one has had its share.
func (fh *fuzzHandlers) next(t testing.TB) *bot.Handler {
	fh.mu.Lock()
	defer fh.mu.Unlock()
	if fh.h != nil && fh.n < fuzzRotate {
		fh.n++
		return fh.h
	}
	path := filepath.Join(fh.dir, "planbot.db")
	if fh.db != nil {
		fh.db.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("fuzz database: %v", err)
	}
	h := &bot.Handler{
		Service: planner.NewService(db, planner.Options{Now: func() time.Time { return time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) },
			Loc:  shanghai,
			Lang: planner.English}),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	// Each team starts with the seed week, so that ids name real items.
	for _, a := range fuzzActors {
		for _, line := range fuzzWeekLines[:7] {
			if _, failed := h.Handle(context.Background(), &workLog{}, a, bot.ParseCommand(line)).Body.(bot.Failure); failed {
				t.Fatalf("seed %q failed", line)
			}
		}
	}
	fh.db, fh.h, fh.n = db, h, 1
	return h
}

// makeFuzzDir makes the process's directory, in memory when it can, named
// after the process, so that the directories of fuzz workers stopped by a
// signal (which never clean up) are removed by later ones.
func makeFuzzDir() (string, error) {
	parent := os.TempDir()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		parent = "/dev/shm"
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		stale, _ := filepath.Glob(filepath.Join(parent, "planbot-slackfuzz-*-*"))
		for _, dir := range stale {
			pid := strings.Split(filepath.Base(dir), "-")[2]
			if _, err := os.Stat(filepath.Join("/proc", pid)); errors.Is(err, fs.ErrNotExist) {
				os.RemoveAll(dir)
			}
		}
	}
	return os.MkdirTemp(parent, fmt.Sprintf("planbot-slackfuzz-%d-", os.Getpid()))
}

// Any line from any member: a reply Slack accepts, with nothing in its Block
// Kit or its fallback text that pings, mentions or links.
func FuzzSlackReply(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint8(i))
	}
	handlers := newFuzzHandlers(f)
	f.Fuzz(func(t *testing.T, line string, who uint8) {
		h := handlers.next(t)
		a := fuzzActors[int(who)%len(fuzzActors)]
		r := h.Handle(context.Background(), &workLog{}, a, bot.ParseCommand(line))
		if r.Body == nil || r.Lang == "" {
			t.Fatalf("Handle(%q) = %+v, want a body in a language", line, r)
		}
		var js bytes.Buffer
		enc := json.NewEncoder(&js)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(NewSlackResponse(r)); err != nil {
			t.Fatalf("encode the reply to %q: %v", line, err)
		}
		checkSlackMessage(t, js.Bytes())
		if raw := pings(js.String()); raw != "" {
			t.Fatalf("the reply to %q holds a raw %q:\n%s", line, raw, js.String())
		}
		if raw := pings(Fallback(r)); raw != "" {
			t.Fatalf("the fallback of %q holds a raw %q: %q", line, raw, Fallback(r))
		}
	})
}

// The fixed secret and clock of FuzzVerifyAndParse.
const fuzzSecret = "8f742231b10e8888abcd99yyyzzz85a5"

var fuzzNow = time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC)

// slashForm is the form Slack posts for "/plan text", as Slack escapes it.
func slashForm(text string) []byte {
	return []byte(url.Values{
		"team_id": {"T1"}, "team_domain": {"acme"}, "channel_id": {"C1"}, "channel_name": {"investment"},
		"user_id": {"U1"}, "user_name": {"ann"}, "command": {"/plan"},
		"text":         {strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(text)},
		"response_url": {"https://hooks.slack.com/commands/T1/1/x"}, "trigger_id": {"1.2.3"}, "api_app_id": {"A1"},
	}.Encode())
}

// Any signature headers over any body: no panic; what verifies is signed with
// the secret within the replay window; the body signed now with the secret
// verifies, and once changed it does not; and the body, read as Slack's form,
// gives a slash command without a panic.
func FuzzVerifyAndParse(f *testing.F) {
	v := Verifier{Secret: fuzzSecret, Now: func() time.Time { return fuzzNow }}
	now := strconv.FormatInt(fuzzNow.Unix(), 10)
	for i, s := range fuzzSeeds(f) {
		body := slashForm(s)
		sig := v.Sign(now, body)
		switch i % 4 {
		case 1:
			sig = strings.ToUpper(sig[:3]) + sig[3:]
		case 2:
			sig = Verifier{Secret: "wrong"}.Sign(now, body)
		case 3: // signed, but too long ago
			stale := strconv.FormatInt(fuzzNow.Add(-maxSkew-time.Second).Unix(), 10)
			f.Add(stale, v.Sign(stale, body), body)
			continue
		}
		f.Add(now, sig, body)
	}
	f.Add("", "", []byte(nil))
	f.Add("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", []byte("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"))
	f.Add("+"+now, "v0=", []byte("text=%ZZ&text=%00"))
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte) {
		header := http.Header{}
		header.Set("X-Slack-Request-Timestamp", ts)
		header.Set("X-Slack-Signature", sig)
		if err := v.Verify(header, body); err == nil {
			secs, perr := strconv.ParseInt(ts, 10, 64)
			got, herr := hex.DecodeString(strings.TrimPrefix(sig, "v0="))
			want, _ := hex.DecodeString(strings.TrimPrefix(v.Sign(ts, body), "v0="))
			skew := fuzzNow.Sub(time.Unix(secs, 0))
			if perr != nil || herr != nil || !strings.HasPrefix(sig, "v0=") || !bytes.Equal(got, want) || skew > maxSkew || skew < -maxSkew {
				t.Fatalf("Verify accepted ts %q sig %q over %q", ts, sig, body)
			}
		}

		signed := http.Header{}
		signed.Set("X-Slack-Request-Timestamp", now)
		signed.Set("X-Slack-Signature", v.Sign(now, body))
		if err := v.Verify(signed, body); err != nil {
			t.Fatalf("a body signed with the secret fails: %v", err)
		}
		for _, mutated := range [][]byte{append(bytes.Clone(body), 'x'), flipFirst(body), body[:len(body)/2]} {
			if !bytes.Equal(mutated, body) && v.Verify(signed, mutated) == nil {
				t.Fatalf("a changed body verifies: %q signed, %q sent", body, mutated)
			}
		}
		if (Verifier{Secret: fuzzSecret + "x", Now: v.Now}).Verify(signed, body) == nil {
			t.Fatal("a body signed with another secret verifies")
		}

		form, err := url.ParseQuery(string(body))
		if err != nil {
			return
		}
		sc := slashCommandOf(form)
		if sc.Text != form.Get("text") || sc.TeamID != form.Get("team_id") || sc.UserID != form.Get("user_id") {
			t.Fatalf("slashCommandOf(%v) = %+v", form, sc)
		}
		if cmd := bot.ParseCommand(unescape(sc.Text)); cmd.Verb == "" {
			t.Fatalf("ParseCommand(%q) has no verb", sc.Text)
		}
	})
}

// flipFirst returns body with its first bit flipped (body itself when empty).
func flipFirst(body []byte) []byte {
	if len(body) == 0 {
		return body
	}
	b := bytes.Clone(body)
	b[0] ^= 1
	return b
}
