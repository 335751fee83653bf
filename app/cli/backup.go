package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

func runBackup(ctx context.Context, c *session, args []string) int {
	fs := c.flags("backup", "[--force] FILE")
	force := fs.Bool("force", false, "overwrite FILE when it exists")
	a, rest, code := c.begin(ctx, fs, args, exactly(1))
	if code >= 0 {
		return code
	}
	start := time.Now()
	if err := a.Backup(ctx, rest[0], *force); err != nil {
		return c.fail(err)
	}
	n, _ := a.Search.ArticleCount(ctx)
	fmt.Fprintf(c.Stdout, "backed up %s (%d articles) to %s in %s\n", c.where(), n, rest[0], time.Since(start).Round(time.Millisecond))
	return ExitOK
}

func runRestore(ctx context.Context, c *session, args []string) int {
	fs := c.flags("restore", "[--force] FILE   (close the app first)")
	force := fs.Bool("force", false, "replace the archive when it exists")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 1 {
		fs.Usage()
		return ExitUsage
	}
	if err := app.Restore(ctx, rest[0], c.dbPath, *force); err != nil {
		if errors.Is(err, store.ErrExists) {
			return c.fail(fmt.Errorf("restore: the archive %s exists: use --force to replace it with %s", c.where(), rest[0]))
		}
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "restored %s from %s\n", c.where(), rest[0])
	return ExitOK
}

func runCheck(ctx context.Context, c *session, args []string) int {
	fs := c.flags("check", "[--articles]")
	thorough := fs.Bool("articles", false, "also verify every article's content hash and index entry (slower)")
	a, _, code := c.begin(ctx, fs, args, exactly(0))
	if code >= 0 {
		return code
	}
	start := time.Now()
	problems, err := a.Check(ctx, *thorough)
	if err != nil {
		return c.fail(err)
	}
	n, _ := a.Search.ArticleCount(ctx)
	for _, p := range problems {
		fmt.Fprintln(c.Stdout, "problem:", p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(c.Stdout, "%s: %d problems found in %d articles (%s)\n", c.where(), len(problems), n, time.Since(start).Round(time.Millisecond))
		return ExitFailed
	}
	fmt.Fprintf(c.Stdout, "%s: no problems found in %d articles (%s)\n", c.where(), n, time.Since(start).Round(time.Millisecond))
	return ExitOK
}
