package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

func TestPostNow(t *testing.T) {
	w46 := planner.Week{Year: 2025, Num: 46}
	type step struct {
		at    string
		tick  bool           // a scheduled Tick instead of PostNow
		week  planner.Week   // PostNow's week; w47 when zero
		force bool           // PostNow's force
		fail  planner.Reason // PostNow's Conflict; "" for a post
		posts int            // retrospectives posted so far
		sent  bool           // the week's ledger row is sent by now
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"a preview before its time needs force and leaves the scheduled run", []step{
			{at: "2025-11-23 17:00", fail: planner.ReasonPreview, posts: 0},
			{at: "2025-11-23 17:59", tick: true, posts: 0},
			{at: "2025-11-23 18:00", tick: true, posts: 1, sent: true},
			{at: "2025-11-23 18:01", tick: true, posts: 1, sent: true},
		}},
		{"a forced preview, then the scheduled run", []step{
			{at: "2025-11-22 10:00", force: true, posts: 1},
			{at: "2025-11-23 17:59", force: true, posts: 2}, // a preview may be posted again
			{at: "2025-11-23 18:00", tick: true, posts: 3, sent: true},
			{at: "2025-11-23 18:01", tick: true, posts: 3, sent: true},
			{at: "2025-11-23 18:02", fail: planner.ReasonPosted, posts: 3, sent: true},
		}},
		{"after its time: posted once, again only with force", []step{
			{at: "2025-11-23 18:30", posts: 1, sent: true},
			{at: "2025-11-23 18:31", fail: planner.ReasonPosted, posts: 1, sent: true},
			{at: "2025-11-23 18:32", force: true, posts: 2, sent: true},
			{at: "2025-11-23 18:33", tick: true, posts: 2, sent: true},
			{at: "2025-11-24 08:00", tick: true, posts: 2, sent: true},
		}},
		{"after the scheduled run posted it", []step{
			{at: "2025-11-23 18:00", tick: true, posts: 1, sent: true},
			{at: "2025-11-23 18:05", fail: planner.ReasonPosted, posts: 1, sent: true},
			{at: "2025-11-23 18:06", force: true, posts: 2, sent: true},
			{at: "2025-11-23 18:07", tick: true, posts: 2, sent: true},
		}},
		{"a past week, the morning after", []step{
			{at: "2025-11-24 10:00", posts: 1, sent: true},
			{at: "2025-11-24 10:01", tick: true, posts: 1, sent: true},
			{at: "2025-11-24 10:02", week: w46, posts: 2},
			{at: "2025-11-24 10:03", week: w46, fail: planner.ReasonPosted, posts: 2},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at(tc.steps[0].at)}
			s := newJobs(t, f, c, 1, "CRETRO")
			for i, st := range tc.steps {
				c.set(at(st.at))
				week := st.week
				if week == (planner.Week{}) {
					week = plannertest.W47
				}
				if st.tick {
					s.Tick(t.Context())
				} else {
					team, err := s.PostNow(t.Context(), "T1", week, st.force)
					var e *planner.Error
					switch {
					case st.fail == "" && err != nil:
						t.Fatalf("step %d: PostNow(%s, force %t) at %s: %v", i, week, st.force, st.at, err)
					case st.fail == "" && team.DigestChannel != "CRETRO":
						t.Errorf("step %d: PostNow returned team %+v", i, team)
					case st.fail != "" && (!errors.As(err, &e) || e.Code != planner.Conflict || e.Reason != st.fail || e.Detail != week.String()):
						t.Fatalf("step %d: PostNow(%s, force %t) at %s = %v, want a %s conflict", i, week, st.force, st.at, err, st.fail)
					}
				}
				posts := f.PostsTo("CRETRO")
				if len(posts) != st.posts {
					t.Fatalf("step %d at %s: %d retrospectives posted, want %d", i, st.at, len(posts), st.posts)
				}
				// A preview is marked apart, so that it is never taken for the week's run.
				if len(posts) > 0 && !st.tick && st.fail == "" {
					var meta slack.SlackMetadata
					if err := json.Unmarshal(posts[len(posts)-1].Metadata, &meta); err != nil ||
						(meta.EventType != retroEvent && meta.EventType != previewEvent) || meta.EventPayload["week"] != week.String() || meta.EventPayload["team"] != "T1" {
						t.Errorf("step %d: metadata %s", i, posts[len(posts)-1].Metadata)
					}
				}
				s.noPendingSends(t, fmt.Sprintf("step %d", i))
				if st.sent {
					send, existed := s.ledgerRow(t, planner.JobRetro, plannertest.W47, "")
					if !existed || send.State != planner.RunSent || send.MessageRef == "" {
						t.Errorf("step %d: the week's ledger row %+v (existed %t), want sent with its ts", i, send, existed)
					}
				}
			}
		})
	}
}

