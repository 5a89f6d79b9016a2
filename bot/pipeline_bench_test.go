package bot

import (
	"fmt"
	"io"
	"log/slog"
	"testing"

	"planbot/planner"
	"planbot/storage/storagetest"
)

// BenchmarkAddWithPipeline adds an item through the handler, as /plan does,
// for a team that courts 200 companies: the cost of linking each add to the
// companies it names (one in brackets, one by name) on top of the add.
func BenchmarkAddWithPipeline(b *testing.B) {
	for _, companies := range []int{0, 200} {
		b.Run(fmt.Sprintf("companies=%d", companies), func(b *testing.B) {
			svc, _ := storagetest.Service(b)
			h := &Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			ann := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
			for i := range companies {
				if r := handle(b, h, ann, fmt.Sprintf("lead 招商企业%03d 在谈", i)); r.Body == nil {
					b.Fatal("no reply")
				}
			}
			line := "周二 拜访【招商企业007】 和 招商企业123 对接4家企业"
			if companies == 0 {
				line = "周二 拜访常诚车业 对接4家企业"
			}
			b.ResetTimer()
			for b.Loop() {
				r := handle(b, h, ann, line)
				if _, ok := r.Body.(Added); !ok {
					b.Fatalf("%q: %+v", line, r.Body)
				}
			}
		})
	}
}
