package bot

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
// Verify: memory stays bounded by the requests of the last few minutes.
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
	future := base.Add(MaxSkew).Unix()
	r.first(sig(2), future, base)
	later := base.Add(MaxSkew + replaySweep + time.Second)
	r.first(sig(3), later.Unix(), later)
	if _, kept := r.seen[sig(1)]; kept || len(r.seen) != 2 || r.first(sig(2), future, later) {
		t.Fatalf("after the window: %d remembered, want the future one and the new one", len(r.seen))
	}

	// An hour of 10 requests a second: never more than the window's worth.
	r = &replays{}
	most := 0
	for i := range 36000 {
		now := base.Add(time.Duration(i) * 100 * time.Millisecond)
		if !r.first(sig(i), now.Unix(), now) {
			t.Fatalf("request %d taken for a replay", i)
		}
		most = max(most, len(r.seen))
	}
	if limit := 10 * int((MaxSkew+replaySweep)/time.Second); most > limit {
		t.Errorf("%d signatures remembered at most, want ≤ %d", most, limit)
	}
}
