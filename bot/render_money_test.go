package bot

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The line of a period's signings, as government reports write it, in both
// languages: one project or several, CNY summed, projects with no CNY amount
// said apart, nothing when nothing was signed; and the bands by size.
func TestMoneyLine(t *testing.T) {
	cny := func(wan int64) planner.Amount { return planner.Amount{Value: wan, Currency: "CNY"} }
	money := func(amounts ...planner.Amount) planner.Money {
		changes := make([]planner.StageChange, len(amounts))
		companies := make([]planner.Company, len(amounts))
		for i, a := range amounts {
			companies[i] = planner.Company{ID: int64(i + 1), OwnerID: "U1", Amount: a}
			changes[i] = planner.StageChange{CompanyID: int64(i + 1), To: planner.StageSigned, At: plannertest.Monday}
		}
		return planner.BuildMoney(plannertest.W47.Start(), plannertest.W47.End(), changes, companies, plannertest.Shanghai)
	}
	tests := []struct {
		name    string
		m       planner.Money
		en, zh  string
		bandsEn string
		bandsZh string
	}{
		{"none", money(), "", "", "", ""},
		{"two", money(cny(120000), cny(35000)), "2 projects signed, CNY 1.55 bn total investment", "签约项目2个，总投资15.5亿元",
			"By size: CNY 0.3–1 bn 1, CNY 1–2 bn 1", "按规模：3–10亿元1个、10–20亿元1个"},
		{"one", money(cny(3500)), "1 project signed, CNY 35 m total investment", "签约项目1个，总投资3,500万元",
			"By size: under CNY 0.3 bn 1", "按规模：3亿元以下1个"},
		{"one unpriced", money(cny(250000), planner.Amount{Value: 20000, Currency: "USD"}),
			"2 projects signed, CNY 2.5 bn total investment (1 without an amount in CNY)", "签约项目2个，总投资25亿元（其中1个未填人民币投资额）",
			"By size: CNY 2 bn and more 1", "按规模：20亿元及以上1个"},
		{"no amounts", money(planner.Amount{}), "1 signed, no amount given", "签约项目1个（未填投资额）", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MoneyLine(planner.English, tc.m); got != tc.en {
				t.Errorf("English %q, want %q", got, tc.en)
			}
			if got := MoneyLine(planner.Chinese, tc.m); got != tc.zh {
				t.Errorf("Chinese %q, want %q", got, tc.zh)
			}
			if got := BandsLine(planner.English, tc.m); got != tc.bandsEn {
				t.Errorf("English bands %q, want %q", got, tc.bandsEn)
			}
			if got := BandsLine(planner.Chinese, tc.m); got != tc.bandsZh {
				t.Errorf("Chinese bands %q, want %q", got, tc.bandsZh)
			}
		})
	}
	r := plannertest.ScriptedRetro(t)
	if strings.Contains(RetroText(planner.Chinese, r), "签约项目") {
		t.Error("a week with nothing signed has a money line")
	}
	r.Money = money(cny(120000), cny(35000))
	for _, l := range plannertest.Langs {
		if text := RetroText(l, r); !strings.Contains(text, MoneyLine(l, r.Money)) {
			t.Errorf("%s retrospective lacks %q:\n%s", l, MoneyLine(l, r.Money), text)
		}
	}
}
