package search

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/query"
)

// Coverage over time: articles per day, week or month for a query, an
// entity, a source or a tag, counted by the store with the same filters
// and totals as Search, and tabulated by app/chart.

// Series kinds.
const (
	KindQuery  = "query"
	KindEntity = "entity"
	KindSource = "source"
	KindTag    = "tag"
)

// SeriesSpec is one series of a coverage chart: the articles a search of
// Value finds (KindQuery, with the filters of Options except the dates),
// the articles mentioning the entity Value (id, name or alias), from the
// source Value or carrying the tag Value.
type SeriesSpec struct {
	Kind, Value string
	// Filters of a query series: Source, Entity and Type; the dates of a
	// chart are the CoverageOptions'.
	Filters Options
}

// Name is the series' name in the legend, e.g. `entity: Tony Blair`.
func (s SeriesSpec) Name() string { return s.Kind + ": " + strings.TrimSpace(s.Value) }

// CoverageOptions are the period, range and mode of a chart.
type CoverageOptions struct {
	By       chart.Bucket
	From, To string // YYYY, YYYY-MM or YYYY-MM-DD; "" for the data's range
	Share    bool   // each count over all articles of its period
}

// Coverage counts each series per period. Articles without a date are
// counted apart (Table.UndatedNote); dated ones outside the range in
// Column.Outside.
func (a *Service) Coverage(ctx context.Context, specs []SeriesSpec, opt CoverageOptions) (*chart.Table, error) {
	if len(specs) == 0 {
		return nil, fmt.Errorf("%w: give a query, entity, source or tag to chart", ErrBadQuery)
	}
	if len(specs) > chart.MaxSeries {
		return nil, fmt.Errorf("%w: at most %d series, got %d", ErrBadQuery, chart.MaxSeries, len(specs))
	}
	var copt chart.Options
	copt.By = opt.By
	var err error
	if opt.From != "" {
		if copt.From, err = chart.ParseFrom(opt.From, nil); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
		}
	}
	if opt.To != "" {
		if copt.To, err = chart.ParseTo(opt.To, nil); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
		}
	}
	series := make([]chart.Series, len(specs))
	for i, sp := range specs {
		if series[i], err = a.CountSeries(ctx, sp); err != nil {
			return nil, err
		}
	}
	if opt.Share {
		all, err := a.st.CountByDay(ctx, store.CountFilter{})
		if err != nil {
			return nil, fmt.Errorf("coverage: %w", err)
		}
		tot := toSeries("all articles", all)
		copt.Share, copt.Totals = true, &tot
	}
	tab, err := chart.Count(series, copt)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
	}
	return tab, nil
}

// CountSeries counts one series per day.
func (a *Service) CountSeries(ctx context.Context, sp SeriesSpec) (chart.Series, error) {
	f, err := a.countFilter(ctx, sp)
	if err != nil {
		return chart.Series{}, err
	}
	days, err := a.st.CountByDay(ctx, f)
	if err != nil {
		return chart.Series{}, fmt.Errorf("coverage of %s: %w", sp.Name(), err)
	}
	return toSeries(sp.Name(), days), nil
}

// PeriodArticles lists the articles of one series published from the day
// of from to the day before end, newest first: what a click on a bar shows.
func (a *Service) PeriodArticles(ctx context.Context, sp SeriesSpec, from, end time.Time, limit, offset int) (store.SearchResult, error) {
	f, err := a.countFilter(ctx, sp)
	if err != nil {
		return store.SearchResult{}, err
	}
	f.From, f.To = from.Format(time.DateOnly), end.AddDate(0, 0, -1).Format(time.DateOnly)
	f.Limit, f.Offset = limit, offset
	return a.st.FilteredArticles(ctx, f)
}

// countFilter turns a series into the store's filter.
func (a *Service) countFilter(ctx context.Context, sp SeriesSpec) (store.CountFilter, error) {
	v := strings.TrimSpace(sp.Value)
	if v == "" {
		return store.CountFilter{}, fmt.Errorf("%w: %s: empty", ErrBadQuery, sp.Kind)
	}
	var f store.CountFilter
	switch sp.Kind {
	case KindQuery:
		f.Query = query.Parse(v)
		if f.Query.Empty() {
			return f, fmt.Errorf("%w: query %q has no word to search for", ErrBadQuery, v)
		}
		f.Source = strings.TrimSpace(sp.Filters.Source)
		typ, err := entityType(sp.Filters.Type)
		if err != nil {
			return f, err
		}
		f.EntityType = typ
		if strings.TrimSpace(sp.Filters.Entity) != "" {
			if f.Entities, err = a.oneEntity(ctx, sp.Filters.Entity); err != nil {
				return f, err
			}
		}
	case KindEntity:
		ids, err := a.oneEntity(ctx, v)
		if err != nil {
			return f, err
		}
		f.Entities = ids
	case KindSource:
		f.Source = v
	case KindTag:
		f.Tag = v
	default:
		return f, fmt.Errorf("%w: series kind %q: use query, entity, source or tag", ErrBadQuery, sp.Kind)
	}
	return f, nil
}

// oneEntity resolves an entity reference, failing with the search's note
// (and its suggestions) when nothing matches.
func (a *Service) oneEntity(ctx context.Context, ref string) ([]int64, error) {
	ids, note, err := a.entityFilter(ctx, ref)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrBadQuery, note)
	}
	return ids, nil
}

// toSeries converts the store's day counts.
func toSeries(name string, d store.DayCounts) chart.Series {
	s := chart.Series{Name: name, Undated: d.Undated, Counts: make([]chart.DateCount, len(d.Days))}
	for i, c := range d.Days {
		s.Counts[i] = chart.DateCount{Date: c.Day, Count: c.Count}
	}
	return s
}

// SourceSpans lists the sources with their article counts and the dates of
// their first and last articles.
func (a *Service) SourceSpans(ctx context.Context) ([]store.SourceSpan, error) {
	return a.st.SourceSpans(ctx)
}
