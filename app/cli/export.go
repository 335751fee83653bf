package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

const exportUsage = "--format F [--out PATH [--force]] [--table T] [--query Q] [--from D] [--to D] [--source S] " +
	"[--entity E] [--type T] [--tag T] [--ids 1,2,3] [--collection NAME]"

func runExport(ctx context.Context, c *session, args []string) int {
	fs := c.flags("export", exportUsage)
	var opt export.Options
	format := fs.String("format", "", "jsonl, csv, markdown, gexf, graphml, ris, bibtex, csl-json or annotations (W3C Web Annotation JSON-LD of the highlights)")
	out := fs.String("out", "", "write to this file (markdown: this folder) instead of stdout")
	fs.StringVar(&opt.Table, "table", "", "csv: articles (default), entities, mentions, cooccurrence or highlights")
	fs.StringVar(&opt.Scope.Query, "query", "", "only articles matching this full-text query")
	fs.StringVar(&opt.Scope.From, "from", "", "published on or after DATE (YYYY[-MM[-DD]])")
	fs.StringVar(&opt.Scope.To, "to", "", "published on or before DATE")
	fs.StringVar(&opt.Scope.Source, "source", "", "only articles from this source")
	fs.StringVar(&opt.Scope.Entity, "entity", "", "only articles mentioning this entity (id or name)")
	fs.StringVar(&opt.Scope.Type, "type", "", "entity type: with --entity, of this type; alone, articles mentioning one")
	fs.StringVar(&opt.Scope.Tag, "tag", "", "only articles carrying this tag")
	ids := fs.String("ids", "", "only these articles (comma-separated ids)")
	force := fs.Bool("force", false, "overwrite the --out file when it exists")
	fs.StringVar(&opt.Scope.Collection, "collection", "", "only the articles of this collection")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) > 0 || *format == "" {
		fs.Usage()
		return ExitUsage
	}
	opt.Format = export.Format(*format)
	if *ids != "" {
		var err error
		if opt.Scope.IDs, err = export.ParseIDs(*ids); err != nil {
			return c.usageError("export", err)
		}
	}
	if opt.Format == export.FormatMarkdown && *out == "" {
		return c.usageError("export", errors.New("markdown writes a folder: give --out DIR"))
	}
	if *out != "" && opt.Format != export.FormatMarkdown {
		if err := checkExportOut(*out, c.dbPath, *force); err != nil {
			return c.fail(fmt.Errorf("export: %w", err))
		}
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	opt.OnProgress = c.exportProgress()
	var st export.Stats
	switch {
	case opt.Format == export.FormatMarkdown:
		st, err = a.Exporter.Markdown(ctx, *out, opt)
	case *out == "":
		st, err = a.Exporter.Write(ctx, c.Stdout, opt)
	default:
		st, err = exportFile(ctx, a, *out, opt)
	}
	c.endProgress()
	if errors.Is(err, export.ErrBadOptions) || errors.Is(err, search.ErrBadQuery) || errors.Is(err, annotate.ErrBadTag) {
		return c.usageError("export", err)
	}
	if errors.Is(err, store.ErrNotFound) {
		return c.fail(fmt.Errorf("export: %w", err))
	}
	if err != nil {
		return c.fail(err)
	}
	if *out != "" {
		fmt.Fprintf(c.Stderr, "exported %d %s to %s in %s\n", st.Articles, unit(opt), *out, st.Elapsed.Round(time.Millisecond))
	}
	return ExitOK
}

// unit names what an export counts.
func unit(opt export.Options) string {
	switch {
	case opt.Format == export.FormatGEXF || opt.Format == export.FormatGraphML:
		return "nodes and edges"
	case opt.Table != "" && opt.Table != export.TableArticles:
		return "rows"
	}
	return "articles"
}

// exportFile writes an export to a temporary file beside path, renamed
// over it when complete: a failed export leaves no half-written file.
func exportFile(ctx context.Context, a *app.App, path string, opt export.Options) (export.Stats, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return export.Stats{}, fmt.Errorf("export to %s: %w", path, err)
	}
	st, err := a.Exporter.Write(ctx, f, opt)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("export to %s: %w", path, cerr)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return st, err
	}
	return st, nil
}

// exportProgress returns a progress callback drawing a line on a terminal,
// or nil when stderr is not one.
func (c *session) exportProgress() func(export.Progress) {
	if !isTerminal(c.Stderr) {
		return nil
	}
	var last time.Time
	return func(p export.Progress) {
		if time.Since(last) < 100*time.Millisecond && p.Done != p.Total {
			return
		}
		last = time.Now()
		if p.Total > 0 {
			fmt.Fprintf(c.Stderr, "\r\033[Kexporting %d/%d articles (%d%%)", p.Done, p.Total, p.Done*100/p.Total)
		} else {
			fmt.Fprintf(c.Stderr, "\r\033[Kexporting: %d written", p.Done)
		}
	}
}

// usageError prints a usage error and returns ExitUsage.
func (c *session) usageError(cmd string, err error) int {
	fmt.Fprintf(c.Stderr, "newsarchive: %s: %v\n", cmd, err)
	return ExitUsage
}

func runMerge(ctx context.Context, c *session, args []string) int {
	fs := c.flags("merge", "[--dry-run] [--apply-corrections] FILE.jsonl   (an export made by `newsarchive export --format jsonl`)")
	var opt export.MergeOptions
	fs.BoolVar(&opt.DryRun, "dry-run", false, "check the export and list what --apply-corrections would change here; write nothing")
	fs.BoolVar(&opt.ApplyCorrections, "apply-corrections", false,
		"let the export change this archive's own data: apply its entity corrections, add its tags and notes to articles archived here")
	a, rest, code := c.begin(ctx, fs, args, exactly(1))
	if code >= 0 {
		return code
	}
	var progress func(export.MergeReport)
	if isTerminal(c.Stderr) {
		progress = func(r export.MergeReport) { fmt.Fprintf(c.Stderr, "\r\033[Kmerging: %d articles read", r.Articles) }
	}
	rep, err := a.Importer.MergeFile(ctx, rest[0], opt, progress)
	if progress != nil {
		fmt.Fprint(c.Stderr, "\r\033[K")
	}
	printMerge(c.Stdout, rep, opt)
	if err != nil {
		return c.fail(err)
	}
	return ExitOK
}