func TestPostNowRefused(t *testing.T) {
	tests := []struct {
		name    string
		channel string
		team    string
		code    planner.Code
		reason  planner.Reason
	}{
		{"no digest channel", "", "T1", planner.Conflict, planner.ReasonNoDigestChan},
		{"no such team", "CRETRO", "T9", planner.NotFound, planner.ReasonUnknownTeam},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at("2025-11-23 18:30")}
			s := newJobs(t, f, c, 1, tc.channel)
			for _, force := range []bool{false, true} {
				_, err := s.PostNow(t.Context(), tc.team, plannertest.W47, force)
				var e *planner.Error
				if !errors.As(err, &e) || e.Code != tc.code || e.Reason != tc.reason {
					t.Errorf("PostNow(force %t) = %v, want %s/%s", force, err, tc.code, tc.reason)
				}
			}
			if got := f.Channels(); len(got) != 0 {
				t.Errorf("posted %v", got)
			}
			s.noPendingSends(t, "refused")
		})
	}
}

// A shutdown in the middle of a reminder fan-out stops it between two sends;
// the next start sends the rest, and nobody gets a reminder twice.
func TestSchedulerShutdownMidFanOut(t *testing.T) {
	const members = 5
	plan48 := planner.Week{Year: 2025, Num: 48}
	tests := []struct {
		name string
		pace time.Duration
		// stopAt says, for each request path, whether the shutdown comes now.
		stopAt func(f *slacktest.Server, method string) bool
		sent   int  // reminders out when the Tick returns
		rest   bool // whether a restart then sends the rest, once each
	}{
		{"after the 2nd reminder, before the 3rd send", 0, func(f *slacktest.Server, method string) bool {
			// The 3rd conversations.open comes after the 2nd post was answered and recorded.
			return method == "conversations.open" && len(f.Posts()) == 2
		}, 2, true},
		// With an hour's pace, only a pause that ends with the context lets the Tick
		// return within the guard. The shutdown races the 1st post's answer, so
		// whether that one counts as sent is not checked here.
		{"during the pause after the 1st reminder", time.Hour, func(f *slacktest.Server, method string) bool {
			return method == "chat.postMessage"
		}, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at("2025-11-24 09:00")} // Monday: "plan your week" to every member
			s := newJobs(t, f, c, members, "")
			s.Pace = tc.pace
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			var once sync.Once
			f.OnCall(func(call slacktest.Call) {
				if tc.stopAt(f, call.Method) {
					once.Do(cancel)
				}
			})
			done := make(chan struct{})
			go func() {
				defer close(done)
				s.Tick(ctx)
			}()
			select {
			case <-done:
			case <-time.After(jobsGuard):
				t.Fatal("Tick did not return after the shutdown")
			}
			if ctx.Err() == nil {
				t.Fatal("the shutdown never came")
			}
			sent := reminders(f)
			if got := f.Channels(); len(got) != tc.sent {
				t.Fatalf("reminders %v when the Tick returned, want the %d before the shutdown", got, tc.sent)
			}
			// Claimed = sent + left pending; at most one recipient beyond those sent.
			pending, err := s.db().PendingSends(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if len(pending) > 1 {
				t.Fatalf("%d sends left pending, want at most the one in flight: %+v", len(pending), pending)
			}
			for _, p := range pending {
				if p.Job != planner.JobPlan || tc.rest && sent["D"+p.Recipient] != 0 {
					t.Errorf("pending %+v: not the in-flight reminder of someone not yet reminded", p)
				}
			}
			if !tc.rest {
				return
			}

			// The next start, after the in-flight send's back-off.
			c.add(2 * time.Minute)
			s.restart(t, f).Tick(t.Context())
			got := reminders(f)
			want := map[string]int{}
			for i := 1; i <= members; i++ {
				want[fmt.Sprintf("DU%d", i)] = 1
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("reminders %v, want %v: each member exactly once", got, want)
			}
			for i := 1; i <= members; i++ {
				if send, existed := s.ledgerRow(t, planner.JobPlan, plan48, fmt.Sprintf("U%d", i)); !existed || send.State != planner.RunSent {
					t.Errorf("U%d's reminder %+v (existed %t), want sent", i, send, existed)
				}
			}
		})
	}
}
