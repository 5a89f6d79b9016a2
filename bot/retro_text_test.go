package bot

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/planner"
)

// The retrospective as plain text (RetroText) and its lines, as every
// platform has them; bot/slack's tests check its Slack messages.

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test ./bot -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (rewrite it with -update if the change is meant):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// retroItem is an item of team T1 on days start..end.
func retroItem(t *testing.T, id int64, user, start, end string, kind planner.Kind, count int, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	return planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: retroNames[user], Start: day(t, start), End: day(t, end),
		Kind: kind, Count: count, Title: title, Status: status, Outcome: outcome}
}

// retroTrip is a trip of team T1 to place on days start..end.
func retroTrip(t *testing.T, id int64, user, start, end, place, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	it := retroItem(t, id, user, start, end, planner.KindTrip, 1, title, status, outcome)
	it.Place = place
	return it
}

// retroNames are the members of the scripted week.
var retroNames = map[string]string{"U1": "Ann", "U2": "王芳", "U3": "Mike", "U4": "陈静", "U5": "赵敏"}

// scriptedRetro is team 招商一组's week 47: Ann, 王芳 and Mike logged their
// week (Ann's trip visited 3 enterprises, 王芳 hosted a delegation, Mike has
// a promotion event planned and a day off), 陈静 logged nothing (but did the
// week before), 赵敏 is on a leave that began the week before.
func scriptedRetro(t *testing.T) planner.Retro {
	done, planned, cancelled := planner.StatusDone, planner.StatusPlanned, planner.StatusCancelled
	items := []planner.Item{
		retroItem(t, 21, "U1", "2025-11-17", "2025-11-17", planner.KindVisit, 4, "visit 4 enterprises in the Software Park", done, "2 of 4 interested, one wants a site visit"),
		retroItem(t, 22, "U1", "2025-11-18", "2025-11-18", planner.KindFund, 1, "meet Sequoia China about a co-investment fund", done, "term sheet by Dec 5"),
		retroTrip(t, 23, "U1", "2025-11-20", "2025-11-20", "Shanghai", "trip to Shanghai to meet battery makers", done, "met 3 battery makers"),
		retroItem(t, 24, "U1", "2025-11-21", "2025-11-21", planner.KindVisit, 2, "visit 2 logistics companies", planned, ""),
		retroItem(t, 25, "U2", "2025-11-17", "2025-11-17", planner.KindVisit, 3, "拜访3家新能源企业", done, "两家有意向，下周二再谈"),
		retroTrip(t, 26, "U2", "2025-11-19", "2025-11-20", "北京", "出差北京 对接央企总部", done, "约定12月初来园区考察"),
		retroItem(t, 27, "U2", "2025-11-21", "2025-11-21", planner.KindSigning, 1, "签约常诚车业二期项目", done, "签约金额2亿元"),
		retroItem(t, 28, "U3", "2025-11-18", "2025-11-18", planner.KindTraining, 1, "training for new investment staff", done, "12 attended"),
		retroItem(t, 29, "U3", "2025-11-19", "2025-11-19", planner.KindVisit, 2, "visit 2 chip designers", cancelled, "client postponed"),
		retroItem(t, 30, "U3", "2025-11-20", "2025-11-20", planner.KindReview, 1, "review the Q4 pipeline", done, ""),
		retroItem(t, 35, "U2", "2025-11-20", "2025-11-20", planner.KindReception, 1, "接待深圳客商考察团", done, "对方月底再来"),
		retroItem(t, 36, "U3", "2025-11-21", "2025-11-21", planner.KindEvent, 1, "Yangtze Delta investment promotion fair", planned, ""),
		retroItem(t, 37, "U3", "2025-11-21", "2025-11-21", planner.KindLeave, 1, "day off (调休)", planned, ""),
	}
	items[2].Visits = 3 // Ann's trip to Shanghai met 3 battery makers
	longLeave := retroItem(t, 15, "U5", "2025-11-13", "2025-11-28", planner.KindLeave, 1, "年假", planned, "")
	previous := []planner.Item{
		retroItem(t, 11, "U1", "2025-11-11", "2025-11-11", planner.KindVisit, 3, "visit 3 enterprises", done, ""),
		retroItem(t, 12, "U2", "2025-11-12", "2025-11-12", planner.KindFund, 1, "对接基金公司", planned, ""),
		retroItem(t, 13, "U4", "2025-11-13", "2025-11-13", planner.KindVisit, 2, "拜访2家企业", done, ""),
		retroItem(t, 14, "U3", "2025-11-14", "2025-11-14", planner.KindTraining, 1, "training", done, ""),
		longLeave,
	}
	next := []planner.Item{
		retroItem(t, 31, "U1", "2025-11-24", "2025-11-24", planner.KindVisit, 3, "visit 3 battery makers", planned, ""),
		retroItem(t, 32, "U1", "2025-11-26", "2025-11-26", planner.KindFund, 1, "meet Sequoia China again", planned, ""),
		retroTrip(t, 33, "U2", "2025-11-25", "2025-11-26", "深圳", "出差深圳", planned, ""),
		retroItem(t, 34, "U3", "2025-11-27", "2025-11-27", planner.KindMeeting, 1, "weekly sync", cancelled, ""),
	}
	notes := map[string]string{
		"U1": "Battery makers want land prices before the next visit.",
		"U2": "北京的央企需要一份园区配套清单，周一前整理好。",
	}
	var members []planner.Member
	for _, id := range []string{"U1", "U2", "U3", "U4", "U5"} {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: retroNames[id]})
	}
	r := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, w47, items, previous, countsOf(next), usersOf(previous), notes, members)
	r.SetLeaves([]planner.Item{longLeave, items[len(items)-1]})
	return r
}

