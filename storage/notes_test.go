package storage

import (
	"maps"
	"testing"

	"planbot/planner"
)

func TestNotes(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "A", "U2", "Bob")
	mustMember(t, db, "B", "U1", "Ann")
	w47 := planner.Week{Year: 2025, Num: 47}
	w48 := w47.Next()

	for _, n := range []struct {
		team, user string
		week       planner.Week
		text       string
	}{
		{"A", "U1", w47, "first draft"},
		{"A", "U1", w47, "本周签约 2 份 🎉\n\"下周\" 跟进"},
		{"A", "U2", w47, "quiet week"},
		{"A", "U1", w48, "next week's"},
		{"B", "U1", w47, "other team"},
	} {
		if err := db.SetNote(ctx, n.team, n.user, n.week, n.text); err != nil {
			t.Fatalf("SetNote(%s, %s, %s): %v", n.team, n.user, n.week, err)
		}
	}

	for _, tt := range []struct {
		name string
		team string
		week planner.Week
		want map[string]string
	}{
		{"replaced and kept apart", "A", w47, map[string]string{"U1": "本周签约 2 份 🎉\n\"下周\" 跟进", "U2": "quiet week"}},
		{"next week", "A", w48, map[string]string{"U1": "next week's"}},
		{"other team", "B", w47, map[string]string{"U1": "other team"}},
		{"no notes", "A", w47.Prev(), map[string]string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Notes(ctx, tt.team, tt.week)
			if err != nil {
				t.Fatalf("Notes: %v", err)
			}
			if got == nil || !maps.Equal(got, tt.want) {
				t.Errorf("Notes = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestSetNoteWithoutMember(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	err := db.SetNote(t.Context(), "A", "U2", planner.Week{Year: 2025, Num: 47}, "hello")
	wantCode(t, err, planner.Internal)
}
