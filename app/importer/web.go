package importer

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"os"
	"strings"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/store"
)

// Fetcher downloads web documents; *fetch.Fetcher is the real one. Its
// errors wrap the fetch package's (fetch.ErrStatus, fetch.ErrTooLarge,
// fetch.ErrTimeout, fetch.ErrUnreachable, fetch.ErrBlocked...).
type Fetcher interface {
	Do(ctx context.Context, r fetch.Request) (fetch.Response, error)
}

// ErrNotPage reports a fetched document that is neither an HTML page nor a
// feed.
var ErrNotPage = errors.New("not an HTML page or a feed")

// fetcher returns the importer's Fetcher, or a default one.
func (a *Importer) fetcher() Fetcher {
	if a.Fetcher != nil {
		return a.Fetcher
	}
	return a.NewFetcher()
}

// NewFetcher returns a fetcher with the default limits that may reach the
// public internet and the networks in a.Allow.
func (a *Importer) NewFetcher() *fetch.Fetcher {
	f := fetch.New()
	f.Allow = a.Allow
	return f
}

// URL fetches a web page or feed and archives it, as Import does for
// each URL it is given. A page already archived from that URL becomes a
// new version of its article when its text changed, and a duplicate when
// it did not; a feed's items are archived one by one.
func (a *Importer) URL(ctx context.Context, rawURL string) (FileResult, error) {
	r := a.storeWeb(ctx, &webInput{url: rawURL}, rawURL)
	if ctx.Err() != nil {
		return r, fmt.Errorf("import %s: %w", rawURL, ctx.Err())
	}
	return r, nil
}

// storeWeb archives a URL or a feed file and reports it as one result.
func (a *Importer) storeWeb(ctx context.Context, w *webInput, path string) FileResult {
	if w.jsonl != "" {
		return a.storeJSONL(ctx, w.jsonl)
	}
	if w.warc != "" {
		return a.storeWebArchive(ctx, w.warc)
	}
	fail := func(err error) FileResult {
		return FileResult{Path: path, Status: StatusFailed, Error: err.Error()}
	}
	if w.feed != nil {
		return a.storeFeed(ctx, path, *w.feed, w.origin, a.Fetcher != nil)
	}
	resp, kind, err := a.fetchDocument(ctx, w.url)
	if err != nil {
		return fail(err)
	}
	if kind == kindFeed {
		f, err := feed.Parse(resp.Body, resp.URL)
		if err != nil {
			return fail(err)
		}
		resp.Body = nil // parsed: not held while the items are fetched
		return a.storeFeed(ctx, path, f, resp.URL, true)
	}
	art, orig, dropped, err := pageArticle(resp)
	if err != nil {
		return fail(fmt.Errorf("import %s: %w", w.url, err))
	}
	saved, err := a.st.SaveVersion(ctx, art, orig, resp.FetchedAt)
	if err != nil {
		return fail(err)
	}
	a.search.FingerprintSaved(ctx, saved, art)
	r := versionResult(path, art.Title, saved)
	if dropped != "" {
		r.Notes = append(r.Notes, dropped)
	}
	if saved.ArticleID != 0 {
		err := a.st.AddProvenance(ctx, []store.Provenance{{ArticleID: saved.ArticleID, Kind: store.ProvURL,
			Source: w.url, URL: resp.URL, CapturedAt: resp.FetchedAt}})
		if err != nil {
			r.Error = "archived, but its provenance was not recorded: " + err.Error()
		}
	}
	return r
}

// storeFeed archives the items of a feed file or URL (at most
// DefaultMaxItems of them) and reports them as one result, with the
// items' notes.
func (a *Importer) storeFeed(ctx context.Context, path string, f feed.Feed, origin string, online bool) FileResult {
	lim := FeedOptions{}.limits()
	kept, capNote := capItems(f.Items, lim)
	items := a.importItems(ctx, f, kept, origin, online, lim)
	r := describeFeedResult(path, f.Title, items)
	for _, n := range []string{f.Dropped, capNote} {
		if n != "" {
			r.Notes = append(r.Notes, n)
		}
	}
	for _, it := range items {
		if it.Note != "" {
			r.Notes = append(r.Notes, fmt.Sprintf("item %q: %s", it.Title, it.Note))
		}
	}
	return r
}

// fetchDocument downloads a URL and tells whether it is a page or a feed:
// by its Content-Type, or by its first element when the server sends none
// or a generic one. Anything else is an error wrapping ErrNotPage.
func (a *Importer) fetchDocument(ctx context.Context, rawURL string) (fetch.Response, docKind, error) {
	resp, err := a.fetchBody(ctx, rawURL)
	if err != nil {
		return resp, 0, err
	}
	if kind, ok := classifyDocument(resp); ok {
		return resp, kind, nil
	}
	return resp, 0, fmt.Errorf("fetch %s: content type %q: %w", rawURL, resp.ContentType, ErrNotPage)
}

