package slack

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// The fuzz targets of the Slack adapter: bot's replies to any line as Slack
// shows them (bot's FuzzParseCommand checks the same replies as text), and
// the request verifier. FuzzShownText is in mrkdwn_test.go.

// fuzzSeeds are bot's hostile table's lines, and plannertest's.
func fuzzSeeds(t testing.TB) []string {
	var hostile []string
	for _, c := range hostileCases(t) {
		hostile = append(hostile, c.Text)
	}
	return plannertest.FuzzSeeds(hostile)
}

// Any line from any member: a reply Slack accepts, with nothing in its Block
// Kit or its fallback text that pings, mentions or links.
func FuzzSlackReply(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint8(i))
	}
	fuzz := storagetest.NewFuzz(f)
	f.Fuzz(func(t *testing.T, line string, who uint8) {
		h := &bot.Handler{Service: fuzz.Next(t), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		a := plannertest.FuzzActors[int(who)%len(plannertest.FuzzActors)]
		r := h.Handle(context.Background(), &workLog{}, a, bot.ParseCommand(line))
		if r.Body == nil || r.Lang == "" {
			t.Fatalf("Handle(%q) = %+v, want a body in a language", line, r)
		}
		var js bytes.Buffer
		enc := json.NewEncoder(&js)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(NewSlackResponse(r)); err != nil {
			t.Fatalf("encode the reply to %q: %v", line, err)
		}
		checkSlackMessage(t, js.Bytes())
		if raw := pings(js.String()); raw != "" {
			t.Fatalf("the reply to %q holds a raw %q:\n%s", line, raw, js.String())
		}
		if raw := pings(Fallback(r)); raw != "" {
			t.Fatalf("the fallback of %q holds a raw %q: %q", line, raw, Fallback(r))
		}
	})
}

// The fixed secret and clock of FuzzVerifyAndParse.
const fuzzSecret = "8f742231b10e8888abcd99yyyzzz85a5"

var fuzzNow = time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC)

// slashForm is the form Slack posts for "/plan text", as Slack escapes it.
func slashForm(text string) []byte {
	return []byte(url.Values{
		"team_id": {"T1"}, "team_domain": {"acme"}, "channel_id": {"C1"}, "channel_name": {"investment"},
		"user_id": {"U1"}, "user_name": {"ann"}, "command": {"/plan"},
		"text":         {strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(text)},
		"response_url": {"https://hooks.slack.com/commands/T1/1/x"}, "trigger_id": {"1.2.3"}, "api_app_id": {"A1"},
	}.Encode())
}

// Any signature headers over any body: no panic; what verifies is signed with
// the secret within the replay window; the body signed now with the secret
// verifies, and once changed it does not; and the body, read as Slack's form,
// gives a slash command without a panic.
func FuzzVerifyAndParse(f *testing.F) {
	v := Verifier{Secret: fuzzSecret, Now: func() time.Time { return fuzzNow }}
	now := strconv.FormatInt(fuzzNow.Unix(), 10)
	for i, s := range fuzzSeeds(f) {
		body := slashForm(s)
		sig := v.Sign(now, body)
		switch i % 4 {
		case 1:
			sig = strings.ToUpper(sig[:3]) + sig[3:]
		case 2:
			sig = Verifier{Secret: "wrong"}.Sign(now, body)
		case 3: // signed, but too long ago
			stale := strconv.FormatInt(fuzzNow.Add(-maxSkew-time.Second).Unix(), 10)
			f.Add(stale, v.Sign(stale, body), body)
			continue
		}
		f.Add(now, sig, body)
	}
	f.Add("", "", []byte(nil))
	f.Add("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", []byte("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"))
	f.Add("+"+now, "v0=", []byte("text=%ZZ&text=%00"))
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte) {
		header := http.Header{}
		header.Set("X-Slack-Request-Timestamp", ts)
		header.Set("X-Slack-Signature", sig)
		if err := v.Verify(header, body); err == nil {
			secs, perr := strconv.ParseInt(ts, 10, 64)
			got, herr := hex.DecodeString(strings.TrimPrefix(sig, "v0="))
			want, _ := hex.DecodeString(strings.TrimPrefix(v.Sign(ts, body), "v0="))
			skew := fuzzNow.Sub(time.Unix(secs, 0))
			if perr != nil || herr != nil || !strings.HasPrefix(sig, "v0=") || !bytes.Equal(got, want) || skew > maxSkew || skew < -maxSkew {
				t.Fatalf("Verify accepted ts %q sig %q over %q", ts, sig, body)
			}
		}

		signed := http.Header{}
		signed.Set("X-Slack-Request-Timestamp", now)
		signed.Set("X-Slack-Signature", v.Sign(now, body))
		if err := v.Verify(signed, body); err != nil {
			t.Fatalf("a body signed with the secret fails: %v", err)
		}
		for _, mutated := range [][]byte{append(bytes.Clone(body), 'x'), flipFirst(body), body[:len(body)/2]} {
			if !bytes.Equal(mutated, body) && v.Verify(signed, mutated) == nil {
				t.Fatalf("a changed body verifies: %q signed, %q sent", body, mutated)
			}
		}
		if (Verifier{Secret: fuzzSecret + "x", Now: v.Now}).Verify(signed, body) == nil {
			t.Fatal("a body signed with another secret verifies")
		}

		form, err := url.ParseQuery(string(body))
		if err != nil {
			return
		}
		sc := slashCommandOf(form)
		if sc.Text != form.Get("text") || sc.TeamID != form.Get("team_id") || sc.UserID != form.Get("user_id") {
			t.Fatalf("slashCommandOf(%v) = %+v", form, sc)
		}
		if cmd := bot.ParseCommand(unescape(sc.Text)); cmd.Verb == "" {
			t.Fatalf("ParseCommand(%q) has no verb", sc.Text)
		}
	})
}

// flipFirst returns body with its first bit flipped (body itself when empty).
func flipFirst(body []byte) []byte {
	if len(body) == 0 {
		return body
	}
	b := bytes.Clone(body)
	b[0] ^= 1
	return b
}
