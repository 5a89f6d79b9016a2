package feishu

import (
	"context"

	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher/callback"
)

// OnCardAction answers a click on a card's button.
func (a *App) OnCardAction(ctx context.Context, ev *callback.CardActionTriggerEvent) (*callback.CardActionTriggerResponse, error) {
	return &callback.CardActionTriggerResponse{}, nil
}
