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
// fetch.ErrTimeout, fetch.ErrUnreachable...).
type Fetcher interface {
	Fetch(ctx context.Context, rawURL string) (fetch.Response, error)
}

// ErrNotPage reports a fetched document that is neither an HTML page nor a
// feed.
var ErrNotPage = errors.New("not an HTML page or a feed")

// fetcher returns the App's Fetcher, or a default one.
func (a *Importer) fetcher() Fetcher {
	if a.Fetcher != nil {
		return a.Fetcher
	}
	return fetch.New()
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
		items := a.importItems(ctx, *w.feed, w.feed.Items, w.origin, a.Fetcher != nil)
		return describeFeedResult(path, w.feed.Title, items)
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
		items := a.importItems(ctx, f, f.Items, resp.URL, true)
		return describeFeedResult(path, f.Title, items)
	}
	art, orig, err := pageArticle(resp)
	if err != nil {
		return fail(fmt.Errorf("import %s: %w", w.url, err))
	}
	saved, err := a.st.SaveVersion(ctx, art, orig, resp.FetchedAt)
	if err != nil {
		return fail(err)
	}
	a.search.FingerprintSaved(ctx, saved, art)
	r := versionResult(path, art.Title, saved)
	if saved.ArticleID != 0 {
		err := a.st.AddProvenance(ctx, []store.Provenance{{ArticleID: saved.ArticleID, Kind: store.ProvURL,
			Source: w.url, URL: resp.URL, CapturedAt: resp.FetchedAt}})
		if err != nil {
			r.Error = "archived, but its provenance was not recorded: " + err.Error()
		}
	}
	return r
}

// fetchDocument downloads a URL and tells whether it is a page or a feed:
// by its Content-Type, or by its first element when the server sends none
// or a generic one. Anything else is an error wrapping ErrNotPage.
func (a *Importer) fetchDocument(ctx context.Context, rawURL string) (fetch.Response, docKind, error) {
	resp, err := a.fetcher().Fetch(ctx, rawURL)
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

// pageArticle parses a fetched HTML page. The article's URL and origin are
// the final URL (after redirects); its original keeps the Content-Type
// header so that the stored copy decodes as it did online.
func pageArticle(resp fetch.Response) (store.Article, store.Original, error) {
	ia, err := htmlpage.Parse(resp.Body, resp.URL, resp.ContentType)
	if err != nil {
		return store.Article{}, store.Original{}, err
	}
	art := articleFromIngest(ia, resp.URL)
	art.URL = resp.URL
	ct := resp.ContentType
	if ct == "" {
		ct = typeHTML
	}
	return art, store.Original{ContentType: ct, Data: resp.Body}, nil
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
func (a *Importer) MergeFile(ctx context.Context, path string, progress func(export.MergeReport)) (export.MergeReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return export.MergeReport{}, fmt.Errorf("import %s: %w", path, readError(err))
	}
	defer f.Close()
	rep, err := a.export.Merge(ctx, f, progress)
	if err != nil {
		return rep, fmt.Errorf("import %s: %w", path, err)
	}
	return rep, nil
}

// storeJSONL merges a JSONL export file and reports it as one import result.
func (a *Importer) storeJSONL(ctx context.Context, path string) FileResult {
	rep, err := a.MergeFile(ctx, path, nil)
	r := FileResult{Path: path, Status: StatusImported,
		Title: fmt.Sprintf("export: %d new, %d already archived of %d articles; %d corrections added",
			rep.Imported, rep.Duplicates, rep.Articles, rep.Corrections)}
	switch {
	case err != nil:
		r.Status, r.Error = StatusFailed, err.Error()
	case rep.Imported == 0 && rep.Articles > 0:
		r.Status = StatusDuplicate
	}
	return r
}
