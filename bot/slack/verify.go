package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"time"

	"planbot/bot"
)

// Verifier checks Slack's request signature (v0 HMAC-SHA256 over the raw body).
// It is hand-written rather than slack-go's SecretsVerifier because that one
// reads the real clock, and tests must be able to set it (Slack's published
// example is from 2018).
type Verifier struct {
	Secret string
	Now    func() time.Time // the real clock; time.Now when nil
}

// maxSkew is how far a request's timestamp may be from now (Slack's replay window).
const maxSkew = 5 * time.Minute

// errBadSignature is returned for a request that Slack did not sign, or signed too long ago.
var errBadSignature = errors.New("slack request signature invalid or expired")

// Verify checks the X-Slack-Signature and X-Slack-Request-Timestamp headers against body.
func (v Verifier) Verify(header http.Header, body []byte) error {
	_, _, err := v.verify(header, body)
	return err
}

// verify is Verify that also returns the request's signature and timestamp
// (Unix seconds), by which a replay of it is recognised.
func (v Verifier) verify(header http.Header, body []byte) (sig [sha256.Size]byte, secs int64, err error) {
	ts := header.Get("X-Slack-Request-Timestamp")
	given := header.Get("X-Slack-Signature")
	secs, err = strconv.ParseInt(ts, 10, 64)
	if v.Secret == "" || err != nil || len(given) < 3 || given[:3] != "v0=" {
		return sig, 0, errBadSignature
	}
	if skew := v.now().Sub(time.Unix(secs, 0)); skew > maxSkew || skew < -maxSkew {
		return sig, 0, errBadSignature
	}
	got, err := hex.DecodeString(given[3:])
	want := v.mac(ts, body)
	if err != nil || !hmac.Equal(got, want) {
		return sig, 0, errBadSignature
	}
	copy(sig[:], want)
	return sig, secs, nil
}

func (v Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// Sign returns the X-Slack-Signature value for body sent at timestamp ts, as Slack computes it.
func (v Verifier) Sign(ts string, body []byte) string {
	return "v0=" + hex.EncodeToString(v.mac(ts, body))
}

func (v Verifier) mac(ts string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(v.Secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return m.Sum(nil)
}

// replays remembers the signatures of the requests accepted within the replay
// window, so that a signed request sent again byte for byte is not processed
// twice. Slack gives every request its own trigger_id or event_id, so two
// identical signed requests are one request replayed. Only the window is
// remembered: a signature is forgotten once its own timestamp is older than
// maxSkew, when Verify refuses the request anyway, and at most maxReplays are
// kept (beyond, the oldest are forgotten early), so memory stays bounded
// whatever the load.
type replays struct {
	keys bot.RecentKeys // a signature's first 8 bytes: a MAC, no one without the secret can aim at a collision
}

// maxReplays is the most signatures replays keeps: the 5-minute window at a
// busy workspace's rate of requests, in bounded memory.
const maxReplays = 1 << 16

// first records the request signed sig at timestamp secs, and reports whether
// it is the first time within the window.
func (r *replays) first(sig [sha256.Size]byte, secs int64, now time.Time) bool {
	return r.keys.First(maxReplays, binary.LittleEndian.Uint64(sig[:8]), time.Unix(secs, 0).Add(maxSkew), now)
}
