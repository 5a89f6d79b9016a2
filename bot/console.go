package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"planbot/planner"
)

// Console is the terminal transport: it reads /plan lines from In and prints
// the plain-text replies to Out, speaking the same language as Slack.
type Console struct {
	Handler *Handler
	Actor   planner.Actor // who is typing; console users are their team's admins
	In      io.Reader
	Out     io.Writer
	Prompt  bool // print a prompt before each line (when In is a terminal)
}

// maxLine bounds one console line; Slack's own limit on a command is far lower.
const maxLine = 1 << 20

// Run answers lines until In ends, or until a line says to leave (quit,
// exit, 退出). A line that is "#" or starts with "# " is a comment; "#trip …"
// is a tag, not a comment.
func (c *Console) Run(ctx context.Context) error {
	sc := bufio.NewScanner(c.In)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	c.prompt()
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(sc.Text())
		if word, leaving := quitWords[strings.ToLower(StripCommandName(line))]; leaving {
			_, err := fmt.Fprintln(c.Out, say(c.lang(ctx, word), msgBye))
			return err
		}
		if line != "" && !isComment(line) {
			reply := c.Handler.Handle(ctx, c.Actor, StripCommandName(line))
			if _, slackOnly := reply.Body.(DigestPost); slackOnly {
				reply.Body = Failure{Err: planner.Errorf(planner.Invalid, planner.ReasonSlackOnly, "")}
			}
			if up, slackOnly := reply.Body.(ExportUpload); slackOnly {
				reply.Body = Notice{Text: say(reply.Lang, msgExportConsole, up.Week)}
			}
			if _, err := fmt.Fprintln(c.Out, RenderText(reply)); err != nil {
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
	if t, err := c.Handler.Begin(ctx, c.Actor); err == nil && t.Member.Lang != "" {
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

// StripCommandName removes a leading slash command ("/plan", or whatever name
// the workspace gave it) from a line typed as in Slack.
func StripCommandName(line string) string {
	if !strings.HasPrefix(line, "/") {
		return line
	}
	_, rest := cutWord(line)
	return rest
}
