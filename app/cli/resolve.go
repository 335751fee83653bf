package cli

import (
	"context"
	"fmt"
	"time"
)

// runResolve re-decides every entity name of the archive at once: one type
// per name over all its mentions, short person names joined to full ones
// (tagging does this after each batch for the names it touched; this is for
// an archive tagged before, or after the resolver changed).
func runResolve(ctx context.Context, c *session, args []string) int {
	fs := c.flags("resolve", "")
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	start := time.Now()
	if err := a.Tagging.ResolveEntities(ctx); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "resolved the archive's entity names in %s\n", time.Since(start).Round(time.Millisecond))
	return ExitOK
}