// The scripted week's retrospective as text, in each language, is the golden file's.
func TestRetroTextGolden(t *testing.T) {
	r := scriptedRetro(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			golden(t, "retro_"+string(l)+".txt", []byte(RetroText(l, r)+"\n"))
		})
	}
}

func TestRetroText(t *testing.T) {
	tests := []struct {
		name     string
		lang     planner.Lang
		has      []string
		lacks    []string
		modified func(*planner.Retro)
	}{
		{"header en", planner.English, []string{"招商一组 · Week 47 · Nov 17–23\n"}, []string{"(late)"}, nil},
		{"header zh", planner.Chinese, []string{"招商一组 · 第47周 · 11月17日–23日 周末总结复盘\n"}, []string{"（补发）"}, nil},
		{"late en", planner.English, []string{"招商一组 · Week 47 · Nov 17–23 (late)\n"}, nil, func(r *planner.Retro) { r.Late = true }},
		{"late zh", planner.Chinese, []string{"招商一组 · 第47周 · 11月17日–23日 周末总结复盘（补发）\n"}, nil, func(r *planner.Retro) { r.Late = true }},
		{"no team name", planner.English, []string{"Week 47 · Nov 17–23\n"}, []string{" · Week"}, func(r *planner.Retro) { r.TeamName = "" }},
		{"cancelled left out", planner.English, []string{"Enterprises met: 10/12 (visits)"}, []string{"#29", "chip designers"}, nil},
		{"a trip's visits met", planner.Chinese, []string{"拜访企业：10/12 家", "✅ Ann → Shanghai · 11月20日周四 · 拜访 ×3", "出差 → Shanghai · 拜访 ×3 · trip"}, nil, nil},
		{"on leave, not silent en", planner.English, []string{"On leave all week: 赵敏", "Logged nothing this week: 陈静\n"}, nil, nil},
		{"on leave, not silent zh", planner.Chinese, []string{"本周请假：赵敏", "本周未记录：陈静\n"}, nil, nil},
		{"a leave is no work", planner.Chinese, []string{"#37 ⬜ 11月21日周五 · 请假 · day off (调休)\n", "请假：1 人次", "Mike：完成 2 / 3"}, []string{"day off (调休) → 顺延下周"}, nil},
		{"leaves only", planner.English, []string{"赵敏: on leave\n"}, nil, func(r *planner.Retro) {
			leave := r.Items["U3"][len(r.Items["U3"])-1]
			leave.UserID, leave.UserName = "U5", "赵敏"
			r.Items["U5"] = []planner.Item{leave}
			r.Members = append(r.Members, planner.MemberSummary{UserID: "U5", UserName: "赵敏"})
		}},
		{"carried over en", planner.English, []string{"#24 ⬜ Fri Nov 21 · visit ×2 · visit 2 logistics companies → next week"}, nil, nil},
		{"carried over zh", planner.Chinese, []string{"#24 ⬜ 11月21日周五 · 拜访 ×2 · visit 2 logistics companies → 顺延下周"}, nil, nil},
		{"trip days en", planner.English, []string{"Trips: 2/2 (Shanghai 1 day, 北京 2 days)"}, nil, nil},
		{"trip days zh", planner.Chinese, []string{"出差：2/2 次（Shanghai 1 天、北京 2 天）"}, nil, nil},
		{"silent by id", planner.English, []string{"Logged nothing this week: U4"}, nil, func(r *planner.Retro) { r.Names = map[string]string{} }},
		{"next week by id", planner.Chinese, []string{"下周计划：U1 2 项 · U2 1 项"}, nil, func(r *planner.Retro) { r.Names = map[string]string{} }},
		{"next week none", planner.English, []string{"Next week: nothing planned yet"}, []string{"Next week: Ann"}, func(r *planner.Retro) { r.NextWeekPlanned = map[string]int{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scriptedRetro(t)
			if tt.modified != nil {
				tt.modified(&r)
			}
			text := RetroText(tt.lang, r)
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(text, s) {
					t.Errorf("text has %q:\n%s", s, text)
				}
			}
		})
	}
}

