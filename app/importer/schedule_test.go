package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest/opml"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// condSite serves one feed with an ETag, answers 304 to a request that
// sends it back, and fails with a status when told to.
type condSite struct {
	*httptest.Server
	mu       sync.Mutex
	body     string
	etag     string
	fail     int // status to fail with, 0 for none
	full, ok int // 200 and 304 answers
	sentTag  []string
}

func newCondSite(t *testing.T) *condSite {
	s := &condSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sentTag = append(s.sentTag, r.Header.Get("If-None-Match"))
		if s.fail != 0 {
			http.Error(w, "overloaded", s.fail)
			return
		}
		if r.Header.Get("If-None-Match") == s.etag {
			s.ok++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full++
		w.Header().Set("ETag", s.etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(s.body, "{base}", s.URL))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *condSite) set(body, etag string, fail int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.etag, s.fail = body, etag, fail
}

func (s *condSite) counts() (full, notModified int, lastTag string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full, s.ok, s.sentTag[len(s.sentTag)-1]
}

// TestRefreshDue runs a feed on its schedule: not due before its
// interval; a 304 imports nothing; a changed feed brings its new item;
// a failing feed backs off, doubling, and says why.
func TestRefreshDue(t *testing.T) {
	site := newCondSite(t)
	one := rssItem("a1", "Library reopens", "{base}/library", words("The town library reopened after a year of repairs.", 80), "")
	two := rssItem("a2", "Ferry timetable", "{base}/ferry", words("The winter ferry timetable adds a late sailing.", 80), "")
	site.set(rss(one), `"v1"`, 0)
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	ctx := context.Background()
	opt := importer.FeedOptions{Offline: true}
	add, err := a.Importer.AddFeed(ctx, site.URL+"/feed.xml", opt)
	if err != nil || add.Imported != 1 {
		t.Fatalf("add: %+v %v", add, err)
	}
	if add.Feed.ETag != `"v1"` || add.Feed.Interval != time.Hour {
		t.Errorf("after add: %+v", add.Feed.Schedule)
	}
	now := time.Now()
	if rs, err := a.Importer.RefreshDue(ctx, now, opt, nil); err != nil || len(rs) != 0 {
		t.Fatalf("refreshed before due: %+v %v", rs, err)
	}
	articles := func() int {
		n, err := a.Store.ArticleCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	clock := now.Add(61 * time.Minute)
	rs, err := a.Importer.RefreshDue(ctx, clock, opt, nil)
	if err != nil || len(rs) != 1 || !rs[0].NotModified || rs[0].Imported != 0 {
		t.Fatalf("304 refresh: %+v %v", rs, err)
	}
	if full, nm, tag := site.counts(); full != 1 || nm != 1 || tag != `"v1"` || articles() != 1 {
		t.Errorf("after 304: %d full, %d not modified, sent %q, %d articles", full, nm, tag, articles())
	}
	site.set(rss(two, one), `"v2"`, 0)
	if rs, err := a.Importer.RefreshDue(ctx, clock.Add(59*time.Minute), opt, nil); err != nil || len(rs) != 0 {
		t.Fatalf("refreshed before due again: %+v %v", rs, err)
	}
	clock = clock.Add(61 * time.Minute)
	rs, err = a.Importer.RefreshDue(ctx, clock, opt, nil)
	if err != nil || len(rs) != 1 || rs[0].Imported != 1 || rs[0].Seen != 1 || rs[0].Feed.ETag != `"v2"` {
		t.Fatalf("changed feed: %+v %v", rs, err)
	}
	site.set(rss(two, one), `"v2"`, http.StatusServiceUnavailable)
	var waits []time.Duration
	for i := 1; i <= 3; i++ {
		clock = clock.Add(100 * time.Hour)
		rs, err = a.Importer.RefreshDue(ctx, clock, opt, nil)
		if err != nil || len(rs) != 1 {
			t.Fatalf("failing refresh %d: %+v %v", i, rs, err)
		}
		f := rs[0].Feed
		if !strings.Contains(rs[0].Error, "503") || f.LastError != rs[0].Error || f.Failures != i {
			t.Errorf("failure %d: error %q, feed %q, %d failures", i, rs[0].Error, f.LastError, f.Failures)
		}
		waits = append(waits, f.NextDue.Sub(clock).Round(time.Minute))
	}
	if want := []time.Duration{time.Hour, 2 * time.Hour, 4 * time.Hour}; !reflect.DeepEqual(waits, want) {
		t.Errorf("backoff = %v, want %v", waits, want)
	}
	site.set(rss(two, one), `"v2"`, 0)
	rs, err = a.Importer.RefreshDue(ctx, clock.Add(5*time.Hour), opt, nil)
	if err != nil || len(rs) != 1 || rs[0].Error != "" || rs[0].Feed.Failures != 0 || rs[0].Feed.LastError != "" {
		t.Fatalf("recovery: %+v %v", rs, err)
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		interval time.Duration
		failures int
		want     time.Duration
	}{
		{time.Hour, 1, time.Hour},
		{time.Hour, 2, 2 * time.Hour},
		{time.Hour, 5, 16 * time.Hour},
		{time.Hour, 6, 24 * time.Hour},
		{time.Hour, 60, 24 * time.Hour},
		{48 * time.Hour, 3, 48 * time.Hour},
		{0, 1, store.DefaultFeedInterval},
	}
	for _, tt := range tests {
		if got := importer.Backoff(tt.interval, tt.failures); got != tt.want {
			t.Errorf("Backoff(%s, %d) = %s, want %s", tt.interval, tt.failures, got, tt.want)
		}
	}
}

// TestOPMLRoundTrip imports an OPML list with folders and categories,
// exports it, and reads the export back to the same subscriptions; a
// second import adds nothing; a malformed file is a clear error.
func TestOPMLRoundTrip(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	in := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News">
  <outline text="Local"><outline type="rss" text="Gazette" xmlUrl="https://gazette.example/rss" htmlUrl="https://gazette.example/" category="/local,towns"/></outline>
  <outline type="rss" text="World Wire" xmlUrl="https://wire.example/feed.atom"/>
</outline>
<outline type="rss" title="Tech &amp; Things" text="tech" xmlUrl="https://tech.example/index.xml"/>
<outline type="rss" text="Not a URL" xmlUrl="file:///etc/passwd"/>
</body></opml>`
	path := apptest.WriteFile(t, dir, "subs.opml", []byte(in))
	rep, err := a.Importer.ImportOPML(ctx, path)
	if err != nil || rep.Added != 3 || len(rep.Failed) != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	var buf bytes.Buffer
	if n, err := a.Importer.ExportOPML(ctx, &buf); err != nil || n != 3 {
		t.Fatalf("export: %d %v", n, err)
	}
	got, err := opml.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := opml.Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := orig.Subscriptions[:3]
	if !reflect.DeepEqual(got.Subscriptions, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got.Subscriptions, want)
	}
	rep, err = a.Importer.ImportOPML(ctx, path)
	if err != nil || rep.Added != 0 || rep.Existing != 3 {
		t.Errorf("second import: %+v %v", rep, err)
	}
	bad := apptest.WriteFile(t, dir, "bad.opml", []byte("<opml><body><outline xmlUrl='x'>"))
	if _, err := a.Importer.ImportOPML(ctx, bad); err == nil || !strings.Contains(err.Error(), "bad.opml") ||
		!strings.Contains(err.Error(), "OPML") {
		t.Errorf("malformed OPML: %v", err)
	}
	if _, err := a.Importer.ImportOPML(ctx, filepath.Join(dir, "missing.opml")); err == nil {
		t.Error("missing OPML: no error")
	}
}
