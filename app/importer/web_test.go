package importer_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "web", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportLocalKinds imports HTML pages and feeds from files, known by
// their extension or sniffed, beside a text file.
func TestImportLocalKinds(t *testing.T) {
	page := readTestdata(t, "story.html")
	feedDoc := []byte(strings.ReplaceAll(rss(rssItem("k1", "Ferry strike ends", "https://courier.example/ferry",
		words("The ferry crews returned to work on Monday after a five-day strike over rosters.", 70), "")), "{base}", "https://courier.example"))
	tests := []struct {
		name     string
		data     []byte
		wantType string
		title    string
	}{
		{"story.html", page, importer.TypeHTML, "Tramway extension approved"},
		{"saved-page.txt", append([]byte("\xef\xbb\xbf\n  <!-- saved -->\n"), page...), importer.TypeHTML, "Tramway extension approved"},
		{"news.rss", feedDoc, importer.TypeFeedItem, "Ferry strike ends"},
		{"download", feedDoc, importer.TypeFeedItem, "Ferry strike ends"},
		{"note.txt", []byte("Council meets\n\nThe council meets on Thursday to discuss the tramway budget and the harbour.\n"), importer.TypeText, "Council meets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := apptest.Open(t)
			ctx := context.Background()
			p := apptest.WriteFile(t, t.TempDir(), tt.name, tt.data)
			rep, err := a.Importer.Import(ctx, []string{p}, importer.Options{})
			if err != nil || rep.Imported != 1 {
				t.Fatalf("%+v %v", rep.Results, err)
			}
			list, err := a.Store.Articles(ctx, "id", 0, 0)
			if err != nil || len(list) != 1 {
				t.Fatalf("%v %v", list, err)
			}
			art, _ := a.Store.Article(ctx, list[0].ID)
			o, err := a.Store.Original(ctx, art.ID)
			if err != nil || o.ContentType != tt.wantType {
				t.Errorf("original type %q (%v), want %q", o.ContentType, err, tt.wantType)
			}
			if art.Title != tt.title {
				t.Errorf("title %q, want %q", art.Title, tt.title)
			}
			if tt.wantType == importer.TypeHTML && (art.Origin != p || art.URL != "https://courier.example/news/tramway-extension" ||
				!strings.Contains(art.Body, "eleven thousand passengers") || strings.Contains(art.Body, "Bus fares")) {
				t.Errorf("page article: origin %q url %q body %.300q", art.Origin, art.URL, art.Body)
			}
		})
	}
}

// site is a test web server whose pages can change between requests.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	body map[string]string
}

func (s *site) setPage(path, html string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body[path] = html
}

func newSite(t *testing.T) *site {
	s := &site{body: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved/story", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/old", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler filler filler filler</p>\n", 1000))
		for written := 0; written < 100<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the client gave up, as it should
			}
		}
	})
	mux.HandleFunc("/huge-announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(100<<20))
		io.WriteString(w, "<html>")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		io.WriteString(w, "<html><head><title>Caf\xe9s de Lyon</title></head><body><article><h1>Caf\xe9s de Lyon</h1>"+
			strings.Repeat("<p>Les propri\xe9taires des caf\xe9s de Lyon ont protest\xe9 lundi contre la taxe sur les terrasses d'\xe9t\xe9.</p>", 6)+
			"</article></body></html>")
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		b, ok := s.body[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, b)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// testFetcher is the real fetcher with a timeout that leaves the race
// detector time to read 20 MB, allowed to reach the local test servers.
func testFetcher() *fetch.Fetcher {
	f := fetch.New()
	f.Timeout = 30 * time.Second
	f.AllowPrivate = true // the test servers listen on 127.0.0.1
	return f
}

// TestFetchPages imports URLs that redirect, fail, are too large, too slow,
// not pages, or declare their charset only in the header.
func TestFetchPages(t *testing.T) {
	s := newSite(t)
	s.setPage("/moved/story", string(readTestdata(t, "story.html")))
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	tests := []struct {
		path   string
		status string
		reason string // in the error, for failures
		check  func(t *testing.T, a *apptest.Archive, id int64)
	}{
		{"/old", importer.StatusImported, "", func(t *testing.T, a *apptest.Archive, id int64) {
			art, _ := a.Store.Article(context.Background(), id)
			if art.URL != s.URL+"/moved/story" || art.Origin != art.URL {
				t.Errorf("url %q origin %q, want the final URL", art.URL, art.Origin)
			}
		}},
		{"/hop", importer.StatusDuplicate, "", nil}, // two redirects to the same page
		{"/missing", importer.StatusFailed, "404", nil},
		{"/huge", importer.StatusFailed, "response body over the size limit", nil},
		{"/huge-announced", importer.StatusFailed, "response body over the size limit", nil},
		{"/slow", importer.StatusFailed, "timed out", nil},
		{"/image.png", importer.StatusFailed, "not an HTML page or a feed", nil},
		{"/latin1", importer.StatusImported, "", func(t *testing.T, a *apptest.Archive, id int64) {
			art, _ := a.Store.Article(context.Background(), id)
			if art.Title != "Cafés de Lyon" || !strings.Contains(art.Body, "propriétaires des cafés") {
				t.Errorf("charset from the header lost: %q %.80q", art.Title, art.Body)
			}
			checkOffline(t, a, id)
		}},
		{"-unreachable", importer.StatusFailed, "server unreachable", nil},
	}
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			a.Importer.Fetcher = testFetcher()
			if tt.path == "/slow" {
				a.Importer.Fetcher.(*fetch.Fetcher).Timeout = 300 * time.Millisecond
			}
			u := s.URL + tt.path
			if tt.path == "-unreachable" {
				u = deadURL + "/story"
			}
			rep, err := a.Importer.Import(context.Background(), []string{u}, importer.Options{})
			if err != nil || len(rep.Results) != 1 {
				t.Fatalf("%+v %v", rep, err)
			}
			r := rep.Results[0]
			if r.Status != tt.status || !strings.Contains(r.Error, tt.reason) || r.Path != u {
				t.Fatalf("%s: %s %q, want %s %q", u, r.Status, r.Error, tt.status, tt.reason)
			}
			if tt.status == importer.StatusFailed && (len(r.Error) > 300 || strings.Contains(r.Error, "\n")) {
				t.Errorf("unclear reason %q", r.Error)
			}
			if tt.check != nil {
				tt.check(t, a, r.ID)
			}
		})
	}
}

