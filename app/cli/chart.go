package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/search"
)

const chartUsage = "--query Q | --entity E | --source S | --tag T (repeatable, up to 5 series) [--by day|week|month] [--share] [--from DATE] [--to DATE] [--title T] --out FILE.svg|png|csv"

// seriesFlag collects the series flags in the order given, whatever their
// kind.
type seriesFlag struct {
	kind  string
	specs *[]search.SeriesSpec
}

func (f seriesFlag) String() string { return "" }

func (f seriesFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty %s", f.kind)
	}
	*f.specs = append(*f.specs, search.SeriesSpec{Kind: f.kind, Value: v})
	return nil
}

// runChart counts articles over time and writes the chart to --out; it
// prints what it drew, and the undated articles it did not, to stdout.
func runChart(ctx context.Context, c *session, args []string) int {
	fs := c.flags("chart", chartUsage)
	var specs []search.SeriesSpec
	fs.Var(seriesFlag{search.KindQuery, &specs}, "query", "a series of the articles a search finds (repeatable)")
	fs.Var(seriesFlag{search.KindEntity, &specs}, "entity", "a series of the articles mentioning an entity: id, name or alias (repeatable)")
	fs.Var(seriesFlag{search.KindSource, &specs}, "source", "a series of one source's articles (repeatable)")
	fs.Var(seriesFlag{search.KindTag, &specs}, "tag", "a series of the articles carrying a tag (repeatable)")
	by := fs.String("by", "auto", "period: day, week, month, or auto (by the range)")
	share := fs.Bool("share", false, "draw each count as a share of all articles in its period")
	var opt search.CoverageOptions
	fs.StringVar(&opt.From, "from", "", "first day drawn (YYYY[-MM[-DD]]); default the earliest article")
	fs.StringVar(&opt.To, "to", "", "last day drawn (YYYY[-MM[-DD]]); default the latest article")
	title := fs.String("title", "", "title drawn above the chart")
	out := fs.String("out", "", "write the chart to FILE: .svg, .png (300 dpi) or .csv")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) > 0 || len(specs) == 0 || *out == "" {
		fs.Usage()
		return ExitUsage
	}
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".svg", ".png", ".csv":
	default:
		fmt.Fprintf(c.Stderr, "newsarchive: chart: --out %s: want a .svg, .png or .csv file\n", *out)
		return ExitUsage
	}
	var err error
	if opt.By, err = chart.ParseBucket(*by); err != nil {
		fmt.Fprintln(c.Stderr, "newsarchive: chart:", err)
		return ExitUsage
	}
	opt.Share = *share
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	tab, err := a.Search.Coverage(ctx, specs, opt)
	if errors.Is(err, search.ErrBadQuery) {
		fmt.Fprintln(c.Stderr, "newsarchive: chart:", strings.TrimPrefix(err.Error(), search.ErrBadQuery.Error()+": "))
		return ExitUsage
	}
	if err != nil {
		return c.fail(err)
	}
	if err := tab.WriteFile(*out, chart.Style{Title: *title}); err != nil {
		return c.fail(err)
	}
	if len(tab.Periods) == 0 {
		fmt.Fprintf(c.Stdout, "%s: no dated article to draw\n", *out)
	} else {
		fmt.Fprintf(c.Stdout, "%s: %d %ss from %s to %s\n", *out, len(tab.Periods), tab.By,
			tab.From.Format("2006-01-02"), tab.To.Format("2006-01-02"))
	}
	for _, col := range tab.Series {
		fmt.Fprintf(c.Stdout, "  %s: %d articles drawn", col.Name, col.Total())
		if col.Outside > 0 {
			fmt.Fprintf(c.Stdout, ", %d outside the range", col.Outside)
		}
		fmt.Fprintln(c.Stdout)
	}
	if note := tab.UndatedNote(); note != "" {
		fmt.Fprintln(c.Stdout, note)
	}
	return ExitOK
}
