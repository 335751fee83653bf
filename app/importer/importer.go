package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/store"
)

// Import statuses of a file.
const (
	StatusImported  = "imported"
	StatusDuplicate = "duplicate"
	StatusFailed    = "failed"
)

// FileResult is what became of one imported file.
type FileResult struct {
	Path        string `json:"path"`
	Status      string `json:"status"`
	ID          int64  `json:"id,omitempty"`
	Title       string `json:"title,omitempty"`
	DuplicateOf int64  `json:"duplicate_of,omitempty"`
	Error       string `json:"error,omitempty"`
	// Notes say what the import dropped or left out: links that are not
	// http(s), linked pages refused or not fetched, items over the caps.
	Notes []string `json:"notes,omitempty"`
	// Skipped counts the records of a web archive passed over, by reason
	// ("status 404", "not HTML: image/png", "malformed record").
	Skipped map[string]int `json:"skipped,omitempty"`
}

// Progress is the state of a running import.
type Progress struct {
	Done, Total                  int
	Imported, Duplicates, Failed int
	Elapsed                      time.Duration
}

// Rate returns files processed per second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Done) / p.Elapsed.Seconds()
}

// ETA estimates the time left.
func (p Progress) ETA() time.Duration {
	r := p.Rate()
	if r == 0 || p.Done >= p.Total {
		return 0
	}
	return time.Duration(float64(p.Total-p.Done) / r * float64(time.Second))
}

// Report sums up an import.
type Report struct {
	Results                               []FileResult
	Imported, Duplicates, Failed, Skipped int
	// SkippedRecords sums the web archive records passed over, by reason.
	SkippedRecords map[string]int
	Elapsed        time.Duration
}

// Options receive an import's progress; both may be nil. They are
// called from the importing goroutine, in file order.
type Options struct {
	OnProgress func(Progress)
	OnResult   func(FileResult)
	// FollowSymlinks follows symbolic links in folders that lead out of
	// the folder imported; without it they are reported, not followed.
	FollowSymlinks bool
}

// BatchSize is how many files are parsed in parallel and written in one
// transaction.
const BatchSize = 64

// parsed is one file read and parsed, ready to store.
type parsed struct {
	in   inputFile
	art  store.Article
	orig store.Original
	err  error
	web  *webInput // a URL or a feed: stored by storeWeb, outside the batch
	note string    // what sanitising dropped and the parser's Article.Note (e.g. a fallback), for the report
	prov store.Provenance
}

