package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// The feeds subcommands of schedules and subscription lists: set, import
// (OPML), export (OPML), and refresh --due (in feeds.go, run here).
var feedsMore = map[string]func(context.Context, *session, []string) int{
	"set":    runFeedsSet,
	"import": runFeedsImport,
	"export": runFeedsExport,
}

// describeSchedule says when a feed refreshes itself, for people.
func describeSchedule(f store.Feed) string {
	s := "every " + shortDuration(f.Interval)
	if f.RetentionDays > 0 {
		s += fmt.Sprintf(" · keeps items %d days", f.RetentionDays)
	}
	if !f.FetchFull {
		s += " · summaries only"
	}
	switch {
	case f.NextDue.IsZero():
		s += " · due now"
	case f.Failures > 0:
		s += fmt.Sprintf(" · %d failures, next try %s", f.Failures, f.NextDue.Local().Format("2006-01-02 15:04"))
	default:
		s += " · next " + f.NextDue.Local().Format("2006-01-02 15:04")
	}
	return s
}

func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func (c *session) refreshDue(ctx context.Context, a *app.App, opt importer.FeedOptions, asJSON bool) int {
	var rs []importer.FeedRefresh
	rs, err := a.Importer.RefreshDue(ctx, time.Now(), opt, func(r importer.FeedRefresh) {
		if !asJSON {
			printRefresh(c.Stdout, r)
		}
	})
	if asJSON {
		return c.printRefreshes(err, true, rs...)
	}
	if err != nil {
		return c.fail(err)
	}
	if len(rs) == 0 {
		fmt.Fprintln(c.Stdout, "no feed is due")
	}
	for _, r := range rs {
		if r.Error != "" || r.Failed > 0 {
			return ExitFailed
		}
	}
	return ExitOK
}

func runFeedsSet(ctx context.Context, c *session, args []string) int {
	fs := c.flags("feeds set", "ID [--every DURATION] [--keep-days N] [--full=true|false]")
	every := fs.Duration("every", 0, "refresh interval, e.g. 30m or 6h (at least 1m)")
	keep := fs.Int("keep-days", -1, "delete items older than N days (never those with a note or tag); 0 keeps them for ever")
	full := fs.String("full", "", "fetch the full article behind each item: true or false")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 1 {
		fs.Usage()
		return ExitUsage
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil {
		fmt.Fprintf(c.Stderr, "newsarchive: feeds set: %q is not a feed id\n", rest[0])
		return ExitUsage
	}
	if *every != 0 && *every < time.Minute {
		fmt.Fprintf(c.Stderr, "newsarchive: feeds set: --every %s is under a minute\n", *every)
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	f, err := a.Importer.Feed(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return c.fail(fmt.Errorf("no feed %d in %s", id, c.where()))
	}
	if err != nil {
		return c.fail(err)
	}
	o := store.FeedOptions{Interval: *every, RetentionDays: f.RetentionDays, FetchFull: f.FetchFull}
	if *keep >= 0 {
		o.RetentionDays = *keep
	}
	if *full != "" {
		if o.FetchFull, err = strconv.ParseBool(*full); err != nil {
			fmt.Fprintf(c.Stderr, "newsarchive: feeds set: --full %q is not true or false\n", *full)
			return ExitUsage
		}
	}
	if err := a.Importer.SetFeedOptions(ctx, id, o); err != nil {
		return c.fail(err)
	}
	if f, err = a.Importer.Feed(ctx, id); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "feed %d (%s): %s\n", f.ID, f.Title, describeSchedule(f))
	return ExitOK
}

func runFeedsImport(ctx context.Context, c *session, args []string) int {
	fs := c.flags("feeds import", "FILE.opml")
	a, rest, code := c.begin(ctx, fs, args, exactly(1))
	if code >= 0 {
		return code
	}
	rep, err := a.Importer.ImportOPML(ctx, rest[0])
	if err != nil {
		return c.fail(err)
	}
	for _, f := range rep.Failed {
		fmt.Fprintf(c.Stdout, "failed: %s\n", f)
	}
	fmt.Fprintf(c.Stdout, "subscribed to %d feeds, %d already subscribed, %d failed; `newsarchive feeds refresh --due` pulls them\n",
		rep.Added, rep.Existing, len(rep.Failed))
	if len(rep.Failed) > 0 {
		return ExitFailed
	}
	return ExitOK
}

func runFeedsExport(ctx context.Context, c *session, args []string) int {
	fs := c.flags("feeds export", "[--out FILE]")
	out := fs.String("out", "", "write the OPML to FILE instead of stdout")
	a, _, code := c.begin(ctx, fs, args, exactly(0))
	if code >= 0 {
		return code
	}
	if *out == "" {
		if _, err := a.Importer.ExportOPML(ctx, c.Stdout); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	f, err := os.Create(*out)
	if err != nil {
		return c.fail(fmt.Errorf("feeds export: %w", err))
	}
	n, err := a.Importer.ExportOPML(ctx, f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("feeds export: %w", cerr)
	}
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "exported %d feeds to %s\n", n, *out)
	return ExitOK
}

// printProvenance prints where an article came from, a line each.
func (c *session) printProvenance(ctx context.Context, a *app.App, id int64) int {
	ps, err := a.Importer.Provenance(ctx, id)
	if err != nil {
		return c.fail(err)
	}
	for _, p := range ps {
		fmt.Fprintf(c.Stdout, "provenance: %s\n", p)
	}
	return ExitOK
}
