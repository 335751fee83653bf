package importer_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
)

// bigPageSite serves a feed of n teasers whose pages are size bytes each,
// and records how many pages were being served at once at most.
type bigPageSite struct {
	*httptest.Server
	mu             sync.Mutex
	inFlight, most int
	pagesServed    int
	feedDoc        string
}

func newBigPageSite(t *testing.T, n, size int) *bigPageSite {
	s := &bigPageSite{}
	var items []string
	for i := range n {
		items = append(items, rssItem(fmt.Sprint("g", i), fmt.Sprintf("Story %d", i), fmt.Sprintf("{base}/p%d", i),
			fmt.Sprintf("Teaser %d of a long story.", i), ""))
	}
	s.feedDoc = rss(items...)
	para := words("The port authority published its yearly report on cargo and ferries.", 60)
	var b strings.Builder
	for b.Len() < size {
		b.WriteString("<p>" + para + "</p>\n")
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, strings.ReplaceAll(s.feedDoc, "{base}", s.URL))
			return
		}
		s.mu.Lock()
		s.inFlight++
		s.pagesServed++
		s.most = max(s.most, s.inFlight)
		s.mu.Unlock()
		defer func() { s.mu.Lock(); s.inFlight--; s.mu.Unlock() }()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1>%s<p>%s</p></article></body></html>",
			r.URL.Path, r.URL.Path, b.String(), r.URL.Path)
	}))
	t.Cleanup(s.Close)
	return s
}

// TestFeedPullCaps (#15 finding 3): a pull archives at most MaxItems new
// items (the others come with the next pull), fetches pages while under
// MaxBytes (then keeps summaries, saying so), and fetches a few pages at
// a time.
func TestFeedPullCaps(t *testing.T) {
	const n, size = 14, 256 << 10
	s := newBigPageSite(t, n, size)
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	ctx := context.Background()
	opt := importer.FeedOptions{MaxItems: 10, MaxBytes: 5 * size / 2}
	r, err := a.Importer.AddFeed(ctx, s.URL+"/feed.xml", opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Imported != 10 || r.Left != 4 || !strings.Contains(r.Note, "4 left for the next pull") {
		t.Errorf("first pull: %d imported, %d left, note %q", r.Imported, r.Left, r.Note)
	}
	full, capped := 0, 0
	for _, it := range r.Items {
		switch {
		case !it.SummaryOnly:
			full++
		case strings.Contains(it.Note, "the cap"):
			capped++
		}
	}
	// pages are fetched four at a time: the first group passes 2.5 pages
	if full != 4 || capped != 6 || s.pagesServed != 4 {
		t.Errorf("%d full, %d capped summaries, %d pages served; want 4, 6, 4", full, capped, s.pagesServed)
	}
	r, err = a.Importer.RefreshFeed(ctx, r.Feed.ID, importer.FeedOptions{MaxItems: 10})
	if err != nil || r.Imported != 4 || r.Left != 0 || r.Seen != 10 {
		t.Errorf("second pull: %d imported, %d left, %d seen, %v", r.Imported, r.Left, r.Seen, err)
	}
	if s.most > 4 {
		t.Errorf("%d pages fetched at once, want at most 4", s.most)
	}
}