// checkOffline re-reads an article's stored original as the importer
// would, without the network, and finds the same text.
func checkOffline(t *testing.T, a *apptest.Archive, id int64) {
	t.Helper()
	ctx := context.Background()
	art, err := a.Store.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	o, err := a.Store.Original(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	again, err := htmlpage.Parse(o.Data, art.URL, o.ContentType)
	if err != nil || again.Body != art.Body || again.Title != art.Title {
		t.Errorf("offline re-parse differs: %v %q", err, again.Title)
	}
}

// TestSnapshots fetches a page three times: unchanged it is a duplicate,
// changed it is a new version of the same article, whose text (and the
// full-text index) follows the newest version.
func TestSnapshots(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	v1 := string(readTestdata(t, "story.html"))
	v2 := strings.Replace(v1, "eleven thousand passengers", "fourteen thousand passengers, after a revised forecast,", 1)
	s.setPage("/news/tram", v1)
	u := s.URL + "/news/tram"

	first, err := a.Importer.URL(ctx, u)
	if err != nil || first.Status != importer.StatusImported {
		t.Fatalf("first fetch: %+v %v", first, err)
	}
	same, err := a.Importer.URL(ctx, u)
	if err != nil || same.Status != importer.StatusDuplicate || same.DuplicateOf != first.ID {
		t.Fatalf("unchanged page: %+v %v", same, err)
	}
	s.setPage("/news/tram", v2)
	changed, err := a.Importer.URL(ctx, u)
	if err != nil || changed.Status != importer.StatusImported || changed.ID != first.ID {
		t.Fatalf("changed page: %+v %v", changed, err)
	}
	snaps, err := a.Store.Snapshots(ctx, first.ID)
	if err != nil || len(snaps) != 2 || snaps[0].ContentHash == snaps[1].ContentHash || snaps[1].Version != 2 ||
		snaps[1].FetchedAt.Before(snaps[0].FetchedAt) {
		t.Fatalf("snapshots: %+v %v", snaps, err)
	}
	old, err := a.Store.SnapshotOriginal(ctx, snaps[0].ID)
	if err != nil || string(old.Data) != v1 {
		t.Errorf("first version's bytes not kept: %v", err)
	}
	if v, err := a.Importer.SnapshotArticle(ctx, snaps[0].ID); err != nil || !strings.Contains(v.Body, "eleven thousand") {
		t.Errorf("first version re-read: %v %.100q", err, v.Body)
	}
	if _, err := a.Importer.Snapshots(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("snapshots of a missing article: %v", err)
	}
	art, _ := a.Store.Article(ctx, first.ID)
	if !strings.Contains(art.Body, "fourteen thousand") || art.ContentHash != snaps[1].ContentHash {
		t.Errorf("article does not show the newest version: %.200q", art.Body)
	}
	if n, _ := a.Store.ArticleCount(ctx); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	for q, want := range map[string]int{"fourteen": 1, "eleven": 0} {
		res, err := a.Search.Search(ctx, q, search.Options{Limit: 5})
		if err != nil || res.Total != want {
			t.Errorf("search %q: %d hits (%v), want %d", q, res.Total, err, want)
		}
	}
	back, err := a.Importer.URL(ctx, u) // unchanged again
	if err != nil || back.Status != importer.StatusDuplicate {
		t.Errorf("refetch of the newest version: %+v %v", back, err)
	}
	s.Close()
	checkOffline(t, a, first.ID)
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
}

// TestFetchFeedURL imports a feed by URL: its items become articles.
func TestFetchFeedURL(t *testing.T) {
	site := newFeedSite(t)
	site.set(rss(rssItem("u1", "Harbour lights", "{base}/lights", words("The harbour lights were switched to LED lamps this week.", 70), "")), nil)
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	rep, err := a.Importer.Import(context.Background(), []string{site.URL + "/feed.xml"}, importer.Options{})
	if err != nil || rep.Imported != 1 || !strings.Contains(rep.Results[0].Title, "1 new") {
		t.Fatalf("%+v %v", rep.Results, err)
	}
	if n, _ := a.Store.ArticleCount(context.Background()); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

// FuzzSniffKind checks that sniffing never panics and that a document
// sniffed as a page or feed starts with markup.
func FuzzSniffKind(f *testing.F) {
	for _, s := range []string{"<!DOCTYPE html><p>x", "<?xml version='1.0'?><rss>", "\xef\xbb\xbf<feed xmlns=''>", "Title\n\nBody", "<!-- x", "<?xml"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if k := importer.SniffKind(raw); k != importer.KindText && !strings.Contains(string(raw), "<") {
			t.Errorf("%q sniffed as %d without any markup", raw, k)
		}
	})
}

// BenchmarkSniffKind measures sniffing a saved page.
func BenchmarkSniffKind(b *testing.B) {
	page := readTestdata(b, "story.html")
	for b.Loop() {
		importer.SniffKind(page)
	}
}
