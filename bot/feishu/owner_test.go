package feishu

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"testing/synctest"

	"planbot/planner"
)

// ownerAPI is an API whose only call is ChatOwner; any other panics.
type ownerAPI struct {
	API
	owner func(ctx context.Context, chatID string) (string, error)
}

func (o ownerAPI) ChatOwner(ctx context.Context, chatID string) (string, error) {
	return o.owner(ctx, chatID)
}

// The owner of a group is an admin for the commands typed in it; anyone else,
// a bot-owned group, or a Feishu that does not answer in time, is not.
func TestOwnsGroup(t *testing.T) {
	actor := planner.Actor{TeamID: TeamID("tk"), UserID: "ou_owner", ChannelID: "oc_group"}
	for _, tt := range []struct {
		name  string
		owner func(ctx context.Context, chatID string) (string, error)
		want  bool
	}{
		{"the owner", func(_ context.Context, chat string) (string, error) {
			if chat != "oc_group" {
				return "", errors.New("wrong chat " + chat)
			}
			return "ou_owner", nil
		}, true},
		{"another member owns it", func(context.Context, string) (string, error) { return "ou_other", nil }, false},
		{"a bot owns it", func(context.Context, string) (string, error) { return "", nil }, false},
		{"Feishu fails", func(context.Context, string) (string, error) { return "", errors.New("99991400") }, false},
		{"Feishu does not answer in time", func(ctx context.Context, _ string) (string, error) {
			<-ctx.Done() // ownerCheckTimeout ends it
			return "", ctx.Err()
		}, false},
	} {
		// In a bubble, the deadline passes on the bubble's clock, not the wall's.
		synctest.Test(t, func(t *testing.T) {
			a := &App{API: ownerAPI{owner: tt.owner}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			if got := a.ownsGroup(t.Context(), actor); got != tt.want {
				t.Errorf("%s: ownsGroup = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}
