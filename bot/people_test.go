package bot

import (
	"regexp"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// userIDs finds a user id of the fixtures (U1, U2, U9…) in rendered text.
var userIDs = regexp.MustCompile(`\bU[0-9]+\b`)

// PeopleNames names a member by name, a nameless member by a number in the
// order of their ids, and anyone else by "—": never by a user id.
func TestPeopleNames(t *testing.T) {
	names := map[string]string{"U1": "Ann", "U2": "", "U3": " \n", "U4": "王\n芳", "U5": "<!channel>"}
	tests := []struct {
		userID string
		lang   planner.Lang
		want   string
	}{
		{"U1", planner.English, "Ann"},
		{"U4", planner.Chinese, "王 芳"},
		{"U5", planner.English, "<!channel>"}, // left to each platform's escaping, as every name is
		{"U2", planner.English, "Member 1 (no name yet)"},
		{"U3", planner.English, "Member 2 (no name yet)"},
		{"U2", planner.Chinese, "成员1（未登记姓名）"},
		{"U3", planner.Chinese, "成员2（未登记姓名）"},
		{"U8", planner.English, "—"},
		{"U8", planner.Chinese, "—"},
		{"", planner.English, "—"},
	}
	for _, tt := range tests {
		t.Run(tt.userID+" "+string(tt.lang), func(t *testing.T) {
			if got := PeopleNames(tt.lang, names)(tt.userID); got != tt.want {
				t.Errorf("name of %q = %q, want %q", tt.userID, got, tt.want)
			}
		})
	}
}

// An item's history names who made each change and says what they did in
// the reader's language: Bob's done is Bob's, and 完成 in Chinese.
func TestHistoryByName(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "week") // joins the team
	mustHandle(t, h, plannertest.Bob, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Bob, "done 1 2 of 4 interested")
	mustHandle(t, h, plannertest.Boss, "move 1 wed")
	tests := []struct {
		line string
		want []string
	}{
		{"history 1", []string{" · Bob · added · visit 4 enterprises", " · Bob · done · 2 of 4 interested", " · Boss · moved · "}},
		{"历史 1", []string{" · Bob · 添加 · visit 4 enterprises", " · Bob · 完成 · 2 of 4 interested", " · Boss · 改期 · "}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := RenderText(mustHandle(t, h, plannertest.Ann, tt.line))
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("history lacks %q:\n%s", want, got)
				}
			}
			if id := userIDs.FindString(got); id != "" {
				t.Errorf("history shows user id %s:\n%s", id, got)
			}
		})
	}
}

// A company's stage changes name the members who made them: by name, by a
// number when the member has none yet, "—" once they are forgotten.
func TestLeadHistoryByName(t *testing.T) {
	h := newHandler(t)
	nameless := planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U7"}
	mustHandle(t, h, plannertest.Ann, "lead Changcheng Auto negotiating")
	mustHandle(t, h, plannertest.Bob, "线索 Changcheng Auto 签约 年产150万套车灯项目")
	mustHandle(t, h, nameless, "线索 Changcheng Auto 签约 合同已寄出")
	mustHandle(t, h, plannertest.Carol, "lead Changcheng Auto landed")
	mustHandle(t, h, plannertest.Boss, "forget "+plannertest.Carol.UserID)
	tests := []struct {
		line string
		want []string
	}{
		{"lead Changcheng Auto", []string{
			" · negotiating · Ann", " · negotiating → signed · Bob · 年产150万套车灯项目",
			" · signed · Member 1 (no name yet) · 合同已寄出", " · signed → landed · —",
		}},
		{"线索 Changcheng Auto", []string{
			" · 在谈 · Ann", " · 在谈 → 签约 · Bob · 年产150万套车灯项目",
			" · 签约 · 成员1（未登记姓名） · 合同已寄出", " · 签约 → 落地 · —",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := RenderText(mustHandle(t, h, plannertest.Ann, tt.line))
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("history lacks %q:\n%s", want, got)
				}
			}
			if id := userIDs.FindString(got); id != "" {
				t.Errorf("history shows user id %s:\n%s", id, got)
			}
		})
	}
}

// The period report names a member without a name yet by a number, in the
// report's language, never by their user id.
func TestReportNameless(t *testing.T) {
	v := ReportView{Report: plannertest.ScriptedMonth(t), Period: plannertest.November, Made: plannertest.Day(t, "2025-12-03")}
	for i := range v.Report.Members {
		if v.Report.Members[i].UserID == "U3" {
			v.Report.Members[i].UserName = ""
		}
	}
	for lang, want := range map[planner.Lang]string{planner.English: "Member 1 (no name yet)", planner.Chinese: "成员1（未登记姓名）"} {
		t.Run(string(lang), func(t *testing.T) {
			var lines []string
			for _, ln := range NewReportLayout(lang, v).Members {
				lines = append(lines, ln.Text)
			}
			got := strings.Join(lines, "\n")
			if !strings.Contains(got, want) {
				t.Errorf("members lack %q:\n%s", want, got)
			}
			if id := userIDs.FindString(got); id != "" {
				t.Errorf("members show user id %s:\n%s", id, got)
			}
		})
	}
}

// The pipeline names a company's owner without a name yet "—", never by
// their user id, and says when a company has no owner.
func TestPipelineOwnerNameless(t *testing.T) {
	companies := []planner.CompanyView{
		{Company: planner.Company{ID: 1, Name: "常诚车业", Stage: planner.StageSigned, OwnerID: "U7"}},
		{Company: planner.Company{ID: 2, Name: "蓝天科技", Stage: planner.StageSigned}},
	}
	for lang, want := range map[planner.Lang]string{planner.English: "  常诚车业 · —\n  蓝天科技 · no owner", planner.Chinese: "  常诚车业 · —\n  蓝天科技 · 无负责人"} {
		t.Run(string(lang), func(t *testing.T) {
			got := RenderText(Reply{Lang: lang, Body: PipelineView{Companies: companies}})
			if !strings.Contains(got, want) {
				t.Errorf("pipeline lacks %q:\n%s", want, got)
			}
			if id := userIDs.FindString(got); id != "" {
				t.Errorf("pipeline shows user id %s:\n%s", id, got)
			}
		})
	}
}

// A target of a member without a name yet is named by their number in the
// retrospective, never by their user id.
func TestRetroTargetNameless(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	r.Names["U4"] = ""
	r.Targets = []planner.TargetProgress{{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Member: "U4",
		Goal: 100000, Done: 60000, AsOf: plannertest.Day(t, "2025-11-23")}}
	for lang, want := range map[planner.Lang]string{planner.English: "Member 1 (no name yet) · ", planner.Chinese: "成员1（未登记姓名） · "} {
		t.Run(string(lang), func(t *testing.T) {
			got := RetroText(lang, r)
			if !strings.Contains(got, want) {
				t.Errorf("retrospective lacks %q:\n%s", want, got)
			}
			if strings.Contains(got, "U4") {
				t.Errorf("retrospective shows user id U4:\n%s", got)
			}
		})
	}
}
