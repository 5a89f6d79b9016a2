package feishu

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"planbot/planner/plannertest"
	"planbot/storage/storagetest"

	"planbot/bot"
)

// membersAPI lists a group's members in pages of two, noting when each page
// was asked for.
type membersAPI struct {
	API
	pages [][]Member
	asked []time.Time
}

func (m *membersAPI) ChatMembers(_ context.Context, _ string, token string) ([]Member, string, error) {
	m.asked = append(m.asked, time.Now())
	i := 0
	if token != "" {
		i = int(token[0] - '0')
	}
	next := ""
	if i+1 < len(m.pages) {
		next = string(rune('0' + i + 1))
	}
	return m.pages[i], next, nil
}

// Setup imports a group's members a page at a time, with a pause between two
// pages, and names them as Feishu does.
func TestImportMembersPaced(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		svc, _ := storagetest.Service(t)
		api := &membersAPI{pages: [][]Member{
			{{OpenID: "ou_1", Name: "王芳"}, {OpenID: "ou_2", Name: "李强"}},
			{{OpenID: "ou_3", Name: "张伟"}, {OpenID: ""}},
			{{OpenID: "ou_4", Name: "赵敏\n"}},
		}}
		a := &App{API: api, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now,
			Handler: &bot.Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}}
		actor := plannertest.Boss
		actor.TeamID = TeamID("tk")
		turn, err := a.Handler.Begin(t.Context(), actor)
		if err != nil {
			t.Fatal(err)
		}
		n, err := a.importMembers(t.Context(), turn, "oc_group")
		if err != nil || n != 4 {
			t.Fatalf("imported %d, %v; want 4", n, err)
		}
		for i := 1; i < len(api.asked); i++ {
			if gap := api.asked[i].Sub(api.asked[i-1]); gap < importPace {
				t.Errorf("page %d asked %v after the one before, want at least %v", i+1, gap, importPace)
			}
		}
		members, err := svc.Members(t.Context(), actor.TeamID)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, m := range members {
			names[m.UserID] = m.Name
		}
		for id, want := range map[string]string{"ou_1": "王芳", "ou_3": "张伟", "ou_4": "赵敏"} {
			if names[id] != want {
				t.Errorf("member %s named %q, want %q (on one line)", id, names[id], want)
			}
		}
	})
}