// classifyDocument tells a fetched page from a feed by its Content-Type,
// or by its first element when the server sends none or a generic one;
// false for anything else.
func classifyDocument(resp fetch.Response) (docKind, bool) {
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	sniffed := sniffKind(resp.Body)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		if sniffed == kindFeed {
			return kindFeed, true
		}
		return kindHTML, true
	case strings.HasSuffix(mt, "+xml") || mt == "text/xml" || mt == "application/xml":
		if sniffed == kindHTML {
			return kindHTML, true
		}
		return kindFeed, true
	case mt == "" || mt == "text/plain" || mt == "application/octet-stream":
		if sniffed != kindText {
			return sniffed, true
		}
	}
	return 0, false
}

// fetchBody downloads a URL streaming its body into a temporary file, then
// reads it back in one allocation of its exact size: a page is held once,
// never in the growing buffers of a read of unknown length, and the caller
// releases it as soon as it is stored.
func (a *Importer) fetchBody(ctx context.Context, rawURL string) (fetch.Response, error) {
	tmp, err := os.CreateTemp("", "newsarchive-fetch-*")
	if err != nil {
		return fetch.Response{}, fmt.Errorf("fetch %s: temporary file: %w", rawURL, err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	resp, err := a.fetcher().Do(ctx, fetch.Request{URL: rawURL, To: tmp})
	if err != nil {
		return resp, err
	}
	if resp.Body == nil {
		if resp.Body, err = os.ReadFile(tmp.Name()); err != nil {
			return resp, fmt.Errorf("fetch %s: read back: %w", rawURL, err)
		}
	}
	return resp, nil
}

// pageArticle parses a fetched HTML page. The article's URL and origin are
// the final URL (after redirects); its original keeps the Content-Type
// header so that the stored copy decodes as it did online. dropped says
// what sanitising dropped, for the report.
func pageArticle(resp fetch.Response) (art store.Article, orig store.Original, dropped string, err error) {
	ia, err := htmlpage.Parse(resp.Body, resp.URL, resp.ContentType)
	if err != nil {
		return art, orig, "", err
	}
	art = articleFromIngest(ia, resp.URL)
	art.URL = resp.URL
	ct := resp.ContentType
	if ct == "" {
		ct = typeHTML
	}
	return art, store.Original{ContentType: ct, Data: resp.Body}, ia.Dropped, nil
}

// versionResult reports a saved version as an import result.
func versionResult(path, title string, saved store.SavedVersion) FileResult {
	r := FileResult{Path: path, Title: title}
	switch saved.Outcome {
	case store.VersionDuplicate:
		r.Status, r.DuplicateOf = StatusDuplicate, saved.ArticleID
		if saved.Duplicate != nil {
			r.Title = saved.Duplicate.Title
		}
	default:
		r.Status, r.ID = StatusImported, saved.ArticleID
	}
	return r
}

// MergeFile merges the JSONL export at path; see export.Exporter.Merge.
func (a *Importer) MergeFile(ctx context.Context, path string, opt export.MergeOptions, progress func(export.MergeReport)) (export.MergeReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return export.MergeReport{}, fmt.Errorf("import %s: %w", path, readError(err))
	}
	defer f.Close()
	rep, err := a.export.Merge(ctx, f, opt, progress)
	if err != nil {
		return rep, fmt.Errorf("import %s: %w", path, err)
	}
	return rep, nil
}

// storeJSONL merges a JSONL export file and reports it as one import result.
func (a *Importer) storeJSONL(ctx context.Context, path string) FileResult {
	rep, err := a.MergeFile(ctx, path, export.MergeOptions{}, nil)
	r := FileResult{Path: path, Status: StatusImported,
		Title: fmt.Sprintf("export: %d new, %d already archived of %d articles; %d corrections added",
			rep.Imported, rep.Duplicates, rep.Articles, rep.Corrections)}
	if left := rep.LocalSkipped + rep.EntitiesSkipped + rep.CorrectionsSkipped; left > 0 {
		r.Title += fmt.Sprintf("; %d changes to this archive's own data left alone (newsarchive merge --dry-run lists them)", left)
	}
	switch {
	case err != nil:
		r.Status, r.Error = StatusFailed, err.Error()
	case rep.Imported == 0 && rep.Articles > 0:
		r.Status = StatusDuplicate
	}
	return r
}
