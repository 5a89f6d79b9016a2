package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dockerfile returns the lines of the repository's Dockerfile.
func dockerfile(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// Every image the Dockerfile pulls is named with its registry, so daemonless
// builders (buildah, podman), which do not assume docker.io, resolve it.
func TestDockerfileImagesAreFullyQualified(t *testing.T) {
	stages := map[string]bool{}
	from := regexp.MustCompile(`(?i)^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?`)
	n := 0
	for _, line := range dockerfile(t) {
		m := from.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		image, stage := m[1], m[2]
		if !stages[image] {
			n++
			registry, _, _ := strings.Cut(image, "/")
			if !strings.ContainsAny(registry, ".:") && registry != "localhost" || !strings.Contains(image, "/") {
				t.Errorf("FROM %s: name the registry (docker.io/library/…, gcr.io/…)", image)
			}
		}
		if stage != "" {
			stages[stage] = true
		}
	}
	if n == 0 {
		t.Fatal("no FROM line in the Dockerfile")
	}
}

// The Dockerfile's build line stamps the version from the VERSION build
// argument, and still builds where VERSION is not set (.ci/run evaluates the
// line outside Docker, with bash -u): then the version is "dev".
func TestDockerfileStampsTheVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds planbot twice")
	}
	lines := dockerfile(t)
	var build string
	arg := false
	for _, line := range lines {
		switch {
		case regexp.MustCompile(`(?i)^FROM\s`).MatchString(line):
			arg = false // an ARG holds within its stage only
		case regexp.MustCompile(`^ARG\s+VERSION\b`).MatchString(line):
			arg = true
		}
		if strings.HasPrefix(line, "RUN ") && strings.Contains(line, "go build") {
			build = strings.TrimPrefix(line, "RUN ")
			if !arg {
				t.Errorf("the build line's stage has no ARG VERSION before it: Docker would not pass the build argument to it")
			}
		}
	}
	if build == "" {
		t.Fatal("no RUN … go build line in the Dockerfile")
	}
	for _, tc := range []struct{ version, want string }{{"v1.2.3-test", "planbot v1.2.3-test"}, {"", "planbot dev"}} {
		t.Run("VERSION="+tc.version, func(t *testing.T) {
			out := t.TempDir()
			// As .ci/run does: the build line with /out replaced, from the repository's root.
			cmd := exec.Command("bash", "-euo", "pipefail", "-c", strings.ReplaceAll(build, "/out", out))
			cmd.Dir = "../.."
			cmd.Env = os.Environ()
			if tc.version == "" {
				cmd.Env = withoutEnv(cmd.Env, "VERSION")
			} else {
				cmd.Env = append(withoutEnv(cmd.Env, "VERSION"), "VERSION="+tc.version)
			}
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", build, err, b)
			}
			got, err := exec.Command(filepath.Join(out, "planbot"), "version").Output()
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != tc.want {
				t.Errorf("planbot version printed %q, want %q", got, tc.want)
			}
		})
	}
}

// withoutEnv returns env without key.
func withoutEnv(env []string, key string) []string {
	var kept []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			kept = append(kept, kv)
		}
	}
	return kept
}
