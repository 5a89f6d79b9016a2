package bot

import (
	"bytes"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// snapshot is everything a failed command must leave as it was.
type snapshot struct {
	Items   []planner.Item
	History []planner.Change
	Members []planner.Member
	Notes   map[string]string
}

func takeSnapshot(t *testing.T, h *Handler) snapshot {
	t.Helper()
	_, changes := history(t, h, "T1", 1)
	members, err := dbOf(h).Members(t.Context(), "T1")
	if err != nil {
		t.Fatalf("Members: %v", err)
	}
	notes, err := dbOf(h).Notes(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatalf("Notes: %v", err)
	}
	return snapshot{teamItems(t, h, "T1"), changes, members, notes}
}

func TestHandleErrors(t *testing.T) {
	tooLong := strings.Repeat("x", planner.MaxTitle+1)
	tests := []struct {
		name   string
		line   string
		code   planner.Code
		reason planner.Reason
		detail string
		lang   planner.Lang // of the reply, so of its first line; Chinese words with no verb or when answer in Chinese
	}{
		{"bad weekday", "周八 拜访", planner.Invalid, planner.ReasonBadWeekday, "周八", planner.Chinese},
		{"bad iso date", "2025-02-30 x", planner.Invalid, planner.ReasonBadDate, "2025-02-30", planner.English},
		{"bad slash date", "13/45 x", planner.Invalid, planner.ReasonBadDate, "13/45", planner.English},
		{"year out of range", "2100-01-01 x", planner.Invalid, planner.ReasonDateRange, "2100-01-01", planner.English},
		{"end before start", "2025-11-21 to 2025-11-20 x", planner.Invalid, planner.ReasonEndBefore, "2025-11-21 to 2025-11-20", planner.English},
		{"week without a day", "下周 出差上海", planner.Invalid, planner.ReasonVagueWeek, "下周", planner.Chinese},
		{"english week without a day", "next week trip to Shanghai", planner.Invalid, planner.ReasonVagueWeek, "next week", planner.English},
		{"when without what", "tue", planner.Invalid, planner.ReasonNoWhat, "tue", planner.English},
		{"no what at all", "add", planner.Invalid, planner.ReasonNoWhat, "", planner.English},
		{"title too long", "tue " + tooLong, planner.Invalid, planner.ReasonTooLong, "", planner.English},
		{"count too big", "拜访999999家企业", planner.Invalid, planner.ReasonBadCount, "999999", planner.Chinese},
		{"id overflows int64", "done 99999999999999999999", planner.Invalid, planner.ReasonBadID, "99999999999999999999", planner.English},
		{"id overflows, chinese verb", "完成 99999999999999999999", planner.Invalid, planner.ReasonBadID, "99999999999999999999", planner.Chinese},
		{"id zero", "cancel 0", planner.Invalid, planner.ReasonBadID, "0", planner.English},
		{"no such item", "done 7", planner.NotFound, planner.ReasonNoItem, "7", planner.English},
		{"bad week", "week 2025-W99", planner.Invalid, planner.ReasonBadWeek, "2025-W99", planner.English},
		{"bad digest week", "周报 2025-W53", planner.Invalid, planner.ReasonBadWeek, "2025-W53", planner.Chinese},
		{"bad export week", "导出 2025-W60", planner.Invalid, planner.ReasonBadWeek, "2025-W60", planner.Chinese},
		{"bad lang", "lang fr", planner.Invalid, planner.ReasonBadLang, "fr", planner.English},
		{"move to no day", "move 1 someday", planner.Invalid, planner.ReasonBadWhen, "someday", planner.English},
		{"move to two runs", "move 1 mon and wed", planner.Invalid, planner.ReasonSplitWhen, "mon and wed", planner.English},
		{"edit to two runs", "edit 1 mon and wed visit", planner.Invalid, planner.ReasonSplitWhen, "mon and wed visit", planner.English},
		{"outcome too long", "done 1 " + tooLong, planner.Invalid, planner.ReasonTooLong, "", planner.English},
		{"note too long", "note " + tooLong, planner.Invalid, planner.ReasonTooLong, "", planner.English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
			before := takeSnapshot(t, h)

			r := handle(t, h, plannertest.Ann, tt.line)
			e := failure(t, r)
			if e.Code != tt.code || e.Reason != tt.reason || e.Detail != tt.detail {
				t.Errorf("error %s/%s %q, want %s/%s %q", e.Code, e.Reason, e.Detail, tt.code, tt.reason, tt.detail)
			}
			if r.Lang != tt.lang {
				t.Errorf("reply language %q, want %q", r.Lang, tt.lang)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
				t.Errorf("a failure changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
			checkBilingual(t, RenderText(r), tt.lang, e.Detail)
		})
	}
}

// A bare id-verb, or move/edit with only an id, is a command missing its
// arguments: it is answered with that verb's usage, and nothing is stored.
func TestHandleUsage(t *testing.T) {
	tests := []struct {
		line    string
		verb    Verb
		lang    planner.Lang
		example string // the verb's usage, in the reply's language
		other   string // and in the other language
	}{
		{"done", VerbDone, planner.English, "/plan done 3 2 of 4 interested", "/plan 完成 3 两家有意向"},
		{"完成", VerbDone, planner.Chinese, "/plan 完成 3 两家有意向", "/plan done 3 2 of 4 interested"},
		{"finished", VerbDone, planner.English, "/plan done 3 2 of 4 interested", "/plan 完成 3 两家有意向"},
		{"cancel", VerbCancel, planner.English, "/plan cancel 3 client postponed", "/plan 取消 3 客户改期"},
		{"删除", VerbCancel, planner.Chinese, "/plan 取消 3 客户改期", "/plan cancel 3 client postponed"},
		{"move", VerbMove, planner.English, "/plan move 3 next wed", "/plan 改期 3 下周三"},
		{"move 3", VerbMove, planner.English, "/plan move 3 next wed", "/plan 改期 3 下周三"},
		{"move 1", VerbMove, planner.English, "/plan move 3 next wed", "/plan 改期 3 下周三"},
		{"改期 #1", VerbMove, planner.Chinese, "/plan 改期 3 下周三", "/plan move 3 next wed"},
		{"edit 3", VerbEdit, planner.English, "/plan edit 3 fri visit 5 enterprises", "/plan 修改 3 周五 对接5家企业"},
		{"修改\u30001", VerbEdit, planner.Chinese, "/plan 修改 3 周五 对接5家企业", "/plan edit 3 fri visit 5 enterprises"},
		{"history", VerbHistory, planner.English, "/plan history 3", "/plan 历史 3"},
		{"历史", VerbHistory, planner.Chinese, "/plan 历史 3", "/plan history 3"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
			before := takeSnapshot(t, h)

			r := handle(t, h, plannertest.Ann, tt.line)
			e := failure(t, r)
			if e.Code != planner.Invalid || e.Reason != planner.ReasonUsage || e.Detail != string(tt.verb) {
				t.Errorf("error %s/%s %q, want invalid/usage %q", e.Code, e.Reason, e.Detail, tt.verb)
			}
			if r.Lang != tt.lang {
				t.Errorf("reply language %q, want %q", r.Lang, tt.lang)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
				t.Errorf("a usage failure changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
			text := RenderText(r)
			checkBilingual(t, text, tt.lang, "")
			first, second, _ := strings.Cut(text, "\n")
			if !strings.HasSuffix(first, tt.example) || !strings.HasSuffix(second, tt.other) {
				t.Errorf("RenderText =\n%s\nwant the usage %q, then %q", text, tt.example, tt.other)
			}
		})
	}
}

// checkBilingual checks that a rendered Failure explains itself in lang and
// then in the other language, each with a /plan example.
func checkBilingual(t *testing.T, text string, lang planner.Lang, detail string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	if len(lines) != 2 {
		t.Fatalf("failure text has %d lines, want 2: %q", len(lines), text)
	}
	en, zh := lines[0], lines[1]
	if lang == planner.Chinese {
		en, zh = zh, en
	}
	if hasHan(strings.ReplaceAll(en, detail, "")) {
		t.Errorf("English line has Chinese in it: %q", en)
	}
	if !hasHan(strings.ReplaceAll(zh, detail, "")) {
		t.Errorf("Chinese line has no Chinese in it: %q", zh)
	}
	for _, line := range lines {
		if !strings.Contains(line, "/plan ") {
			t.Errorf("line has no /plan example: %q", line)
		}
		if strings.Contains(line, "%!") {
			t.Errorf("line has a formatting error: %q", line)
		}
	}
}

// A storage failure is logged and answered without its details.
func TestHandleInternalError(t *testing.T) {
	h := newHandler(t)
	var logs bytes.Buffer
	h.Log = slog.New(slog.NewTextHandler(&logs, nil))
	if err := dbOf(h).Close(); err != nil {
		t.Fatal(err)
	}
	r := handle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	if e := failure(t, r); e.Code != planner.Internal || e.Reason != planner.ReasonInternalFail || e.Err == nil {
		t.Errorf("error %+v, want internal_fail with its cause", e)
	}
	text := RenderText(r)
	want := "Something went wrong on my side; nothing was changed. Please try again in a moment.\n出了点问题，什么都没有改动。请稍后再试。"
	if text != want {
		t.Errorf("RenderText = %q, want %q", text, want)
	}
	if !strings.Contains(logs.String(), "command failed") || !strings.Contains(logs.String(), "database is closed") {
		t.Errorf("internal error not logged with its cause: %q", logs.String())
	}
}
