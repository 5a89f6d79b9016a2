// Package feishu is planbot's Feishu (飞书, Lark) adapter: a member writes the
// bot a direct message or @-mentions it in a group ("周二 对接4家企业", with or
// without a leading /plan) and is answered in that chat, in the same /plan
// language as Slack and the console. Events arrive over the long connection
// (no public address) or the HTTP callback (POST /feishu/events), both
// through the official SDK (github.com/larksuite/oapi-sdk-go/v3); the weekly
// jobs post through the Messenger here. It is the only package that imports
// the Feishu SDK.
package feishu
