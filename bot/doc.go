// Package bot is planbot's conversation, the same on every chat platform: the
// /plan command language (command*.go), the Handler that answers a command
// through the planner service (handler*.go), the replies as views (reply.go)
// and their plain text (render*.go), the message catalog in English and
// Chinese that every renderer uses (catalog*.go, words.go), the week cache
// (week_cache.go), the adapters' memory of the requests and events they
// handled (recent_keys.go) and the Platform interface through which a
// command's side effects happen (platform.go). It imports planner only; each
// chat platform is an adapter beside it (bot/slack), as are the terminal
// (bot/console), the weekly jobs (bot/schedule) and the files (bot/report).
package bot
