package slacktest

import (
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// SocketWait is how long SendFrame waits for a Socket Mode client to take a
// frame, and Frame for the client to send one, before failing the test. It
// only guards against a hang.
const SocketWait = 10 * time.Second

// SendFrame sends frame (a Socket Mode envelope, or "hello") to the client
// connected at the fake's /ws, failing t if none takes it within SocketWait.
func (s *Server) SendFrame(t testing.TB, frame string) {
	t.Helper()
	select {
	case s.toClient <- frame:
	case <-time.After(SocketWait):
		t.Fatalf("slacktest: no Socket Mode client took %.60s", frame)
	}
}

// Frame returns the next frame the Socket Mode client sent (an
// acknowledgement), failing t if none comes within SocketWait.
func (s *Server) Frame(t testing.TB) []byte {
	t.Helper()
	select {
	case f := <-s.fromClient:
		return f
	case <-time.After(SocketWait):
		t.Fatal("slacktest: the Socket Mode client sent nothing")
	}
	return nil
}

// serveSocket is Slack's end of a Socket Mode connection: it writes the
// frames of SendFrame and passes on the frames the client sends to Frame,
// until either side closes or the test ends.
func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // the client says it is https://api.slack.com
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		for {
			_, frame, err := conn.ReadMessage()
			if err != nil {
				return
			}
			select {
			case s.fromClient <- frame:
			case <-s.release:
				return
			}
		}
	}()
	for {
		select {
		case frame := <-s.toClient:
			if err := conn.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
				return
			}
		case <-closed:
			return
		case <-s.release:
			return
		}
	}
}
