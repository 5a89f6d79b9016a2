package slack

import (
	"io"
	"net/http"
	"net/url"
	"strings"
)

// TrueMetadata is the HTTP client to give slack-go (slack.OptionHTTPClient):
// it passes every Web API call to Client, with include_all_metadata=1 sent as
// include_all_metadata=true, the form Slack's documentation of
// conversations.history shows. slack-go sends 1, and finding a retrospective
// that a crashed attempt posted depends on Slack returning its metadata.
type TrueMetadata struct {
	Client *http.Client
}

// Do sends req through Client, rewriting the parameter in a form body.
func (c TrueMetadata) Do(req *http.Request) (*http.Response, error) {
	if req.Body == nil || !strings.HasPrefix(req.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		return c.Client.Do(req)
	}
	body, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, err
	}
	form, err := url.ParseQuery(string(body))
	if err == nil && form.Get("include_all_metadata") == "1" {
		form.Set("include_all_metadata", "true")
		body = []byte(form.Encode())
	}
	req = req.Clone(req.Context())
	req.Body = io.NopCloser(strings.NewReader(string(body)))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(string(body))), nil }
	req.ContentLength = int64(len(body))
	return c.Client.Do(req)
}
