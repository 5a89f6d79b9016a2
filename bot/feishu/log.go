package feishu

import (
	"context"
	"fmt"
	"log/slog"

	larkcore "github.com/larksuite/oapi-sdk-go/v3/core"
)

// sdkLog is the SDK's logger on planbot's: what the SDK says (a connection
// lost, a reconnect, a refused event) goes to the same log, at its level.
type sdkLog struct{ log *slog.Logger }

var _ larkcore.Logger = sdkLog{}

// Logger returns log as the SDK's logger.
func Logger(log *slog.Logger) larkcore.Logger { return sdkLog{log} }

func (l sdkLog) Debug(ctx context.Context, args ...interface{}) {
	l.log.DebugContext(ctx, "feishu sdk", "msg", fmt.Sprint(args...))
}

func (l sdkLog) Info(ctx context.Context, args ...interface{}) {
	l.log.InfoContext(ctx, "feishu sdk", "msg", fmt.Sprint(args...))
}

func (l sdkLog) Warn(ctx context.Context, args ...interface{}) {
	l.log.WarnContext(ctx, "feishu sdk", "msg", fmt.Sprint(args...))
}

func (l sdkLog) Error(ctx context.Context, args ...interface{}) {
	l.log.ErrorContext(ctx, "feishu sdk", "msg", fmt.Sprint(args...))
}
