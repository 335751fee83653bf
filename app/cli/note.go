package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/safetext"
)

func runNote(ctx context.Context, c *session, args []string) int {
	fs := c.flags("note", "ID [TEXT...]   (TEXT \"\" clears the note; TEXT - reads it from stdin)")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) == 0 {
		fs.Usage()
		return ExitUsage
	}
	id, ok := c.articleID("note", rest[0])
	if !ok {
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	if len(rest) == 1 {
		text, err := a.Annotate.Note(ctx, id)
		if err != nil {
			return c.tagResult(err, id)
		}
		if text != "" {
			fmt.Fprintln(c.Stdout, safetext.Terminal(text))
		}
		return ExitOK
	}
	text := strings.Join(rest[1:], " ")
	if len(rest) == 2 && rest[1] == "-" {
		b, err := io.ReadAll(io.LimitReader(c.Stdin, annotate.MaxNoteBytes+1))
		if err != nil {
			return c.fail(fmt.Errorf("read the note from stdin: %w", err))
		}
		text = strings.TrimRight(string(b), "\n")
	}
	return c.tagResult(a.Annotate.SetNote(ctx, id, text), id)
}
