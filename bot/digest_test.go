package bot

import (
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

func TestHandleNote(t *testing.T) {
	h := newHandler(t)
	for _, tt := range []struct {
		actor planner.Actor
		line  string
		want  NoteView
		lang  planner.Lang
		text  string
	}{
		{plannertest.Ann, "note", NoteView{Week: plannertest.W47}, planner.English,
			"No note for week 2025-W47 yet. Write one: /plan note Two companies want a second visit."},
		{plannertest.Ann, "note great week", NoteView{Week: plannertest.W47, Text: "great week", Saved: true}, planner.English,
			"Saved your note for week 2025-W47."},
		{plannertest.Ann, "note", NoteView{Week: plannertest.W47, Text: "great week"}, planner.English,
			"Your note for week 2025-W47: great week"},
		{plannertest.Bob, "心得：两家企业有意向再次对接", NoteView{Week: plannertest.W47, Text: "两家企业有意向再次对接", Saved: true}, planner.Chinese,
			"已保存本周（2025-W47）心得。"},
		{plannertest.Bob, "心得", NoteView{Week: plannertest.W47, Text: "两家企业有意向再次对接"}, planner.Chinese,
			"本周（2025-W47）心得：两家企业有意向再次对接"},
		{plannertest.Ann, "note: a better week", NoteView{Week: plannertest.W47, Text: "a better week", Saved: true}, planner.English,
			"Saved your note for week 2025-W47."},
		{plannertest.Ann, "心得", NoteView{Week: plannertest.W47, Text: "a better week"}, planner.Chinese,
			"本周（2025-W47）心得：a better week"},
	} {
		t.Run(tt.actor.UserName+" "+tt.line, func(t *testing.T) {
			r := mustHandle(t, h, tt.actor, tt.line)
			if r.Body != tt.want || r.Lang != tt.lang {
				t.Errorf("reply %+v in %q, want %+v in %q", r.Body, r.Lang, tt.want, tt.lang)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText = %q, want %q", got, tt.text)
			}
		})
	}
	notes, err := dbOf(h).Notes(t.Context(), "T1", plannertest.W47)
	if want := map[string]string{"U1": "a better week", "U2": "两家企业有意向再次对接"}; err != nil || !reflect.DeepEqual(notes, want) {
		t.Errorf("stored notes %v, %v; want %v", notes, err, want)
	}
	if n := len(teamItems(t, h, "T1")); n != 0 {
		t.Errorf("notes added %d items", n)
	}
}

// digest answers line from a and returns the digest it shows.
func digest(t *testing.T, h *Handler, a planner.Actor, line string) (planner.Digest, string) {
	t.Helper()
	r := mustHandle(t, h, a, line)
	v, ok := r.Body.(DigestView)
	if !ok {
		t.Fatalf("reply %T %+v, want a DigestView", r.Body, r.Body)
	}
	return v.Digest, RenderText(r)
}

func TestHandleDigest(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")      // #1
	mustHandle(t, h, plannertest.Ann, "thu-fri trip to Beijing")      // #2
	mustHandle(t, h, plannertest.Bob, "周三 对接基金公司开展以商引商")              // #3
	mustHandle(t, h, plannertest.Bob, "fri visit 3 companies")        // #4, cancelled below
	mustHandle(t, h, plannertest.Carol, "last mon visit 2 companies") // #5, the week before
	mustHandle(t, h, plannertest.Ann, "note great week")
	mustHandle(t, h, plannertest.Bob, "cancel 4 client postponed")
	if it, _ := history(t, h, "T1", 5); it.Start != plannertest.Day(t, "2025-11-10") {
		t.Fatalf("last mon is %s, want 2025-11-10", it.Start)
	}

	t.Run("before done", func(t *testing.T) {
		d, _ := digest(t, h, plannertest.Ann, "digest")
		want := planner.Totals{Items: 1, Count: 4}
		if got := d.Totals[planner.KindVisit]; got != want {
			t.Errorf("visit totals %+v, want %+v (a cancelled visit counts nowhere)", got, want)
		}
	})

	mustHandle(t, h, plannertest.Ann, "done 1 2 of 4 interested")

	t.Run("this week", func(t *testing.T) {
		d, text := digest(t, h, plannertest.Ann, "digest")
		if d.Week != plannertest.W47 || d.Start != plannertest.Day(t, "2025-11-17") || d.End != plannertest.Day(t, "2025-11-23") {
			t.Errorf("digest of %s %s..%s, want 2025-W47 2025-11-17..2025-11-23", d.Week, d.Start, d.End)
		}
		totals := map[planner.Kind]planner.Totals{
			planner.KindVisit: {Items: 1, DoneItems: 1, Count: 4, DoneCount: 4},
			planner.KindTrip:  {Items: 1, Count: 1},
			planner.KindFund:  {Items: 1, Count: 1},
		}
		for _, k := range planner.Kinds {
			if got := d.Totals[k]; got != totals[k] {
				t.Errorf("%s totals %+v, want %+v", k, got, totals[k])
			}
		}
		members := []planner.MemberSummary{
			{UserID: "U1", UserName: "Ann", Items: 2, DoneItems: 1, Note: "great week"},
			{UserID: "U2", UserName: "Bob", Items: 1},
		}
		if !reflect.DeepEqual(d.Members, members) {
			t.Errorf("members %+v, want %+v", d.Members, members)
		}
		if want := []string{"U3"}; !reflect.DeepEqual(d.Silent, want) {
			t.Errorf("silent %v, want %v", d.Silent, want)
		}
		trips := []planner.TripSummary{{UserID: "U1", UserName: "Ann", Place: "Beijing", Places: []string{"Beijing"},
			Start: plannertest.Day(t, "2025-11-20"), End: plannertest.Day(t, "2025-11-21"), Status: planner.StatusPlanned}}
		if !reflect.DeepEqual(d.Trips, trips) {
			t.Errorf("trips %+v, want %+v", d.Trips, trips)
		}
		for _, want := range []string{
			"招商一组 · Week 47 · Nov 17–23",
			"Completion 33% (1 of 3 items done) · ▲ 33 pts vs last week (0%)",
			"  Enterprises met: 4/4 (visits)",
			"  Fund meetings: 0/1",
			"  ⬜ Ann → Beijing · Thu Nov 20 – Fri Nov 21",
			"    #3 ⬜ Wed Nov 19 · fund · 对接基金公司开展以商引商 → next week",
			"  Ann: 1 of 2 done",
			"    #1 ✅ Tue Nov 18 · visit ×4 · visit 4 enterprises · “2 of 4 interested”",
			"    note: great week",
			"  Bob: 0 of 1 done",
			"Logged nothing this week: Carol",
		} {
			if !strings.Contains(text, want+"\n") && !strings.HasSuffix(text, want) {
				t.Errorf("digest text has no line %q:\n%s", want, text)
			}
		}
		if strings.Contains(text, "#4") {
			t.Errorf("digest text shows the cancelled item:\n%s", text)
		}
	})

	t.Run("周报", func(t *testing.T) {
		d, text := digest(t, h, plannertest.Bob, "周报")
		if d.Week != plannertest.W47 || len(d.Members) != 2 {
			t.Errorf("digest of %s with %d members, want 2025-W47 with 2", d.Week, len(d.Members))
		}
		for _, want := range []string{"招商一组 · 第47周 · 11月17日–23日 周末总结复盘", "完成率 33%（完成 1 项，共 3 项）",
			"  拜访企业：4/4 家", "→ 顺延下周", "本周未记录：Carol"} {
			if !strings.Contains(text, want) {
				t.Errorf("digest text has no %q:\n%s", want, text)
			}
		}
	})

	t.Run("last week", func(t *testing.T) {
		d, text := digest(t, h, plannertest.Ann, "digest last")
		members := []planner.MemberSummary{{UserID: "U3", UserName: "Carol", Items: 1}}
		if d.Week != (planner.Week{Year: 2025, Num: 46}) || !reflect.DeepEqual(d.Members, members) || len(d.Silent) != 0 {
			t.Errorf("digest of %s, members %+v, silent %v; want 2025-W46, %+v, none", d.Week, d.Members, d.Silent, members)
		}
		if d.Totals[planner.KindVisit] != (planner.Totals{Items: 1, Count: 2}) {
			t.Errorf("visit totals %+v, want 1 item of 2", d.Totals[planner.KindVisit])
		}
		if !strings.Contains(text, "Completion 0% (0 of 1 items done) · no items last week") {
			t.Errorf("digest text:\n%s", text)
		}
	})

	t.Run("next week", func(t *testing.T) {
		d, text := digest(t, h, plannertest.Ann, "digest 2025-W48")
		if want := []string{"U1", "U2", "U3"}; len(d.Members) != 0 || !reflect.DeepEqual(d.Silent, want) {
			t.Errorf("members %+v, silent %v; want none, %v", d.Members, d.Silent, want)
		}
		want := "招商一组 · Week 48 · Nov 24–30\nNo items this week.\nLogged nothing this week: Ann, Bob, Carol\nNext week: nothing planned yet"
		if text != want {
			t.Errorf("digest text:\n%s\nwant\n%s", text, want)
		}
	})
}

// A week with no items says so, and still lists the notes and who went silent.
func TestHandleDigestNoItems(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup []string // lines Ann types; Carol logged a visit last week
		line  string
		want  string
	}{
		{"note, silent", []string{"note quiet week, calls only"}, "digest",
			"招商一组 · Week 47 · Nov 17–23\n" +
				"No items this week.\n" +
				"Members:\n  Ann: no items this week\n    note: quiet week, calls only\n" +
				"Logged nothing this week: Carol\n" +
				"Next week: nothing planned yet"},
		{"only a cancelled item", []string{"tue visit 4 enterprises", "cancel 2 client postponed"}, "周报",
			"招商一组 · 第47周 · 11月17日–23日 周末总结复盘\n" +
				"本周没有事项。\n" +
				"本周未记录：Carol\n" +
				"下周计划：暂无"}, // a cancelled item counts nowhere, and Ann was not active before
		{"no one active", nil, "digest 2025-W52",
			"招商一组 · Week 52 · Dec 22–28\nNo items this week.\nNext week: nothing planned yet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Carol, "last mon visit 2 companies")
			for _, line := range tt.setup {
				mustHandle(t, h, plannertest.Ann, line)
			}
			d, text := digest(t, h, plannertest.Ann, tt.line)
			if d.Completion() != 0 {
				t.Errorf("completion %v, want 0", d.Completion())
			}
			if text != tt.want {
				t.Errorf("digest text:\n%s\nwant\n%s", text, tt.want)
			}
			if strings.Contains(text, "0 of 0 items") || strings.Contains(text, "0 / 0 项") {
				t.Errorf("digest text counts no items:\n%s", text)
			}
		})
	}
}
