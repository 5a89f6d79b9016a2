package bot

import (
	"context"
	"strings"

	"planbot/planner"
)

// IndexSettingsView shows the team's activity index settings: whether it is
// on, and its weights.
type IndexSettingsView struct{ Settings planner.IndexSettings }

func (IndexSettingsView) isBody() {}

// indexWeightsWords start the weights of /plan setup index weights ….
var indexWeightsWords = map[string]bool{"weights": true, "weight": true, "权重": true}

// setupIndex shows the activity index settings (/plan setup index), turns
// the index on or off (on, off, 开, 关) or sets its weights (weights
// 签约=30 …, or the weights alone); only admins change them.
func (t *Turn) setupIndex(ctx context.Context, value string) (Body, planner.Lang, error) {
	word, rest := cutWord(value)
	word = strings.ToLower(word)
	off, onOff := remindWords[word]
	var set planner.IndexSettings
	var err error
	switch {
	case value == "":
		set, err = t.Service.IndexSettings(ctx, t.Actor.TeamID)
	case onOff && rest == "":
		set, err = t.Service.SetIndexOn(ctx, t.Actor, !off)
	case indexWeightsWords[word] && rest == "":
		err = planner.Errorf(planner.Invalid, planner.ReasonBadIndex, value)
	case indexWeightsWords[word]:
		set, err = t.Service.SetIndexWeights(ctx, t.Actor, rest)
	default:
		set, err = t.Service.SetIndexWeights(ctx, t.Actor, value)
	}
	return IndexSettingsView{Settings: set}, "", err
}
