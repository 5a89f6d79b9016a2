package slack

import (
	"net/http"
	"testing"
	"time"
)

// Slack's worked example from "Verifying requests from Slack".
const (
	exampleSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	exampleTS     = "1531420618"
	exampleBody   = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	exampleSig    = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifierSlackExample(t *testing.T) {
	at := func(offset time.Duration) func() time.Time {
		return func() time.Time { return time.Unix(1531420618, 0).Add(offset) }
	}
	header := func(ts, sig string) http.Header {
		h := http.Header{}
		if ts != "" {
			h.Set("X-Slack-Request-Timestamp", ts)
		}
		if sig != "" {
			h.Set("X-Slack-Signature", sig)
		}
		return h
	}
	tampered := []byte(exampleBody + "x")
	tests := []struct {
		name   string
		v      Verifier
		header http.Header
		body   []byte
		ok     bool
	}{
		{"slack's example", Verifier{exampleSecret, at(0)}, header(exampleTS, exampleSig), []byte(exampleBody), true},
		{"4m59s later", Verifier{exampleSecret, at(299 * time.Second)}, header(exampleTS, exampleSig), []byte(exampleBody), true},
		{"stale: 5m01s later", Verifier{exampleSecret, at(301 * time.Second)}, header(exampleTS, exampleSig), []byte(exampleBody), false},
		{"from the future", Verifier{exampleSecret, at(-301 * time.Second)}, header(exampleTS, exampleSig), []byte(exampleBody), false},
		{"wrong secret", Verifier{"other", at(0)}, header(exampleTS, exampleSig), []byte(exampleBody), false},
		{"empty secret", Verifier{"", at(0)}, header(exampleTS, exampleSig), []byte(exampleBody), false},
		{"tampered body", Verifier{exampleSecret, at(0)}, header(exampleTS, exampleSig), tampered, false},
		{"no timestamp", Verifier{exampleSecret, at(0)}, header("", exampleSig), []byte(exampleBody), false},
		{"no signature", Verifier{exampleSecret, at(0)}, header(exampleTS, ""), []byte(exampleBody), false},
		{"not v0", Verifier{exampleSecret, at(0)}, header(exampleTS, "v1="+exampleSig[3:]), []byte(exampleBody), false},
		{"not hex", Verifier{exampleSecret, at(0)}, header(exampleTS, "v0=zz"), []byte(exampleBody), false},
		{"timestamp not a number", Verifier{exampleSecret, at(0)}, header("soon", exampleSig), []byte(exampleBody), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.v.Verify(tc.header, tc.body)
			if (err == nil) != tc.ok {
				t.Fatalf("Verify = %v, want ok=%v", err, tc.ok)
			}
		})
	}
	if got := (Verifier{Secret: exampleSecret}).Sign(exampleTS, []byte(exampleBody)); got != exampleSig {
		t.Fatalf("Sign = %s, want %s", got, exampleSig)
	}
}

// replays remembers a signature only while its request could still pass
// Verify, and never more than maxReplays: memory stays bounded.
func TestReplaysRememberOnlyTheWindow(t *testing.T) {
	base := time.Unix(1763341200, 0)
	sig := func(i int) (s [32]byte) {
		s[0], s[1], s[2] = byte(i), byte(i>>8), byte(i>>16)
		return s
	}
	r := &replays{}
	if !r.first(sig(1), base.Unix(), base) || r.first(sig(1), base.Unix(), base.Add(4*time.Minute)) {
		t.Fatal("a replay within the window was not recognised")
	}
	// A request from the (allowed) future is remembered until its own
	// timestamp leaves the window.
	future := base.Add(maxSkew).Unix()
	r.first(sig(2), future, base)
	r.first(sig(3), base.Unix(), base)
	later := base.Add(maxSkew + time.Second)
	r.first(sig(4), later.Unix(), later)
	if r.keys.Len() != 3 || r.first(sig(2), future, later) {
		t.Fatalf("after the window: %d remembered, want the future one, the one behind it and the new one", r.keys.Len())
	}
	muchLater := base.Add(2*maxSkew + 2*time.Second)
	r.first(sig(5), muchLater.Unix(), muchLater)
	if r.keys.Len() != 1 {
		t.Fatalf("%d remembered long after, want only the new one", r.keys.Len())
	}

	for _, tc := range []struct {
		name      string
		perSecond int
		most      int
	}{
		{"10 a second for an hour", 10, 10 * int(maxSkew/time.Second+1)},
		{"2,000 a second for 10 minutes", 2000, maxReplays},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, most := &replays{}, 0
			n := tc.perSecond * 600
			if tc.perSecond == 10 {
				n = 36000
			}
			for i := range n {
				now := base.Add(time.Duration(i) * time.Second / time.Duration(tc.perSecond))
				if !r.first(sig(i), now.Unix(), now) {
					t.Fatalf("request %d taken for a replay", i)
				}
				most = max(most, r.keys.Len())
			}
			if most > tc.most {
				t.Errorf("%d signatures remembered at most, want ≤ %d", most, tc.most)
			}
		})
	}
}
