// Package console is planbot on a terminal: the same /plan language as the
// chat platforms, answered in plain text, with nothing beyond the answer
// (bot.NoPlatform).
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"planbot/bot"
	"planbot/planner"
)

// Console is the terminal transport: it reads /plan lines from In and prints
// the plain-text replies to Out, speaking the same language as the chat platforms.
type Console struct {
	Handler *bot.Handler
	Actor   planner.Actor // who is typing; console users are their team's admins
	In      io.Reader
	Out     io.Writer
	Prompt  bool // print a prompt before each line (when In is a terminal)
}

// maxLine bounds one console line; Slack's own limit on a command is far lower.
const maxLine = 1 << 20

// Run answers lines until In ends, or until a line says to leave (quit,
// exit, 退出). A line that is "#" or starts with "# " is a comment; "#trip …"
// is a tag, not a comment. Who only looks (week, team, help) is not made a
// member: Actor joins the team with their first command that writes.
func (c *Console) Run(ctx context.Context) error {
	h := *c.Handler
	h.JoinOnWrite = true
	sc := bufio.NewScanner(c.In)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	c.prompt()
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(sc.Text())
		if word, leaving := quitWords[strings.ToLower(bot.StripCommandName(line))]; leaving {
			_, err := fmt.Fprintln(c.Out, bot.Say(c.lang(ctx, word), bot.MsgBye))
			return err
		}
		if line != "" && !isComment(line) {
			reply := h.Handle(ctx, bot.NoPlatform{}, c.Actor, bot.ParseCommand(bot.StripCommandName(line)))
			if _, err := fmt.Fprintln(c.Out, bot.RenderText(reply)); err != nil {
				return err
			}
		}
		c.prompt()
	}
	if c.Prompt {
		fmt.Fprintln(c.Out)
	}
	return sc.Err()
}

// quitWords end a console session, each with its language.
var quitWords = map[string]planner.Lang{"quit": planner.English, "exit": planner.English, "退出": planner.Chinese}

// lang is the language to say goodbye in: the member's, else the word's.
func (c *Console) lang(ctx context.Context, word planner.Lang) planner.Lang {
	if t, err := c.Handler.Peek(ctx, c.Actor); err == nil && t.Member.Lang != "" {
		return t.Member.Lang
	}
	return word
}

func (c *Console) prompt() {
	if c.Prompt {
		fmt.Fprint(c.Out, "/plan ")
	}
}

func isComment(line string) bool { return line == "#" || strings.HasPrefix(line, "# ") }
