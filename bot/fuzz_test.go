package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// seedWeekLines are the seed week, in English and Chinese, and the
// commands people run on it.
var seedWeekLines = []string{
	"tue visit 4 enterprises", "thu-fri trip to Beijing", "周二 对接4家企业", "周三 对接基金公司开展以商引商",
	"周四至周五 出差北京", "周末 回常总结复盘", "sun 参加招商培训", "team meeting tomorrow",
	"done 1 2 of 4 interested", "完成 3 两家有意向", "cancel 2 client postponed", "move 1 next wed", "改期 3 下周三",
	"edit 1 fri visit 5 enterprises", "修改 3 周五 对接5家企业", "note Two companies want a second visit.", "心得：两家企业有意向",
	"week", "本周", "team last", "团队 上周", "history 1", "历史 #3", "digest", "周报 2025-W47", "export", "导出 2025-W47",
	"lang zh", "语言 en", "help", "帮助", "new", "remind off", "setup tz Asia/Shanghai", "setup digest sun 18:00",
	"digest post", "周报 发布 强制",
}

// fuzzDB is the SQLite database that every input of a fuzz process runs on,
// in a directory made once per process (f.Fuzz has no TempDir per input), on
// the fixed clock of newHandler. Every fuzzRotate inputs it starts over on a
// fresh file, with the seed week again, so that the weeks shown stay small
// and the inputs fast.
var fuzzDB struct {
	once sync.Once
	mu   sync.Mutex
	dir  string
	err  error
	db   *storage.DB
	h    *Handler
	n    int // inputs run on db
}

const fuzzRotate = 2000

// fuzzHandlerFor returns the handler for the next input, opening a fresh
// database when it is the first or the current one has had its share.
func fuzzHandlerFor(t testing.TB) *Handler {
	fuzzDB.once.Do(func() { fuzzDB.dir, fuzzDB.err = makeFuzzDir() })
	fuzzDB.mu.Lock()
	defer fuzzDB.mu.Unlock()
	if fuzzDB.err != nil {
		t.Fatalf("fuzz database: %v", fuzzDB.err)
	}
	if fuzzDB.h != nil && fuzzDB.n < fuzzRotate {
		fuzzDB.n++
		return fuzzDB.h
	}
	path := filepath.Join(fuzzDB.dir, "planbot.db")
	if fuzzDB.db != nil {
		fuzzDB.db.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("fuzz database: %v", err)
	}
	h := &Handler{
		Service: planner.NewService(db, planner.Options{Now: func() time.Time { return time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) },
			Loc:  shanghai,
			Lang: planner.English}),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	// Each team starts with the seed week, so that ids name real items.
	for _, a := range fuzzActors {
		for _, line := range seedWeekLines[:7] {
			if _, failed := h.Handle(context.Background(), &workLog{}, a, ParseCommand(line)).Body.(Failure); failed {
				t.Fatalf("seed %q failed", line)
			}
		}
	}
	fuzzDB.db, fuzzDB.h, fuzzDB.n = db, h, 1
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
		stale, _ := filepath.Glob(filepath.Join(parent, "planbot-fuzz-*-*"))
		for _, dir := range stale {
			pid := strings.Split(filepath.Base(dir), "-")[2]
			if _, err := os.Stat(filepath.Join("/proc", pid)); errors.Is(err, fs.ErrNotExist) {
				os.RemoveAll(dir)
			}
		}
	}
	return os.MkdirTemp(parent, fmt.Sprintf("planbot-fuzz-%d-", os.Getpid()))
}

// TestMain removes the fuzz database's directory, if a fuzz target made one,
// once the process's tests (or its share of fuzzing) are over.
func TestMain(m *testing.M) {
	code := m.Run()
	if fuzzDB.dir != "" {
		if fuzzDB.db != nil {
			fuzzDB.db.Close()
		}
		os.RemoveAll(fuzzDB.dir)
	}
	os.Exit(code)
}

// fuzzActors are who the fuzzer types as: members of two teams and an admin.
var fuzzActors = []planner.Actor{
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true},
	{TeamID: "TF2", TeamName: "招商二组", UserID: "U1", UserName: "Eve"},
}

// fuzzSeeds are the hostile table's lines and the seed week's.
func fuzzSeeds(f *testing.F) []string {
	var out []string
	for _, c := range hostileCases {
		out = append(out, c.Text)
	}
	out = append(out, "lead 常诚车业 签约 年产150万套车灯项目", `lead "<!channel> Co" signed`, "leads mine",
		"tue visit [<!here>]", "线索 【常诚车业】 在谈", "export xlsx last", "导出 表格")
	return append(out, seedWeekLines...)
}

// Any line from any member: no panic, and a reply with a body in a language
// that renders as text and is no internal failure. (bot/slack's
// FuzzSlackReply renders the same replies in Block Kit and checks that
// nothing in them pings, mentions or links.)
func FuzzParseCommand(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, line string, who uint8) {
		h := fuzzHandlerFor(t)
		cmd := ParseCommand(line)
		if cmd.Verb == "" {
			t.Fatalf("ParseCommand(%q) has no verb", line)
		}
		a := fuzzActors[int(who)%len(fuzzActors)]
		r := h.Handle(context.Background(), &workLog{}, a, cmd)
		if r.Body == nil || r.Lang == "" {
			t.Fatalf("Handle(%q) = %+v, want a body in a language", line, r)
		}
		if f, ok := r.Body.(Failure); ok && f.Err.Code == planner.Internal {
			t.Fatalf("Handle(%q): internal failure %v", line, f.Err)
		}
		if RenderText(r) == "" {
			t.Fatalf("Handle(%q) renders no text", line)
		}
	})
}
