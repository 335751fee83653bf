package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// etagFeed serves one RSS feed with an ETag, 304 when it is sent back,
// and fails with a status when told to.
type etagFeed struct {
	mu        sync.Mutex
	body      string
	etag      string
	fail      int
	full, not int // 200 and 304 answers
	failed    int
}

func (f *etagFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.fail != 0:
		f.failed++
		http.Error(w, "down for maintenance", f.fail)
	case r.Header.Get("If-None-Match") == f.etag:
		f.not++
		w.WriteHeader(http.StatusNotModified)
	default:
		f.full++
		w.Header().Set("ETag", f.etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, f.body)
	}
}

func (f *etagFeed) set(etag string, fail int, titles ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var items strings.Builder
	for i, t := range titles {
		fmt.Fprintf(&items, "<item><guid>g%d</guid><title>%s</title><description>%s</description></item>", i, t,
			strings.Repeat("The harbour board met again on Tuesday to discuss the plans. ", 8))
	}
	f.body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>` + items.String() + `</channel></rss>`
	f.etag, f.fail = etag, fail
}

func (f *etagFeed) counts() (full, notModified, failed int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.full, f.not, f.failed
}

// TestFeedScheduleInWindow: while the window is open, a subscribed feed
// is refreshed when its interval has passed on the window's clock, not
// before; a 304 imports nothing; a new item is imported; a failing feed
// backs off (1 h, then 2 h) and the job says why.
func TestFeedScheduleInWindow(t *testing.T) {
	srv := &etagFeed{}
	srv.set(`"v1"`, 0, "Ferry terminal approved")
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)

	path := filepath.Join(t.TempDir(), "archive.db")
	a, err := app.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	f := fetch.New()
	f.AllowPrivate = true // the test server is on 127.0.0.1
	a.Importer.Fetcher = f
	ctx := context.Background()
	add, err := a.Importer.AddFeed(ctx, hs.URL+"/rss", importer.FeedOptions{Offline: true})
	if err != nil || add.Imported != 1 {
		t.Fatalf("subscribe: %+v %v", add, err)
	}
	if err := a.Importer.SetFeedOptions(ctx, add.Feed.ID, store.FeedOptions{Interval: time.Hour}); err != nil {
		t.Fatal(err)
	}
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()) }
	advance := func(d time.Duration) { clock.Add(int64(d)) }

	w := newWindow(test.NewTempApp(t), a, path, Options{Sync: true, NoTagging: true, ShownPath: "~/News/archive.db",
		FeedCheck: 10 * time.Millisecond, Now: now})
	w.win.Resize(fyne.NewSize(1100, 700))
	t.Cleanup(w.shutdown)

	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	articles := func() int {
		n, err := a.Search.ArticleCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	feedNow := func() store.Feed {
		fd, err := a.Importer.Feed(ctx, add.Feed.ID)
		if err != nil {
			t.Fatal(err)
		}
		return fd
	}

	time.Sleep(50 * time.Millisecond) // several looks: the feed is not due
	if full, nm, _ := srv.counts(); full != 1 || nm != 0 {
		t.Fatalf("fetched before due: %d full, %d not modified", full, nm)
	}
	advance(61 * time.Minute)
	waitFor("the 304", func() bool { _, nm, _ := srv.counts(); return nm == 1 })
	time.Sleep(30 * time.Millisecond)
	if full, nm, _ := srv.counts(); full != 1 || nm != 1 || articles() != 1 {
		t.Errorf("after the 304: %d full, %d not modified, %d articles", full, nm, articles())
	}

	srv.set(`"v2"`, 0, "Ferry terminal approved", "Harbour dredging starts")
	advance(61 * time.Minute)
	waitFor("the new item", func() bool { return articles() == 2 })

	srv.set(`"v3"`, http.StatusServiceUnavailable)
	advance(61 * time.Minute)
	waitFor("the first failure", func() bool { return feedNow().Failures == 1 })
	fd := feedNow()
	if !strings.Contains(fd.LastError, "503") || fd.NextDue.Sub(now()).Round(time.Minute) != time.Hour {
		t.Errorf("after one failure: %q, next in %s", fd.LastError, fd.NextDue.Sub(now()))
	}
	advance(61 * time.Minute)
	waitFor("the second failure", func() bool { return feedNow().Failures == 2 })
	if d := feedNow().NextDue.Sub(now()).Round(time.Minute); d != 2*time.Hour {
		t.Errorf("after two failures, next try in %s, want 2h", d)
	}
	advance(61 * time.Minute) // backing off: not due yet
	time.Sleep(50 * time.Millisecond)
	if _, _, failed := srv.counts(); failed != 2 {
		t.Errorf("%d failed fetches, want 2 (backing off)", failed)
	}

	w.stopFeedSchedule() // the widgets are the test's from here
	if n := len(w.jobs.box.Objects); n != 4 {
		t.Fatalf("%d jobs, want 4 (304, new item, two failures)", n)
	}
	card := w.jobs.box.Objects[0].(*widget.Card)
	if !strings.HasPrefix(card.Subtitle, "Imported 0, duplicates 0, failed 1") {
		t.Errorf("newest job: %q", card.Subtitle)
	}
	if _, ok := find(card, func(l *widget.Label) bool {
		return strings.Contains(l.Text, "503") && strings.Contains(l.Text, "failure 2")
	}); !ok {
		t.Error("the failed job does not say why")
	}
	if c := w.jobs.box.Objects[2].(*widget.Card); !strings.HasPrefix(c.Subtitle, "Imported 1, duplicates 0, failed 0") {
		t.Errorf("the job of the new item: %q", c.Subtitle)
	}
}