// The change of completion is in percentage points against the week before.
func TestRetroChange(t *testing.T) {
	week := func(done, planned int) map[planner.Kind]planner.Totals {
		return map[planner.Kind]planner.Totals{planner.KindVisit: {Items: done + planned, DoneItems: done, Count: done + planned, DoneCount: done}}
	}
	tests := []struct {
		name           string
		now, before    map[planner.Kind]planner.Totals
		english, zhong string
	}{
		{"up", week(3, 1), week(1, 1), "Completion 75% (3 of 4 items done) · ▲ 25 pts vs last week (50%)",
			"完成率 75%（完成 3 项，共 4 项） · 较上周 ▲ 25 个百分点（上周 50%）"},
		{"down", week(1, 3), week(1, 1), "Completion 25% (1 of 4 items done) · ▼ 25 pts vs last week (50%)",
			"完成率 25%（完成 1 项，共 4 项） · 较上周 ▼ 25 个百分点（上周 50%）"},
		{"same", week(2, 2), week(1, 1), "Completion 50% (2 of 4 items done) · = same as last week (50%)",
			"完成率 50%（完成 2 项，共 4 项） · = 与上周持平（上周 50%）"},
		{"one point", week(51, 49), week(1, 1), "Completion 51% (51 of 100 items done) · ▲ 1 pt vs last week (50%)",
			"完成率 51%（完成 51 项，共 100 项） · 较上周 ▲ 1 个百分点（上周 50%）"},
		{"nothing last week", week(1, 1), week(0, 0), "Completion 50% (1 of 2 items done) · no items last week",
			"完成率 50%（完成 1 项，共 2 项） · 上周没有事项"},
		{"nothing this week", week(0, 0), week(1, 1), "No items this week.", "本周没有事项。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := planner.Retro{Digest: planner.Digest{Week: w47, Start: w47.Start(), End: w47.End(), Totals: tt.now}, Previous: tt.before}
			for l, want := range map[planner.Lang]string{planner.English: tt.english, planner.Chinese: tt.zhong} {
				if got := retroTotals(l, r)[0].Text; got != want {
					t.Errorf("%s: %q, want %q", l, got, want)
				}
			}
		})
	}
}

// Every kind has its line in the totals.
func TestRetroKinds(t *testing.T) {
	for _, k := range planner.Kinds {
		found := false
		for _, rk := range retroKinds {
			found = found || rk.kind == k
		}
		if !found {
			t.Errorf("kind %q has no line in the retrospective's totals", k)
		}
	}
}

// countsOf counts items by owner, as planner.Store.CountItems does.
func countsOf(items []planner.Item) map[string]planner.ItemCounts {
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