// Import reads files and folders into the archive. Each file is imported,
// found to be a duplicate, or fails with a reason; a failed file never stops
// the others. The error is for the archive itself failing or ctx ending;
// the report then covers the files done so far.
func (a *Importer) Import(ctx context.Context, paths []string, opt Options) (Report, error) {
	start := time.Now()
	files, skipped := collect(paths, opt.FollowSymlinks)
	rep := Report{Skipped: skipped}
	prog := Progress{Total: len(files)}
	emit := func(r FileResult) {
		rep.Results = append(rep.Results, r)
		switch r.Status {
		case StatusImported:
			rep.Imported++
		case StatusDuplicate:
			rep.Duplicates++
		default:
			rep.Failed++
		}
		for k, v := range r.Skipped {
			if rep.SkippedRecords == nil {
				rep.SkippedRecords = map[string]int{}
			}
			rep.SkippedRecords[k] += v
		}
		prog.Done, prog.Imported, prog.Duplicates, prog.Failed = len(rep.Results), rep.Imported, rep.Duplicates, rep.Failed
		prog.Elapsed = time.Since(start)
		if opt.OnResult != nil {
			opt.OnResult(r)
		}
		if opt.OnProgress != nil {
			opt.OnProgress(prog)
		}
	}
	if opt.OnProgress != nil {
		opt.OnProgress(prog)
	}
	// The next batch is parsed while this one is stored: on two cores the
	// parsing (language detection, fingerprints' text) and the writing
	// (the full-text index) take about as long as each other.
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	batches := make(chan []parsed, 1)
	go func() {
		defer close(batches)
		for lo := 0; lo < len(files) && pctx.Err() == nil; lo += BatchSize {
			select {
			case batches <- parseAll(files[lo:min(lo+BatchSize, len(files))]):
			case <-pctx.Done():
				return
			}
		}
	}()
	for batch := range batches {
		if err := ctx.Err(); err != nil {
			rep.Elapsed = time.Since(start)
			return rep, fmt.Errorf("import cancelled: %w", err)
		}
		if err := a.storeBatch(ctx, batch, emit); err != nil {
			rep.Elapsed = time.Since(start)
			return rep, err
		}
	}
	if err := ctx.Err(); err != nil && len(rep.Results) < len(files) {
		rep.Elapsed = time.Since(start)
		return rep, fmt.Errorf("import cancelled: %w", err)
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// parseAll reads and parses files on all cores.
func parseAll(files []inputFile) []parsed {
	out := make([]parsed, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.NumCPU(), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = parseFile(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func parseFile(in inputFile) parsed {
	if isURL(in.path) {
		return parsed{in: inputFile{path: in.path}, web: &webInput{url: in.path}}
	}
	p := parsed{in: in, err: in.err}
	if p.err != nil {
		return p
	}
	if strings.EqualFold(filepath.Ext(in.path), ".jsonl") {
		return parsed{in: in, web: &webInput{jsonl: in.path}}
	}
	origin, err := filepath.Abs(in.path)
	if err != nil {
		origin = in.path
	}
	switch sniffFormat(in.path) {
	case formatWARC:
		return parsed{in: in, web: &webInput{warc: in.path}}
	case formatPDF:
		return parsePDF(in, origin)
	}
	raw, err := readFile(in.path)
	if err != nil {
		p.err = err
		return p
	}
	p.art, p.orig, p.web, p.note, p.err = parseLocal(raw, in.path, origin)
	p.prov = store.Provenance{Kind: store.ProvFile, Source: origin}
	return p
}

// readFile reads a file of at most ingest.MaxSize bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > ingest.MaxSize {
		return nil, fmt.Errorf("%w (this file is %.1f MB)", ingest.ErrTooLarge, float64(info.Size())/(1<<20))
	}
	raw, err := io.ReadAll(io.LimitReader(f, ingest.MaxSize+1))
	if err != nil {
		return nil, readError(err)
	}
	if len(raw) > ingest.MaxSize {
		return nil, ingest.ErrTooLarge
	}
	return raw, nil
}

func articleFromIngest(a ingest.Article, origin string) store.Article {
	return store.Article{
		Title: a.Title, Headline: a.Headline, Published: a.Published, PublishedText: a.PublishedText,
		Byline: a.Byline, Source: a.Source, URL: a.URL, Language: a.Language, Body: a.Body,
		SummaryOnly: a.Summary, ContentHash: ingest.ContentHash(a.Title, a.Body), Origin: origin,
	}
}

// storeBatch writes the parsed files of a batch in one transaction and
// reports each file's result in order.
func (a *Importer) storeBatch(ctx context.Context, batch []parsed, emit func(FileResult)) error {
	var arts []store.Article
	var origs []store.Original
	var idx []int
	for i, p := range batch {
		if p.err == nil && p.web == nil {
			arts = append(arts, p.art)
			origs = append(origs, p.orig)
			idx = append(idx, i)
		}
	}
	results := make([]FileResult, len(batch))
	for i, p := range batch {
		results[i] = FileResult{Path: p.in.path, Status: StatusFailed}
		if p.err != nil {
			results[i].Error = p.err.Error()
		}
		if p.note != "" {
			results[i].Notes = []string{p.note}
		}
	}
	if len(arts) > 0 {
		ids, errs, err := a.st.CreateArticles(ctx, arts, origs)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		a.search.FingerprintBatch(ctx, arts, ids, errs)
		var provs []store.Provenance
		for k, i := range idx {
			r := &results[i]
			r.Title = arts[k].Title
			prov := batch[i].prov
			prov.URL = arts[k].URL
			var dup *store.DuplicateError
			if errors.As(errs[k], &dup) {
				r.Status, r.DuplicateOf = StatusDuplicate, dup.ID
				prov.ArticleID = dup.ID
			} else {
				r.Status, r.ID = StatusImported, ids[k]
				prov.ArticleID = ids[k]
			}
			if prov.Kind != "" && prov.ArticleID != 0 {
				provs = append(provs, prov)
			}
		}
		if err := a.st.AddProvenance(ctx, provs); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	for i, p := range batch {
		if p.err == nil && p.web != nil {
			results[i] = a.storeWeb(ctx, p.web, p.in.path)
		}
	}
	for _, r := range results {
		emit(r)
	}
	return nil
}
