package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
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
	ts := header.Get("X-Slack-Request-Timestamp")
	sig := header.Get("X-Slack-Signature")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if v.Secret == "" || err != nil || len(sig) < 3 || sig[:3] != "v0=" {
		return ErrBadSignature
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	if skew := now().Sub(time.Unix(secs, 0)); skew > MaxSkew || skew < -MaxSkew {
		return ErrBadSignature
	}
	got, err := hex.DecodeString(sig[3:])
	if err != nil || !hmac.Equal(got, v.mac(ts, body)) {
		return ErrBadSignature
	}
	return nil
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
