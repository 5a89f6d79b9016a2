package main

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"planbot/bot/report"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
)

func TestSchedulerPostsTheChartInTheRetrospectiveThread(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newJobs(t, f, c, 2, "CRETRO")
	s.Calendar = nil
	s.withFont(t)
	s.mustType(t, "U1", "tue visit 4 enterprises")
	s.mustType(t, "U1", "done 1")
	s.mustType(t, "U2", "wed meet a fund company")

	s.Tick(t.Context())
	s.Tick(t.Context())
	sums := summaries(f)
	if len(sums) != 1 {
		t.Fatalf("%d retrospectives posted, want 1", len(sums))
	}
	if got := uploadSteps(f); got != uploadFlow {
		t.Fatalf("upload steps %q, want %q once", got, uploadFlow)
	}
	done := f.Calls("files.completeUploadExternal")[0].Form
	if done.Get("channel_id") != "CRETRO" || done.Get("thread_ts") != sums[0].TS {
		t.Errorf("completed in channel %q thread %q, want CRETRO thread %s", done.Get("channel_id"), done.Get("thread_ts"), sums[0].TS)
	}
	img, err := png.Decode(bytes.NewReader(f.Uploads()[0]))
	if err != nil {
		t.Fatalf("the upload is not a PNG: %v", err)
	}
	if img.Bounds().Dx() != report.ChartWidth {
		t.Errorf("chart %v wide, want %d", img.Bounds(), report.ChartWidth)
	}
}

// A chart that cannot be uploaded is logged; the retrospective counts as
// posted, exactly once, and the chart is not tried again.
func TestSchedulerChartFailureLeavesTheRetrospectivePostedOnce(t *testing.T) {
	tests := []struct {
		step string
		fail slacktest.Behaviour
	}{
		{"files.getUploadURLExternal", slacktest.Behaviour{Error: "missing_scope"}},
		{"upload", slacktest.Behaviour{Status: http.StatusInternalServerError}},
		{"files.completeUploadExternal", slacktest.Behaviour{Error: "missing_scope"}},
	}
	for _, tc := range tests {
		t.Run(tc.step, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at("2025-11-23 18:00")}
			s := newJobs(t, f, c, 1, "CRETRO")
			s.Calendar = nil
			s.withFont(t)
			f.Set(tc.step, tc.fail)
			s.mustType(t, "U1", "tue visit 4 enterprises")

			s.Tick(t.Context())
			if n := len(summaries(f)); n != 1 {
				t.Fatalf("%d retrospectives posted, want 1", n)
			}
			if !strings.Contains(s.log.String(), "retrospective chart not posted") {
				t.Errorf("the failure is not logged:\n%s", s.log)
			}
			tried := uploadSteps(f)
			if !strings.HasSuffix(tried, tc.step) {
				t.Errorf("upload steps %q, want them to stop at %s", tried, tc.step)
			}
			// Later ticks and a restart find the week sent: nothing again.
			c.add(2 * time.Hour)
			s.Tick(t.Context())
			s = s.restart(t, f)
			s.Calendar = nil
			s.withFont(t)
			s.Tick(t.Context())
			if n := len(summaries(f)); n != 1 {
				t.Fatalf("%d retrospectives posted after more ticks, want 1", n)
			}
			if got := uploadSteps(f); got != tried {
				t.Errorf("the chart was tried again: %q after %q", got, tried)
			}
			send, existed := s.ledgerRow(t, planner.JobRetro, planner.Week{Year: 2025, Num: 47}, "")
			if !existed || send.State != planner.RunSent || send.Attempts != 1 {
				t.Fatalf("ledger: %+v existed=%v, want sent at the first attempt", send, existed)
			}
		})
	}
}

// Without a font there is no chart, and nothing is uploaded; nor is there
// for a week with nothing to draw (nobody logged anything, no visits in the
// weeks shown).
func TestSchedulerPostsNoChart(t *testing.T) {
	tests := []struct {
		name string
		font bool
		line string // typed by U1 before the retrospective; "" for none
	}{
		{"without a font", false, "tue visit 4 enterprises"},
		{"an empty week", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at("2025-11-23 18:00")}
			s := newJobs(t, f, c, 1, "CRETRO")
			s.Calendar = nil
			if tc.font {
				s.withFont(t)
			}
			if tc.line != "" {
				s.mustType(t, "U1", tc.line)
			}
			s.Tick(t.Context())
			if n := len(summaries(f)); n != 1 {
				t.Fatalf("%d retrospectives posted, want 1", n)
			}
			if got := uploadSteps(f); got != "" {
				t.Fatalf("uploaded a chart: %q", got)
			}
		})
	}
}
