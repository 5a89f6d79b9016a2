package bot

import "planbot/planner"

// The sentences of the amounts signed in a period (render_money.go).
const (
	MsgMoneySigned     Msg = "money_signed"
	MsgMoneySignedOne  Msg = "money_signed_one"
	MsgMoneyNoAmount   Msg = "money_no_amount"
	MsgMoneyUnpriced   Msg = "money_unpriced"
	MsgMoneyBands      Msg = "money_bands"
	MsgMoneyBand       Msg = "money_band"
	MsgMoneyBandLt3    Msg = "money_band_lt3"
	MsgMoneyBand3to10  Msg = "money_band_3to10"
	MsgMoneyBand10to20 Msg = "money_band_10to20"
	MsgMoneyBandGe20   Msg = "money_band_ge20"
	MsgAmountVague     Msg = "amount_vague"
	// The Excel summary's rows of the signings (bot/report).
	MsgXlsxSignedProjects Msg = "xlsx_signed_projects"
	MsgXlsxSignedAmount   Msg = "xlsx_signed_amount"
	MsgXlsxUnpriced       Msg = "xlsx_unpriced"
)

// moneyCatalog are the sentences of the amounts signed in a period, in both
// languages: the line every government report has (签约项目X个，总投资Y亿元).
var moneyCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgMoneySigned:        "%d projects signed, %s total investment",
		MsgMoneySignedOne:     "%d project signed, %s total investment",
		MsgMoneyNoAmount:      "%d signed, no amount given",
		MsgMoneyUnpriced:      " (%d without an amount in CNY)",
		MsgMoneyBands:         "By size: %s",
		MsgMoneyBand:          "%s %d",
		MsgMoneyBandLt3:       "under CNY 0.3 bn",
		MsgMoneyBand3to10:     "CNY 0.3–1 bn",
		MsgMoneyBand10to20:    "CNY 1–2 bn",
		MsgMoneyBandGe20:      "CNY 2 bn and more",
		MsgXlsxSignedProjects: "Projects signed",
		MsgXlsxSignedAmount:   "Total investment (CNY 100 m)",
		MsgXlsxUnpriced:       "%d signed project(s) without an amount in CNY: counted, not summed",
		MsgAmountVague:        "“%s” is not one amount, so no amount was stored: write one number, like 总投资6亿元 or USD 200M (/plan edit N …)",
	},
	planner.Chinese: {
		MsgMoneySigned:        "签约项目%d个，总投资%s",
		MsgMoneySignedOne:     "签约项目%d个，总投资%s",
		MsgMoneyNoAmount:      "签约项目%d个（未填投资额）",
		MsgMoneyUnpriced:      "（其中%d个未填人民币投资额）",
		MsgMoneyBands:         "按规模：%s",
		MsgMoneyBand:          "%s%d个",
		MsgMoneyBandLt3:       "3亿元以下",
		MsgMoneyBand3to10:     "3–10亿元",
		MsgMoneyBand10to20:    "10–20亿元",
		MsgMoneyBandGe20:      "20亿元及以上",
		MsgXlsxSignedProjects: "签约项目（个）",
		MsgXlsxSignedAmount:   "总投资（亿元）",
		MsgXlsxUnpriced:       "其中%d个项目未填人民币投资额：计入项目数，不计入总投资",
		MsgAmountVague:        "“%s”不是一个确定的金额，没有记录金额：请写一个数，例如 总投资6亿元（/plan 修改 N …）",
	},
}
