package feishutest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gorilla/websocket"
	larkws "github.com/larksuite/oapi-sdk-go/v3/ws"
)

// gateway is Feishu's long connection: the bootstrap that hands the SDK's
// ws client a websocket URL, and the websocket over which events go down in
// the SDK's protobuf frames and the app's answers come back up.
type gateway struct {
	s        *Server
	upgrader websocket.Upgrader

	mu      sync.Mutex
	conn    *websocket.Conn // the connection events go down; nil between connections
	wmu     sync.Mutex      // one writer at a time on conn
	ready   chan struct{}   // closed while a connection is up
	pending map[string]chan larkws.Response
	all     []*websocket.Conn
	seq     int
}

func newGateway(s *Server) *gateway {
	return &gateway{s: s, ready: make(chan struct{}), pending: map[string]chan larkws.Response{}}
}

// serveEndpoint answers the bootstrap (POST /callback/ws/endpoint) with the
// websocket's URL, for the app's id and secret only.
func (g *gateway) serveEndpoint(w http.ResponseWriter, r *http.Request) {
	var req larkws.BootstrapRequest
	body := readAll(r)
	g.s.record(Call{Method: MethodWSEndpoint, Body: body})
	if g.s.misbehave(w, r, MethodWSEndpoint) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if json.Unmarshal(body, &req) != nil || req.AppID != AppID || req.AppSecret != AppSecret {
		json.NewEncoder(w).Encode(larkws.EndpointResp{Code: larkws.Forbidden, Msg: "app id or secret invalid"})
		return
	}
	json.NewEncoder(w).Encode(larkws.EndpointResp{Code: larkws.OK, Data: &larkws.Endpoint{
		Url: "ws" + strings.TrimPrefix(g.s.URL, "http") + "/ws?device_id=dev_test&service_id=1",
		// A ping an hour: no ping traffic within a test; reconnect at once.
		ClientConfig: &larkws.ClientConfig{ReconnectCount: -1, ReconnectInterval: 1, PingInterval: 3600},
	}})
}

// serveSocket is the websocket: it reads the app's frames, answers pings and
// hands each answer to the Push waiting for it.
func (g *gateway) serveSocket(w http.ResponseWriter, r *http.Request) {
	conn, err := g.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	g.mu.Lock()
	g.conn = conn
	g.all = append(g.all, conn)
	select {
	case <-g.ready: // closed already: the app reconnected before the old connection's drop
	default:
		close(g.ready)
	}
	g.mu.Unlock()
	defer g.drop(conn)
	for {
		kind, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var f larkws.Frame
		if kind != websocket.BinaryMessage || f.Unmarshal(msg) != nil {
			continue
		}
		hs := larkws.Headers(f.Headers)
		switch {
		case larkws.FrameType(f.Method) == larkws.FrameTypeControl && hs.GetString(larkws.HeaderType) == string(larkws.MessageTypePing):
			pong := larkws.Frame{Method: int32(larkws.FrameTypeControl), Service: f.Service}
			pong.Headers = []larkws.Header{{Key: larkws.HeaderType, Value: string(larkws.MessageTypePong)}}
			g.write(conn, pong)
		case larkws.FrameType(f.Method) == larkws.FrameTypeData:
			var resp larkws.Response
			json.Unmarshal(f.Payload, &resp)
			g.mu.Lock()
			ch := g.pending[hs.GetString(larkws.HeaderMessageID)]
			g.mu.Unlock()
			if ch != nil {
				ch <- resp
			}
		}
	}
}

// drop forgets conn once it is closed: events wait for the next connection.
func (g *gateway) drop(conn *websocket.Conn) {
	conn.Close()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.conn == conn {
		g.conn, g.ready = nil, make(chan struct{})
	}
}

// close closes every connection when the test ends.
func (g *gateway) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, c := range g.all {
		c.Close()
	}
}

// write sends f on conn.
func (g *gateway) write(conn *websocket.Conn, f larkws.Frame) error {
	b, err := f.Marshal()
	if err != nil {
		return err
	}
	g.wmu.Lock()
	defer g.wmu.Unlock()
	return conn.WriteMessage(websocket.BinaryMessage, b)
}

// Push sends event down the long connection, once the app is connected, and
// returns the app's answer: its HTTP-like status (200 when the handler
// returned no error) and data. It gives up when ctx ends.
func (s *Server) Push(ctx context.Context, event []byte) (status int, data []byte, err error) {
	g := s.gw
	for {
		g.mu.Lock()
		conn, ready := g.conn, g.ready
		g.mu.Unlock()
		if conn != nil {
			break
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return 0, nil, fmt.Errorf("feishutest: no long connection: %w", ctx.Err())
		}
	}
	g.mu.Lock()
	g.seq++
	n := g.seq
	id := "msg_" + strconv.Itoa(n)
	ch := make(chan larkws.Response, 1)
	g.pending[id] = ch
	conn := g.conn
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		delete(g.pending, id)
		g.mu.Unlock()
	}()
	f := larkws.Frame{SeqID: uint64(n), LogID: uint64(n), Service: 1, Method: int32(larkws.FrameTypeData), Payload: event}
	hs := larkws.Headers{}
	hs.Add(larkws.HeaderType, string(larkws.MessageTypeEvent))
	hs.Add(larkws.HeaderMessageID, id)
	hs.Add(larkws.HeaderSum, "1")
	hs.Add(larkws.HeaderSeq, "0")
	hs.Add(larkws.HeaderTraceID, "trace_"+id)
	f.Headers = hs
	if conn == nil {
		return 0, nil, errors.New("feishutest: the long connection dropped")
	}
	if err := g.write(conn, f); err != nil {
		return 0, nil, fmt.Errorf("feishutest: push: %w", err)
	}
	select {
	case resp := <-ch:
		return resp.StatusCode, resp.Data, nil
	case <-ctx.Done():
		return 0, nil, fmt.Errorf("feishutest: no answer to the event: %w", ctx.Err())
	}
}

// Drop closes the long connection, as a network failure would: the app must
// reconnect for the next Push to be answered.
func (s *Server) Drop() {
	g := s.gw
	g.mu.Lock()
	conn := g.conn
	g.mu.Unlock()
	if conn != nil {
		g.drop(conn)
	}
}

// Connections returns how many times the app opened the websocket.
func (s *Server) Connections() int {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.all)
}
