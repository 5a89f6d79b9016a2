package feishu

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"testing/synctest"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage/storagetest"
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

// A group's owner is an admin for one command only: the team's first /plan
// setup, typed in that group. Anyone can make a group and own it, so moving
// the team's chat, forget and the rest take FEISHU_ADMINS.
func TestFirstSetupOnly(t *testing.T) {
	svc, _ := storagetest.Service(t)
	a := &App{Handler: &bot.Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}}
	member := planner.Actor{TeamID: TeamID("tk"), UserID: "ou_li", ChannelID: "oc_lis_own"}
	setup, forget := bot.ParseCommand("setup"), bot.ParseCommand("forget ou_wang")
	if !a.firstSetup(t.Context(), member, setup) {
		t.Error("the team's first setup, in a group: the owner is not asked")
	}
	for _, tt := range []struct {
		name  string
		actor planner.Actor
		cmd   bot.Command
	}{
		{"forget", member, forget},
		{"digest post", member, bot.ParseCommand("digest post")},
		{"setup tz", member, bot.ParseCommand("setup tz Asia/Shanghai")},
		{"setup in a direct chat", planner.Actor{TeamID: member.TeamID, UserID: "ou_li"}, setup},
		{"an admin already", planner.Actor{TeamID: member.TeamID, UserID: "ou_li", ChannelID: "oc_x", Admin: true}, setup},
	} {
		if a.firstSetup(t.Context(), tt.actor, tt.cmd) {
			t.Errorf("%s: the group's owner would be taken for an admin", tt.name)
		}
	}
	boss := planner.Actor{TeamID: member.TeamID, UserID: "ou_boss", Admin: true, ChannelID: "oc_team"}
	if _, _, err := svc.Join(t.Context(), boss); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetDigestChannel(t.Context(), boss, "oc_team"); err != nil {
		t.Fatal(err)
	}
	if a.firstSetup(t.Context(), member, setup) {
		t.Error("a team with its chat set up: a member's own group would move it")
	}
}
