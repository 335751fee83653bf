package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/safetext"
)

func runImport(ctx context.Context, c *session, args []string) int {
	fs := c.flags("import", "[--json] [--allow-net CIDRS] [--follow-symlinks] PATH...")
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	allow := netFlag(fs)
	follow := fs.Bool("follow-symlinks", false, "follow symbolic links that lead out of the folders imported")
	online := fs.Bool("online", false, "fetch the linked pages of feed items (what `fetch` does)")
	noTag := fs.Bool("no-tag", false, "leave entity tagging for later (the app or `retag` does it)")
	paths, ok := parseFlags(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	if err := allowNet(a, *allow, *online); err != nil {
		return c.fail(err)
	}
	opt := importer.Options{FollowSymlinks: *follow}
	enc := json.NewEncoder(c.Stdout)
	enc.SetEscapeHTML(false)
	if *asJSON {
		opt.OnResult = func(r importer.FileResult) { enc.Encode(r) }
	}
	bar := isTerminal(c.Stderr)
	if bar {
		last := time.Time{}
		opt.OnProgress = func(p importer.Progress) {
			if p.Done == p.Total || time.Since(last) > 100*time.Millisecond {
				last = time.Now()
				fmt.Fprint(c.Stderr, "\r"+progressLine(p))
			}
		}
	}
	rep, err := a.Importer.Import(ctx, paths, opt)
	if bar {
		fmt.Fprint(c.Stderr, "\r\033[K")
	}
	out := c.Stdout
	if *asJSON {
		out = c.Stderr
	}
	printSummary(out, rep)
	if err != nil {
		return c.fail(err)
	}
	if !*noTag {
		if err := c.tagPending(ctx, a, out); err != nil {
			return c.fail(fmt.Errorf("tagging entities (the articles are imported; run `newsarchive retag` later): %w", err))
		}
	}
	if rep.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

// tagPending tags the articles waiting for it, with a progress line, and
// prints how many of the archive's articles are tagged.
func (c *session) tagPending(ctx context.Context, a *app.App, out io.Writer) error {
	start := time.Now()
	if err := a.Tagging.TagPending(ctx, c.taggingProgress()); err != nil {
		return err
	}
	c.endProgress()
	done, total, _ := a.Tagging.TaggingProgress(ctx)
	fmt.Fprintf(out, "entities: %d of %d articles tagged in %s\n", done, total, time.Since(start).Round(time.Millisecond))
	return nil
}

// progressLine draws a progress bar: done/total, files/s and time left.
func progressLine(p importer.Progress) string {
	const width = 30
	filled := width
	if p.Total > 0 {
		filled = p.Done * width / p.Total
	}
	return fmt.Sprintf("[%s%s] %d/%d  %.0f files/s  ETA %s ",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.Done, p.Total, p.Rate(),
		p.ETA().Round(time.Second))
}

func printSummary(w io.Writer, rep importer.Report) {
	for _, r := range rep.Results {
		switch r.Status {
		case importer.StatusDuplicate:
			fmt.Fprintf(w, "duplicate: %s is article %d (%q)\n", r.Path, r.DuplicateOf, safetext.Line(r.Title))
		case importer.StatusFailed:
			fmt.Fprintf(w, "failed: %s: %s\n", safetext.Line(r.Path), safetext.Line(r.Error))
		default:
			if len(r.Skipped) > 0 { // a web archive: its counts
				fmt.Fprintf(w, "%s: %s\n", safetext.Line(r.Path), safetext.Line(r.Title))
			}
		}
		for _, n := range r.Notes {
			fmt.Fprintf(w, "note: %s: %s\n", r.Path, n)
		}
	}
	fmt.Fprintf(w, "imported %d, duplicates %d, failed %d", rep.Imported, rep.Duplicates, rep.Failed)
	if rep.Skipped > 0 {
		fmt.Fprintf(w, ", skipped %d (hidden or not articles)", rep.Skipped)
	}
	fmt.Fprintf(w, " in %s\n", rep.Elapsed.Round(time.Millisecond))
	if len(rep.SkippedRecords) > 0 {
		fmt.Fprintf(w, "web archives: %s\n", importer.DescribeSkipped(rep.SkippedRecords))
	}
}
