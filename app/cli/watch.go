package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// watchJSON is the JSON form of a watch.
type watchJSON struct {
	Name     string                  `json:"name"`
	Query    string                  `json:"query"`
	Filters  workbench.SearchFilters `json:"filters"`
	New      int                     `json:"new"`
	OpenedAt *time.Time              `json:"opened_at,omitempty"`
}

func toWatchJSON(w workbench.WatchStatus) watchJSON {
	out := watchJSON{Name: w.Name, Query: w.Query, Filters: w.Filters, New: w.New}
	if !w.OpenedAt.IsZero() {
		t := w.OpenedAt.UTC()
		out.OpenedAt = &t
	}
	return out
}

func runWatch(ctx context.Context, c *session, args []string) int {
	fs := c.flags("watch", "add NAME QUERY [search filters] | show [--json] NAME | rm NAME")
	var f workbench.SearchFilters
	searchFilterFlags(fs, &f)
	asJSON := fs.Bool("json", false, "show: print JSON")
	rest, ok := parseFlags(fs, args)
	switch {
	case !ok || len(rest) < 2:
		ok = false
	case rest[0] == "add":
		ok = len(rest) >= 3
	case rest[0] == "show", rest[0] == "rm":
		ok = len(rest) == 2
	default:
		ok = false
	}
	if !ok {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	wb := a.Workbench
	switch rest[0] {
	case "add":
		w, err := wb.AddWatch(ctx, rest[1], strings.Join(rest[2:], " "), f)
		if err != nil {
			return c.workbenchResult("watch add", err)
		}
		fmt.Fprintf(c.Stdout, "watching %q: articles archived from now on that match %q\n", w.Name, w.Query)
		return ExitOK
	case "rm":
		return c.workbenchResult("watch rm", wb.DeleteWatch(ctx, rest[1]))
	}
	v, err := wb.OpenWatch(ctx, rest[1])
	if err != nil {
		return c.workbenchResult("watch show", err)
	}
	if *asJSON {
		out := struct {
			watchJSON
			NewArticles  []searchHitJSON `json:"new_articles"`
			SeenArticles []searchHitJSON `json:"seen_articles"`
		}{toWatchJSON(v.WatchStatus), hitsJSON(v.NewHits), hitsJSON(v.Seen)}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "%s (%q): %d new, %d seen before\n", safetext.Line(v.Name), v.Query, len(v.NewHits), len(v.Seen))
	for i, group := range [][]store.SearchHit{v.NewHits, v.Seen} {
		mark := "new "
		if i == 1 {
			mark = "    "
		}
		for _, h := range group {
			fmt.Fprintf(c.Stdout, "%s%6d  %-10s  %s%s\n", mark, h.ID, dateOnly(h.Published), safetext.Line(h.Title), inParens(h.Source))
		}
	}
	return ExitOK
}

// hitsJSON is search hits as search --json and watch show --json print
// them: snippets HTML-escaped, matches in <mark>.
func hitsJSON(hs []store.SearchHit) []searchHitJSON {
	out := make([]searchHitJSON, len(hs))
	for i, h := range hs {
		out[i] = searchHitJSON{h.ID, h.Title, h.Published, h.Source, htmlSnippet(h.Snippet)}
	}
	return out
}

func runWatches(ctx context.Context, c *session, args []string) int {
	fs := c.flags("watches", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	a, _, code := c.begin(ctx, fs, args, exactly(0))
	if code >= 0 {
		return code
	}
	ws, err := a.Workbench.Watches(ctx)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]watchJSON, len(ws))
		for i, w := range ws {
			out[i] = toWatchJSON(w)
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	for _, w := range ws {
		fmt.Fprintf(c.Stdout, "%5d new  %s  (%q)\n", w.New, safetext.Line(w.Name), w.Query)
	}
	return ExitOK
}
