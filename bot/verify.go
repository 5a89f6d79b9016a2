package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Verifier checks Slack's request signature (v0 HMAC-SHA256 over the raw body).
// It is hand-written rather than slack-go's SecretsVerifier because that one
// reads the real clock, and tests must be able to set it (Slack's published
// example is from 2018).
type Verifier struct {
	Secret string
	Now    func() time.Time // the real clock; time.Now when nil
}

// MaxSkew is how far a request's timestamp may be from now (Slack's replay window).
const MaxSkew = 5 * time.Minute

// ErrBadSignature is returned for a request that Slack did not sign, or signed too long ago.
var ErrBadSignature = errors.New("slack request signature invalid or expired")

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
		return sig, 0, ErrBadSignature
	}
	if skew := v.now().Sub(time.Unix(secs, 0)); skew > MaxSkew || skew < -MaxSkew {
		return sig, 0, ErrBadSignature
	}
	got, err := hex.DecodeString(given[3:])
	want := v.mac(ts, body)
	if err != nil || !hmac.Equal(got, want) {
		return sig, 0, ErrBadSignature
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
// remembered: a signature is dropped once its own timestamp is older than
// MaxSkew, when Verify would refuse the request anyway.
type replays struct {
	mu    sync.Mutex
	seen  map[[sha256.Size]byte]int64 // signature → its request's timestamp (Unix seconds)
	swept int64                       // when expired signatures were last dropped (Unix seconds)
}

// replaySweep is how often replays drops the signatures gone out of the window.
const replaySweep = 30 * time.Second

// first records the request signed sig at timestamp secs, and reports whether
// it is the first time within the window.
func (r *replays) first(sig [sha256.Size]byte, secs int64, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen == nil {
		r.seen = map[[sha256.Size]byte]int64{}
	}
	if unix := now.Unix(); unix-r.swept >= int64(replaySweep/time.Second) {
		oldest := unix - int64(MaxSkew/time.Second)
		for s, at := range r.seen {
			if at < oldest {
				delete(r.seen, s)
			}
		}
		r.swept = unix
	}
	if _, ok := r.seen[sig]; ok {
		return false
	}
	r.seen[sig] = secs
	return true
}
