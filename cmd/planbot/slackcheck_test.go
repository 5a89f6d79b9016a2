package main

import (
	"strings"
	"testing"
)

// checkSlackProblems fails t with what, and why Slack would refuse it, if it would.
func checkSlackProblems(t testing.TB, what string, problems []string) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("Slack would refuse %s:\n\t%s", what, strings.Join(problems, "\n\t"))
	}
}
