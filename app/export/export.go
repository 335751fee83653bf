package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/query"
)

// Format is an export format.
type Format string

// Write formats (see docs/exports.md).
const (
	FormatJSONL    Format = "jsonl"    // everything, re-importable
	FormatCSV      Format = "csv"      // articles, or an entity table
	FormatMarkdown Format = "markdown" // a folder of .md files with YAML front matter
	FormatGEXF     Format = "gexf"     // the entity co-occurrence network, GEXF 1.3
	FormatGraphML  Format = "graphml"  // the same network as GraphML
	FormatRIS      Format = "ris"      // citations
	FormatBibTeX   Format = "bibtex"
	FormatCSLJSON  Format = "csl-json"
)

// Formats lists every export format.
var Formats = []Format{FormatJSONL, FormatCSV, FormatMarkdown, FormatGEXF, FormatGraphML, FormatRIS, FormatBibTeX, FormatCSLJSON,
	FormatAnnotations}

// CSV tables besides the articles.
const (
	TableArticles     = "articles"
	TableEntities     = "entities"
	TableMentions     = "mentions"
	TableCooccurrence = "cooccurrence"
)

// ErrBadOptions wraps errors in export options a person gave.
var ErrBadOptions = errors.New("bad export options")

// Scope selects the articles to export; the zero value is the whole
// archive. Set conditions combine with AND.
type Scope struct {
	Query    string  // full-text query, as for Search
	From, To string  // dates: YYYY, YYYY-MM or YYYY-MM-DD
	Source   string  // exact source name
	Entity   string  // an entity id, or a name or alias
	Type     string  // entity type: with Entity, of that type; alone, articles mentioning any entity of it
	Tag      string  // articles carrying this tag
	IDs      []int64 // only these articles

	Collection string // only the articles of this collection
}

// Progress is the state of a running export.
type Progress struct {
	Done    int // articles (or table rows) written
	Total   int // articles in scope; 0 when unknown
	Elapsed time.Duration
}

// Options say what to export and how.
type Options struct {
	Format Format
	Table  string // csv: TableArticles (default), TableEntities, TableMentions or TableCooccurrence
	Scope  Scope
	// OnProgress, when not nil, is called as articles are written, from the
	// exporting goroutine.
	OnProgress func(Progress)
}

// Stats sums up a finished export.
type Stats struct {
	Articles int // articles written (for tables and networks: rows, nodes and edges)
	Files    int // files written (markdown)
	Elapsed  time.Duration
}

// progress counts what an export wrote and reports it.
type progress struct {
	p  Progress
	on func(Progress)
	t0 time.Time
}

func (p *progress) article() {
	p.p.Done++
	if p.on != nil {
		p.p.Elapsed = time.Since(p.t0)
		p.on(p.p)
	}
}

// Write writes the scope's articles to w in a stream format (every format
// but markdown, which writes a folder: see Markdown). Articles are
// written as they are read, so memory stays flat whatever the archive's
// size; all is read in one transaction, so the export is consistent while
// the archive is in use.
func (a *Exporter) Write(ctx context.Context, w io.Writer, opt Options) (Stats, error) {
	if opt.Format == FormatMarkdown {
		return Stats{}, fmt.Errorf("%w: markdown writes a folder: give --out DIR", ErrBadOptions)
	}
	if opt.Table != "" && opt.Table != TableArticles && opt.Format != FormatCSV {
		return Stats{}, fmt.Errorf("%w: --table is for csv", ErrBadOptions)
	}
	sc, p, err := a.startExport(ctx, opt)
	if err != nil {
		return Stats{}, err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	switch opt.Format {
	case FormatJSONL:
		err = a.writeJSONL(ctx, bw, sc, p)
	case FormatCSV:
		err = a.writeCSV(ctx, bw, sc, opt.Table, p)
	case FormatGEXF:
		err = a.writeGEXF(ctx, bw, sc, p)
	case FormatGraphML:
		err = a.writeGraphML(ctx, bw, sc, p)
	case FormatRIS, FormatBibTeX, FormatCSLJSON:
		err = a.writeCitations(ctx, bw, sc, opt.Format, p)
	case FormatAnnotations:
		err = a.writeAnnotations(ctx, bw, sc, p)
	default:
		err = fmt.Errorf("%w: unknown format %q (one of %s)", ErrBadOptions, opt.Format, formatList())
	}
	if err == nil {
		err = bw.Flush()
	}
	st := Stats{Articles: p.p.Done, Elapsed: time.Since(p.t0)}
	if err != nil {
		return st, fmt.Errorf("export %s: %w", opt.Format, err)
	}
	return st, nil
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// startExport resolves the scope and counts its articles.
func (a *Exporter) startExport(ctx context.Context, opt Options) (store.ExportScope, *progress, error) {
	sc, err := a.storeScope(ctx, opt.Scope)
	if err != nil {
		return sc, nil, err
	}
	p := &progress{on: opt.OnProgress, t0: time.Now()}
	if opt.Table == "" || opt.Table == TableArticles {
		if opt.Format != FormatGEXF && opt.Format != FormatGraphML {
			if p.p.Total, err = a.st.CountArticles(ctx, sc); err != nil {
				return sc, nil, err
			}
		}
	}
	if p.on != nil {
		p.on(p.p)
	}
	return sc, p, nil
}

// storeScope checks a scope as a person gave it and turns it into the
// store's.
func (a *Exporter) storeScope(ctx context.Context, in Scope) (store.ExportScope, error) {
	var sc store.ExportScope
	var err error
	if strings.TrimSpace(in.Query) != "" {
		if sc.Query = query.Parse(in.Query); sc.Query.Empty() {
			return sc, fmt.Errorf("%w: the query %q has no word to search for", search.ErrBadQuery, in.Query)
		}
	}
	if sc.From, err = search.NormDate(in.From, false); err != nil {
		return sc, err
	}
	if sc.To, err = search.NormDate(in.To, true); err != nil {
		return sc, err
	}
	sc.Source, sc.IDs = strings.TrimSpace(in.Source), in.IDs
	if strings.TrimSpace(in.Collection) != "" {
		if sc.IDs, err = a.collectionIDs(ctx, in.Collection, sc.IDs); err != nil {
			return sc, err
		}
	}
	if t := strings.ToUpper(strings.TrimSpace(in.Type)); t != "" {
		if !store.ValidType(t) {
			return sc, fmt.Errorf("%w: entity type %q: use PERSON, ORG, PLACE or MISC", ErrBadOptions, in.Type)
		}
		sc.EntityType = t
	}
	if e := strings.TrimSpace(in.Entity); e != "" {
		if id, err := strconv.ParseInt(e, 10, 64); err == nil {
			if _, err := a.st.Entity(ctx, id); err != nil {
				return sc, err
			}
			sc.EntityID, sc.EntityType = id, ""
		} else {
			if _, err := a.st.EntityByName(ctx, e); err != nil {
				return sc, err
			}
			sc.EntityName = e
		}
	}
	if strings.TrimSpace(in.Tag) != "" {
		if sc.Tag, err = annotate.NormalizeTag(in.Tag); err != nil {
			return sc, err
		}
	}
	return sc, nil
}

// ParseIDs reads a comma-separated list of article ids.
func ParseIDs(s string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%w: %q is not an article id", ErrBadOptions, f)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w: no article ids in %q", ErrBadOptions, s)
	}
	return ids, nil
}
