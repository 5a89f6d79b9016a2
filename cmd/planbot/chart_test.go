package main

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/bot/report"
)

// withFonts runs planbot like planbotStreams() does, trying only the given
// font files when PLANBOT_FONT is unset.
func withFonts(t *testing.T, env map[string]string, fonts []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &environment{getenv: getenvOf(env), now: fixedNow, fonts: fonts}
	err = e.run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestDigestChart(t *testing.T) {
	font, err := report.FindFont(os.Getenv("PLANBOT_FONT"), report.FontCandidates)
	if errors.Is(err, report.ErrNoFont) && os.Getenv("PLANBOT_TEST_NEED_FONT") == "" { // CI sets it: a skip there is a failure
		t.Skipf("no Chinese font on this machine (apt-get install fonts-wqy-microhei, or set PLANBOT_FONT): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "planbot.db"), "PLANBOT_NOW": seedNow}
	mustPlanbot(t, env, englishWeek, "console", "--user", "ann", "--team", "en")
	mustPlanbot(t, env, chineseWeek, "console", "--user", "王芳", "--team", "zh")

	tests := []struct {
		team, week string
		want       string // in the one line on stderr, besides the file and the week
	}{
		{"en", "2025-W47", "wrote the chart"},
		{"zh", "2025-W47", "wrote the chart"},
		{"en", "2025-W30", "has nothing in 2025-W30"}, // an empty week: still one line
	}
	for _, tc := range tests {
		t.Run(tc.team+" "+tc.week, func(t *testing.T) {
			file := filepath.Join(dir, tc.team+tc.week+".png")
			stdout, stderr, err := withFonts(t, env, []string{font.Path}, "digest", "--team", tc.team, "--lang", tc.team, "--week", tc.week, "--chart", file)
			if err != nil {
				t.Fatalf("digest --chart: %v\n%s%s", err, stdout, stderr)
			}
			// Only the chart: no digest on stdout, one line of confirmation on stderr.
			if stdout != "" {
				t.Errorf("stdout is not empty: the digest is printed as well:\n%s", stdout)
			}
			if lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); len(lines) != 1 {
				t.Errorf("stderr has %d lines, want one:\n%s", len(lines), stderr)
			}
			for _, w := range []string{file, tc.week, tc.want} {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s is not a PNG: %v", file, err)
			}
			if got := img.Bounds().Size(); got.X != report.ChartWidth || got.Y < 300 {
				t.Errorf("chart size %v", got)
			}
			if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("chart file mode %v, %v; want 0600", info.Mode(), err)
			}
		})
	}
}

func TestDigestChartWithoutAFont(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "planbot.db"), "PLANBOT_NOW": seedNow}
	mustPlanbot(t, env, englishWeek, "console", "--user", "ann", "--team", "en")
	file := filepath.Join(dir, "chart.png")
	missing := filepath.Join(dir, "no-such-font.ttc")
	tests := []struct {
		name  string
		font  string   // PLANBOT_FONT
		fonts []string // the system's candidates
		args  []string
		want  []string // in the error
	}{
		{"PLANBOT_FONT names a missing file", missing, nil, nil, []string{"PLANBOT_FONT", missing}},
		{"PLANBOT_FONT is not a font", filepath.Join(dir, "planbot.db"), nil, nil, []string{"PLANBOT_FONT", "not a TrueType font"}},
		{"no font on the system", "", []string{missing}, nil, []string{"fonts-wqy-microhei", "PLANBOT_FONT"}},
		{"--chart with --post", "", nil, []string{"--post"}, []string{"--chart", "--post"}},
		{"--chart with --format", "", nil, []string{"--format", "json"}, []string{"--chart", "--format"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"PLANBOT_DB": env["PLANBOT_DB"], "PLANBOT_NOW": seedNow, "PLANBOT_FONT": tc.font}
			stdout, stderr, err := withFonts(t, env, tc.fonts, append([]string{"digest", "--chart", file}, tc.args...)...)
			if !isUsage(err) {
				t.Fatalf("err = %v, want a usage error (exit 2)\n%s%s", err, stdout, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a chart file was written: %v", err)
			}
		})
	}
}

// serve and digest --post without a font: a warning, once, and no chart.
func TestChartFontSkipsWithAWarning(t *testing.T) {
	var log bytes.Buffer
	e := &environment{getenv: func(string) string { return "" }, log: slog.New(slog.NewTextHandler(&log, nil)),
		fonts: []string{filepath.Join(t.TempDir(), "none.ttc")}}
	f, err := e.chartFont(false)
	if f != nil || err != nil {
		t.Fatalf("chartFont = %v, %v; want no font and no error", f, err)
	}
	if got := strings.Count(log.String(), "without its chart"); got != 1 {
		t.Fatalf("%d warnings, want 1:\n%s", got, log.String())
	}
	if !strings.Contains(log.String(), "level=WARN") {
		t.Errorf("not a warning:\n%s", log.String())
	}
	s, err := e.scheduler()
	if err != nil || s.ChartFont != nil {
		t.Fatalf("scheduler: %v, font %v", err, s.ChartFont)
	}
}
