package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
)

func runReextract(ctx context.Context, c *session, args []string) int {
	fs := c.flags("reextract", "[--json] [--no-tag] [ID...]   (every article when no ID is given)")
	asJSON := fs.Bool("json", false, "print one JSON object per article")
	noTag := fs.Bool("no-tag", false, "leave the re-tagging of changed bodies for later (the app or `worker` does it)")
	rest, ok := parseFlags(fs, args)
	if !ok {
		return ExitUsage
	}
	var ids []int64
	for _, arg := range rest {
		id, ok := c.articleID("reextract", arg)
		if !ok {
			return ExitUsage
		}
		ids = append(ids, id)
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	var opt importer.ReextractOptions
	enc := json.NewEncoder(c.Stdout)
	enc.SetEscapeHTML(false)
	if *asJSON {
		opt.OnResult = func(r importer.ReextractResult) { enc.Encode(r) }
	}
	bar := isTerminal(c.Stderr)
	if bar {
		last, start := time.Time{}, time.Now()
		opt.OnProgress = func(done, total int) {
			if done == total || time.Since(last) > 100*time.Millisecond {
				last = time.Now()
				rate := float64(done) / max(time.Since(start).Seconds(), 1e-9)
				fmt.Fprintf(c.Stderr, "\rre-extracting: %d/%d articles  %.0f articles/s ", done, total, rate)
			}
		}
	}
	rep, err := a.Importer.Reextract(ctx, ids, opt)
	if bar {
		fmt.Fprint(c.Stderr, "\r\033[K")
	}
	out := c.Stdout
	if *asJSON {
		out = c.Stderr
	}
	printReextract(out, rep)
	if err != nil {
		return c.fail(err)
	}
	if !*noTag && rep.BodiesChanged > 0 {
		if err := c.tagPending(ctx, a, out); err != nil {
			return c.fail(fmt.Errorf("tagging entities (the articles are re-extracted; run `newsarchive worker` later): %w", err))
		}
	}
	if rep.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

// printReextract lists what changed and sums up a re-extraction.
func printReextract(w io.Writer, rep importer.ReextractReport) {
	for _, r := range rep.Results {
		switch r.Status {
		case importer.ReextractChanged:
			what := "body"
			switch {
			case r.TitleChanged && r.BodyChanged:
				what = "title and body"
			case r.TitleChanged:
				what = "title"
			case !r.BodyChanged:
				what = "metadata"
			}
			fmt.Fprintf(w, "changed: %d %s", r.ID, what)
			if r.TitleChanged {
				fmt.Fprintf(w, ": %q -> %q", r.OldTitle, r.Title)
			}
			if r.Note != "" {
				fmt.Fprintf(w, " (%s)", r.Note)
			}
			fmt.Fprintln(w)
		case importer.ReextractDuplicate:
			fmt.Fprintf(w, "duplicate: %d now reads as article %d, left as it was\n", r.ID, r.DuplicateOf)
		case importer.ReextractFailed:
			fmt.Fprintf(w, "failed: %d: %s\n", r.ID, r.Error)
		}
	}
	fmt.Fprintf(w, "re-extracted %d articles: %d changed (%d titles, %d bodies), %d unchanged, %d duplicates, %d without an original, %d failed in %s\n",
		len(rep.Results), rep.Changed, rep.TitlesChanged, rep.BodiesChanged, rep.Unchanged, rep.Duplicates, rep.Skipped,
		rep.Failed, rep.Elapsed.Round(time.Millisecond))
}
