package importer_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/store"
)

// TestImportFeedCorpus imports every saved feed of the corpus: each
// imports or fails with a clear reason, importing them again adds
// nothing, and encoding.rss keeps its accents.
func TestImportFeedCorpus(t *testing.T) {
	dir := corpus.Path(t, "corpus", "feeds")
	a := apptest.Open(t)
	ctx := context.Background()
	rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(rep.Results) != len(entries) {
		t.Fatalf("%d results for %d files", len(rep.Results), len(entries))
	}
	for _, r := range rep.Results {
		name := filepath.Base(r.Path)
		t.Logf("%-30s %-9s %s %s", name, r.Status, r.Title, r.Error)
		switch {
		case name == "unrecognized.rss":
			if r.Status != importer.StatusFailed || !strings.Contains(r.Error, "not a feed") {
				t.Errorf("%s: %s %q, want failed: not a feed", name, r.Status, r.Error)
			}
		case r.Status == importer.StatusFailed:
			if r.Error == "" || len(r.Error) > 240 || strings.Contains(r.Error, "\n") {
				t.Errorf("%s: unclear reason %q", name, r.Error)
			}
		case r.Status == importer.StatusDuplicate: // itunes-keywords.rss repeats itunes-category.rss's only item
			if r.DuplicateOf == 0 {
				t.Errorf("%s: duplicate of nothing", name)
			}
		}
	}
	n, err := a.Store.ArticleCount(ctx)
	if err != nil || n < 100 {
		t.Fatalf("%d articles from the feeds (%v)", n, err)
	}
	again, err := a.Importer.Import(ctx, []string{dir}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Imported != 0 {
		t.Errorf("second import added %d feeds' items", again.Imported)
	}
	if m, _ := a.Store.ArticleCount(ctx); m != n {
		t.Errorf("second import: %d articles, had %d", m, n)
	}
	checkAccents(t, a)
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
}

// checkAccents checks the items of encoding.rss (ISO-8859-1, Portuguese).
func checkAccents(t *testing.T, a *apptest.Archive) {
	t.Helper()
	list, err := a.Store.Articles(context.Background(), store.SortID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var n, accented int
	for _, l := range list {
		if l.Source != "Jornal de Notícias - Últimas Notícias" {
			continue
		}
		n++
		if strings.ContainsAny(l.Title, "áàâãçéêíóôõúÁÉÍÓÚÇ") {
			accented++
		}
		if strings.ContainsRune(l.Title, '\uFFFD') || strings.Contains(l.Title, "Ã") {
			t.Errorf("mangled accents: %q", l.Title)
		}
	}
	if n < 30 || accented < n/4 {
		t.Errorf("%d articles from encoding.rss, %d with accents in the title", n, accented)
	}
}

// feedSite serves a feed and the pages its items link to, counting hits.
type feedSite struct {
	*httptest.Server
	mu    sync.Mutex
	feed  string            // the feed document, with {base} for the server's URL
	pages map[string]string // path -> HTML
	hits  map[string]int
}

func newFeedSite(t *testing.T) *feedSite {
	s := &feedSite{pages: map[string]string{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.hits[r.URL.Path]++
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(s.feed, "{base}", s.URL))
			return
		}
		page, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedSite) set(feedDoc string, pages map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feed = feedDoc
	for k, v := range pages {
		s.pages[k] = v
	}
}

func (s *feedSite) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// words repeats a sentence into a body of about n words.
func words(sentence string, n int) string {
	var b strings.Builder
	for b.Len() < n*6 {
		b.WriteString(sentence + " ")
	}
	return b.String()
}

func rssItem(guid, title, link, desc, content string) string {
	s := "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + link + "</link><description><![CDATA[" + desc + "]]></description>"
	if content != "" {
		s += "<content:encoded><![CDATA[" + content + "]]></content:encoded>"
	}
	return s + "</item>"
}

func rss(items ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Gazette</title><link>{base}/</link>` +
		strings.Join(items, "") + `</channel></rss>`
}

func storyPage(title, text string) string {
	return "<!DOCTYPE html><html lang=en><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
		strings.Join(strings.Split(text, ". "), ".</p><p>") + "</p></article></body></html>"
}

// TestFeedItems pulls a feed online: an item with full content is archived
// from the feed, a teaser from its linked page, and a teaser whose page is
// missing as its summary, marked SummaryOnly.
func TestFeedItems(t *testing.T) {
	site := newFeedSite(t)
	full := words("The harbour board published the full dredging plan for the estuary on Tuesday.", 120)
	pageText := words("Residents of the valley voted to keep the old stone bridge open to cyclists.", 150)
	site.set(rss(
		rssItem("g1", "Dredging plan published", "{base}/dredging", "Short teaser about dredging.", full),
		rssItem("g2", "Bridge vote", "{base}/bridge", "Teaser: the valley votes on its bridge.", ""),
		rssItem("g3", "Gone story", "{base}/gone", "Only the summary of a story whose page is gone.", ""),
	), map[string]string{"/bridge": storyPage("Bridge vote", pageText)})

	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	ctx := context.Background()
	r, err := a.Importer.AddFeed(ctx, site.URL+"/feed.xml", importer.FeedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Imported != 3 || r.Failed != 0 || len(r.Items) != 3 {
		t.Fatalf("pull: %+v", r)
	}
	wantSummary := []bool{false, false, true}
	wantText := []string{"dredging plan for the estuary", "old stone bridge open to cyclists", "whose page is gone"}
	for i, it := range r.Items {
		art, err := a.Store.Article(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if art.SummaryOnly != wantSummary[i] || !strings.Contains(art.Body, wantText[i]) {
			t.Errorf("item %d: summary %v, body %.80q", i, art.SummaryOnly, art.Body)
		}
		if art.Source == "" || art.URL == "" {
			t.Errorf("item %d: source %q url %q", i, art.Source, art.URL)
		}
	}
	if site.hitCount("/dredging") != 0 {
		t.Errorf("fetched the page of an item that carries its full text")
	}
	if r.Items[2].Note == "" || !strings.Contains(r.Items[2].Note, "404") {
		t.Errorf("missing page not explained: %q", r.Items[2].Note)
	}
	for _, it := range r.Items {
		art, _ := a.Store.Article(ctx, it.ID)
		o, err := a.Store.Original(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		again, err := importer.Reparse(o) // offline, from the stored item or page
		if err != nil || again.Body != art.Body || again.Title != art.Title {
			t.Errorf("item %q: re-read %v %q", it.Title, err, again.Title)
		}
	}
	o, err := a.Store.Original(ctx, r.Items[0].ID)
	if err != nil || o.ContentType != importer.TypeFeedItem || !json.Valid(o.Data) {
		t.Errorf("feed item original: %q %.80q %v", o.ContentType, o.Data, err)
	}
}

// TestFeedSubscription subscribes to a feed, refreshes it after a new item
// appears (only the new item is pulled), then unsubscribes.
func TestFeedSubscription(t *testing.T) {
	site := newFeedSite(t)
	one := rssItem("a1", "Library reopens", "{base}/library", words("The town library reopened after a year of repairs to its roof.", 80), "")
	two := rssItem("a2", "Ferry timetable", "{base}/ferry", words("The winter ferry timetable adds a late sailing on Fridays.", 80), "")
	site.set(rss(one), nil)
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	ctx := context.Background()
	opt := importer.FeedOptions{Offline: true}
	r, err := a.Importer.AddFeed(ctx, site.URL+"/feed.xml", opt)
	if err != nil || r.Imported != 1 {
		t.Fatalf("add: %+v %v", r, err)
	}
	if _, err := a.Importer.AddFeed(ctx, site.URL+"/feed.xml", opt); !errors.Is(err, store.ErrFeedExists) {
		t.Errorf("second subscription: %v, want ErrFeedExists", err)
	}
	site.set(rss(two, one), nil)
	r, err = a.Importer.RefreshFeed(ctx, r.Feed.ID, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Imported != 1 || r.Seen != 1 || len(r.Items) != 1 || r.Items[0].Title != "Ferry timetable" {
		t.Errorf("refresh: %+v", r)
	}
	if !r.Items[0].SummaryOnly {
		t.Errorf("offline teaser not marked summary-only")
	}
	r, err = a.Importer.RefreshFeed(ctx, r.Feed.ID, opt)
	if err != nil || r.Imported+r.Duplicates+r.Failed != 0 || r.Seen != 2 {
		t.Errorf("refresh with nothing new: %+v %v", r, err)
	}
	feeds, err := a.Store.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].Items != 2 || feeds[0].Title != "Test Gazette" || feeds[0].LastFetched.IsZero() {
		t.Fatalf("feeds: %+v %v", feeds, err)
	}
	site.Close()
	if _, err := a.Importer.RefreshFeed(ctx, feeds[0].ID, opt); !errors.Is(err, fetch.ErrUnreachable) {
		t.Errorf("refresh of a dead server: %v", err)
	}
	if f, _ := a.Store.Feed(ctx, feeds[0].ID); f.LastError == "" {
		t.Errorf("last error not recorded")
	}
	if err := a.Store.DeleteFeed(ctx, feeds[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.Store.ArticleCount(ctx); n != 2 {
		t.Errorf("%d articles after unsubscribing, want 2", n)
	}
}

// TestFeedFileSubscription subscribes to a saved feed file; a feed that
// is not one is refused without subscribing.
func TestFeedFileSubscription(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	doc := strings.ReplaceAll(rss(rssItem("f1", "Orchard harvest", "https://example.org/orchard",
		words("The orchard harvest was the largest in ten years, growers said.", 70), "")), "{base}", "https://example.org")
	p := apptest.WriteFile(t, dir, "saved.rss", []byte(doc))
	r, err := a.Importer.AddFeed(ctx, p, importer.FeedOptions{})
	if err != nil || r.Imported != 1 || r.Feed.URL != p {
		t.Fatalf("add file: %+v %v", r, err)
	}
	page := apptest.WriteFile(t, dir, "page.rss", []byte("<html><head><title>x</title></head><body>moved</body></html>"))
	if _, err := a.Importer.AddFeed(ctx, page, importer.FeedOptions{}); !errors.Is(err, feed.ErrNotFeed) {
		t.Errorf("HTML as feed: %v", err)
	}
	if fs, _ := a.Store.Feeds(ctx); len(fs) != 1 {
		t.Errorf("%d feeds, want 1", len(fs))
	}
}
