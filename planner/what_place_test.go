package planner

import (
	"reflect"
	"slices"
	"testing"
)

// A trip's places are the places only, joined by 、 in Chinese and ", " in
// English; lines of other kinds have none.
func TestDetectPlace(t *testing.T) {
	tests := []struct {
		line, place string
	}{
		{"周一 赴苏州、无锡精准招商", "苏州、无锡"},
		{"周一 出差深圳、东莞两天", "深圳、东莞"},
		{"周一 赴深圳东莞对接项目", "深圳、东莞"},
		{"周一 到广东东莞、广州、河源等地进行招商活动考察", "广东东莞、广州、河源"},
		{"周一 赴九龙坡区、北碚区、永川区和渝中区实地考察", "九龙坡区、北碚区、永川区、渝中区"},
		{"周一 带队再赴北京、上海两地 考察8家企业", "北京、上海"},
		{"周一 赴上海、苏州、杭州等地开展招商引资工作", "上海、苏州、杭州"},
		{"周一 赴上海市、山东省济南市开展招商引资工作", "上海市、山东省济南市"},
		{"周一 前往湖北武汉 开展为期四天的科技招商考察活动", "湖北武汉"},
		{"周一 赴泰商务考察", "泰"},
		{"周一 带队赴京开展项目促进", "京"},
		{"周一 赴滎經調研招商引資工作", "滎經"},
		{"周一 率隊赴上海市、鎮江市開展招商引資活動", "上海市、鎮江市"},
		{"周一 赴昆明与九州通医药集团深入洽谈", "昆明"},
		{"明天出差 去上海看水处理展会", "上海"},
		{"周一 出差上海 拜访3家企业", "上海"},
		{"周一 去北京出差", "北京"},
		{"周一 北京出差", "北京"},
		{"周一 驻点深圳招商", "深圳"},
		{"周一 出差", ""},
		// A new user's lines: a duration is no place, places apart, a place
		// before 驻点, 飞 to a city, and 驻点 after the places.
		{"周二起出差两天 成都", "成都"},
		{"周二 出差3天 成都", "成都"},
		{"周二 出差 苏州 无锡 常州", "苏州、无锡、常州"},
		{"周二 出差 苏州 拜访企业", "苏州"},
		{"周二 出差上海 拜访3家企业", "上海"},
		{"周五 在上海驻点", "上海"},
		{"周三 飞成都", "成都"},
		{"周三 飞深圳参加展会", "深圳"},
		{"下周二至四 赴深圳、东莞驻点招商", "深圳、东莞"},
		{"mon trip to Shenzhen and Dongguan", "Shenzhen, Dongguan"},
		{"mon business trip Chengdu", "Chengdu"},
		{"mon business trip to New York for the expo", "New York"},
		{"mon trips to Japan, Germany and Hong Kong", "Japan, Germany, Hong Kong"},
		{"mon travel to Washington, D.C.", "Washington, D.C."},
		{"mon travel to Israel, the United Arab Emirates (UAE), and Greece", "Israel, the United Arab Emirates, Greece"},
		{"mon fly out of Boston into Indianapolis", "Indianapolis"},
		{"mon travel from Indianapolis to Shanghai", "Shanghai"},
		{"mon left to go to the National Farm Machinery show in Louisville KY", "Louisville KY"},
		{"mon Trade Mission will include stops in Milan and Rome to meet with companies", "Milan, Rome"},
		{"mon trade mission to Japan starts", "Japan"},
		{"mon trip to beijing", "beijing"},
		// not trips: no place
		{"周一 赴松下集团招商对接", ""},
		{"周一 考察团赴我市考察", ""},
		{"mon investment roadshow in Mumbai", ""},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got := parseOn(t, tc.line).Drafts[0].Place; got != tc.place {
				t.Errorf("place %q, want %q", got, tc.place)
			}
		})
	}
}

// Words that begin with 去, 到, 赴 or 飞 but go nowhere make no trip.
func TestNotGoing(t *testing.T) {
	for _, line := range []string{"周一 去年签约企业回访", "周一 到期合同续签", "周一 赴约见客户", "周一 到岗培训", "周三 飞速推进项目", "周三 飞机模型展"} {
		t.Run(line, func(t *testing.T) {
			if d := parseOn(t, line).Drafts[0]; d.Kind == KindTrip || d.Place != "" {
				t.Errorf("%s to %q, want no trip", d.Kind, d.Place)
			}
		})
	}
}

// A trip's places as stored split into the digest's list: 、 in Chinese,
// ", " in English, an abbreviation after a comma kept with its name.
func TestPlacesOf(t *testing.T) {
	tests := []struct {
		place string
		want  []string
	}{
		{"", []string{}},
		{"成都", []string{"成都"}},
		{"深圳、东莞", []string{"深圳", "东莞"}},
		{"苏州、无锡、常州", []string{"苏州", "无锡", "常州"}},
		{"Shenzhen, Dongguan", []string{"Shenzhen", "Dongguan"}},
		{"Japan, Germany, Hong Kong", []string{"Japan", "Germany", "Hong Kong"}},
		{"Washington, D.C.", []string{"Washington, D.C."}},
		{"Chicago, St. Louis", []string{"Chicago", "St. Louis"}},
		{"Louisville KY", []string{"Louisville KY"}},
	}
	for _, tc := range tests {
		if got := placesOf(tc.place); !slices.Equal(got, tc.want) {
			t.Errorf("placesOf(%q) = %q, want %q", tc.place, got, tc.want)
		}
	}
}

// The digest lists each trip's places as well as the joined string it shows.
func TestDigestTripPlaces(t *testing.T) {
	var items []Item
	for i, line := range []string{"周二 出差 苏州 无锡 常州", "周二至四 赴深圳、东莞驻点招商", "周三 飞成都", "周四 拜访企业"} {
		d := parseOn(t, line).Drafts[0]
		items = append(items, Item{ID: int64(i + 1), UserID: "U1", Start: d.Start, End: d.End, Kind: d.Kind, Count: d.Count, Place: d.Place, Title: d.Title})
	}
	dg := BuildDigest(WeekOf(DateOf(monday, shanghai)), items, nil, nil, nil)
	var got [][]string
	for _, trip := range dg.Trips {
		got = append(got, trip.Places)
	}
	want := [][]string{{"苏州", "无锡", "常州"}, {"深圳", "东莞"}, {"成都"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trips' places %q, want %q", got, want)
	}
}
