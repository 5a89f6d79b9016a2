// Package slack is planbot's Slack adapter: slash commands, buttons, the
// new-item form and the Home tab over HTTP (signed requests, verify.go) or
// Socket Mode (socket*.go); Block Kit rendering within Slack's limits
// (blocks.go, retro.go, week.go); the Messenger through which the weekly jobs
// post (messenger.go); setup, uploads and Slack's metrics. It is the only
// package that imports slack-go. Slack's limits are from docs.slack.dev
// (reference/block-kit/…); slackcheck checks every payload against them in
// tests.
package slack
