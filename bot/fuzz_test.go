package bot

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// fuzzSeeds are the hostile table's lines, and plannertest's.
func fuzzSeeds() []string {
	var hostile []string
	for _, c := range hostileCases {
		hostile = append(hostile, c.Text)
	}
	return plannertest.FuzzSeeds(hostile)
}

// Any line from any member: no panic, and a reply with a body in a language
// that renders as text and is no internal failure. (bot/slack's
// FuzzSlackReply renders the same replies in Block Kit and checks that
// nothing in them pings, mentions or links.)
func FuzzParseCommand(f *testing.F) {
	for i, s := range fuzzSeeds() {
		f.Add(s, uint8(i))
	}
	fuzz := storagetest.NewFuzz(f)
	f.Fuzz(func(t *testing.T, line string, who uint8) {
		h := &Handler{Service: fuzz.Next(t), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		cmd := ParseCommand(line)
		if cmd.Verb == "" {
			t.Fatalf("ParseCommand(%q) has no verb", line)
		}
		a := plannertest.FuzzActors[int(who)%len(plannertest.FuzzActors)]
		r := h.Handle(context.Background(), &workLog{}, a, cmd)
		if r.Body == nil || r.Lang == "" {
			t.Fatalf("Handle(%q) = %+v, want a body in a language", line, r)
		}
		if f, ok := r.Body.(Failure); ok && f.Err.Code == planner.Internal {
			t.Fatalf("Handle(%q): internal failure %v", line, f.Err)
		}
		if RenderText(r) == "" {
			t.Fatalf("Handle(%q) renders no text", line)
		}
	})
}
