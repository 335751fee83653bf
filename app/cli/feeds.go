package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

const feedsUsage = `add [--json] [--offline] [--allow-net CIDRS] URL|FILE | list [--json] | remove ID | refresh [--json] [--offline] [--allow-net CIDRS] [--due] [ID]
       | set ID [--every DURATION] [--keep-days N] [--full=true|false] | import FILE.opml | export [--out FILE]`

// feedJSON is the JSON form of a subscription.
type feedJSON struct {
	ID          int64  `json:"id"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	Site        string `json:"site"`
	AddedAt     string `json:"added_at"`
	LastFetched string `json:"last_fetched,omitempty"`
	LastError   string `json:"last_error,omitempty"`
	Items       int    `json:"items"`
	Interval    string `json:"interval"`
	NextDue     string `json:"next_due,omitempty"`
	Failures    int    `json:"failures,omitempty"`
	KeepDays    int    `json:"keep_days,omitempty"`
	FetchFull   bool   `json:"fetch_full"`
}

// refreshJSON is the JSON form of a pull.
type refreshJSON struct {
	Feed        feedJSON              `json:"feed"`
	Imported    int                   `json:"imported"`
	Duplicates  int                   `json:"duplicates"`
	Failed      int                   `json:"failed"`
	Seen        int                   `json:"seen_before"`
	Left        int                   `json:"left_for_next_pull,omitempty"`
	Note        string                `json:"note,omitempty"`
	Items       []importer.ItemResult `json:"items"`
	NotModified bool                  `json:"not_modified,omitempty"`
	Expired     int                   `json:"expired,omitempty"`
	Error       string                `json:"error,omitempty"`
}

func toFeedJSON(f store.Feed) feedJSON {
	out := feedJSON{ID: f.ID, URL: f.URL, Title: f.Title, Site: f.Site, LastError: f.LastError, Items: f.Items,
		AddedAt: f.AddedAt.UTC().Format(time.RFC3339), Interval: f.Interval.String(), Failures: f.Failures,
		KeepDays: f.RetentionDays, FetchFull: f.FetchFull}
	if !f.NextDue.IsZero() {
		out.NextDue = f.NextDue.UTC().Format(time.RFC3339)
	}
	if !f.LastFetched.IsZero() {
		out.LastFetched = f.LastFetched.UTC().Format(time.RFC3339)
	}
	return out
}

func runFeeds(ctx context.Context, c *session, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(c.Stderr, "usage: newsarchive [--db PATH] feeds %s\n", feedsUsage)
		return ExitUsage
	}
	sub, args := args[0], args[1:]
	if run, ok := feedsMore[sub]; ok {
		return run(ctx, c, args)
	}
	fs := c.flags("feeds "+sub, map[string]string{"add": "[--json] [--offline] [--allow-net CIDRS] URL|FILE", "list": "[--json]",
		"remove": "ID", "refresh": "[--json] [--offline] [--allow-net CIDRS] [--due] [ID]"}[sub])
	asJSON := fs.Bool("json", false, "print JSON")
	var offline *bool
	allow := new(string)
	if sub == "add" || sub == "refresh" {
		allow = netFlag(fs)
		offline = fs.Bool("offline", false, "keep the summary of items without full text instead of fetching their pages")
	}
	var due *bool
	if sub == "refresh" {
		due = fs.Bool("due", false, "refresh only the feeds due by their schedule (for cron and systemd timers)")
	}
	rest, ok := parseFlags(fs, args)
	if !ok {
		return ExitUsage
	}
	want := map[string][2]int{"add": {1, 1}, "list": {0, 0}, "remove": {1, 1}, "refresh": {0, 1}}
	n, known := want[sub]
	if !known {
		fmt.Fprintf(c.Stderr, "newsarchive: feeds: unknown subcommand %q\nusage: newsarchive [--db PATH] feeds %s\n", sub, feedsUsage)
		return ExitUsage
	}
	if len(rest) < n[0] || len(rest) > n[1] {
		fs.Usage()
		return ExitUsage
	}
	var id int64
	if (sub == "remove" || sub == "refresh") && len(rest) == 1 {
		var err error
		if id, err = strconv.ParseInt(rest[0], 10, 64); err != nil {
			fmt.Fprintf(c.Stderr, "newsarchive: feeds %s: %q is not a feed id\n", sub, rest[0])
			return ExitUsage
		}
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	var opt importer.FeedOptions
	opt.Offline = offline != nil && *offline
	if err := allowNet(a, *allow, !opt.Offline); err != nil {
		return c.fail(err)
	}
	switch sub {
	case "add":
		r, err := a.Importer.AddFeed(ctx, rest[0], opt)
		return c.printRefreshes(err, *asJSON, r)
	case "list":
		return c.listFeeds(ctx, a, *asJSON)
	case "remove":
		if err := a.Importer.DeleteFeed(ctx, id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return c.fail(fmt.Errorf("no feed %d in %s", id, c.where()))
			}
			return c.fail(err)
		}
		fmt.Fprintf(c.Stdout, "unsubscribed from feed %d (its articles stay in the archive)\n", id)
		return ExitOK
	}
	if due != nil && *due {
		return c.refreshDue(ctx, a, opt, *asJSON)
	}
	if id != 0 {
		r, err := a.Importer.RefreshFeed(ctx, id, opt)
		if errors.Is(err, store.ErrNotFound) {
			return c.fail(fmt.Errorf("no feed %d in %s", id, c.where()))
		}
		return c.printRefreshes(err, *asJSON, r)
	}
	rs, err := a.Importer.RefreshFeeds(ctx, opt)
	return c.printRefreshes(err, *asJSON, rs...)
}

func (c *session) listFeeds(ctx context.Context, a *app.App, asJSON bool) int {
	feeds, err := a.Importer.Feeds(ctx)
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		out := make([]feedJSON, len(feeds))
		for i, f := range feeds {
			out[i] = toFeedJSON(f)
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if len(feeds) == 0 {
		fmt.Fprintln(c.Stdout, "no feeds: add one with `newsarchive feeds add URL`")
	}
	for _, f := range feeds {
		last := "never fetched"
		if !f.LastFetched.IsZero() {
			last = "fetched " + f.LastFetched.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(c.Stdout, "%4d  %s\n      %s · %d items · %s · %s\n", f.ID, safetext.Line(f.Title), safetext.Line(f.URL), f.Items, last,
			describeSchedule(f))
		if f.LastError != "" {
			fmt.Fprintf(c.Stdout, "      last error: %s\n", f.LastError)
		}
	}
	return ExitOK
}

// printRefreshes prints pulls, then the error that stopped any of them.
func (c *session) printRefreshes(err error, asJSON bool, rs ...importer.FeedRefresh) int {
	failed := false
	if asJSON {
		out := make([]refreshJSON, 0, len(rs))
		for _, r := range rs {
			if r.Feed.ID == 0 {
				continue
			}
			out = append(out, refreshJSON{Feed: toFeedJSON(r.Feed), Imported: r.Imported, Duplicates: r.Duplicates,
				Failed: r.Failed, Seen: r.Seen, Left: r.Left, Note: r.Note, Items: r.Items, NotModified: r.NotModified,
				Expired: r.Expired, Error: r.Error})
			failed = failed || r.Failed > 0 || r.Error != ""
		}
		if werr := writeJSON(c.Stdout, out); werr != nil {
			return c.fail(werr)
		}
	} else {
		for _, r := range rs {
			if r.Feed.ID == 0 {
				continue
			}
			printRefresh(c.Stdout, r)
			failed = failed || r.Failed > 0 || r.Error != ""
		}
	}
	if err != nil {
		return c.fail(err)
	}
	if failed {
		return ExitFailed
	}
	return ExitOK
}

func printRefresh(w io.Writer, r importer.FeedRefresh) {
	switch {
	case r.Error != "":
		fmt.Fprintf(w, "feed %d (%s): failed: %s; %s\n", r.Feed.ID, r.Feed.Title, r.Error, describeSchedule(r.Feed))
		return
	case r.NotModified:
		fmt.Fprintf(w, "feed %d (%s): not modified since the last refresh\n", r.Feed.ID, r.Feed.Title)
		return
	}
	for _, it := range r.Items {
		switch it.Status {
		case importer.StatusImported:
			tag := ""
			if it.Version > 1 {
				tag = fmt.Sprintf(" (version %d)", it.Version)
			} else if it.SummaryOnly {
				tag = " (summary only)"
			}
			fmt.Fprintf(w, "  new %6d  %s%s\n", it.ID, safetext.Line(it.Title), tag)
		case importer.StatusDuplicate:
			fmt.Fprintf(w, "  dup %6d  %s\n", it.DuplicateOf, safetext.Line(it.Title))
		default:
			fmt.Fprintf(w, "  failed      %s: %s\n", safetext.Line(it.Title), safetext.Line(it.Error))
		}
		if it.Note != "" {
			fmt.Fprintf(w, "              %s\n", safetext.Line(it.Note))
		}
	}
	fmt.Fprintf(w, "feed %d (%s): %d new, %d already archived, %d failed, %d seen before",
		r.Feed.ID, r.Feed.Title, r.Imported, r.Duplicates, r.Failed, r.Seen)
	if r.Expired > 0 {
		fmt.Fprintf(w, ", %d expired", r.Expired)
	}
	fmt.Fprintln(w)
	if r.Note != "" {
		fmt.Fprintf(w, "note: %s\n", r.Note)
	}
}
