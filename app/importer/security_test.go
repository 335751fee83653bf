package importer_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// allArticles reads every article of the archive.
func allArticles(t *testing.T, a *apptest.Archive) []store.Article {
	t.Helper()
	ctx := context.Background()
	list, err := a.Store.Articles(ctx, store.SortID, 10000, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]store.Article, len(list))
	for i, l := range list {
		if out[i], err = a.Store.Article(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// secretServer serves a "secret" page on 127.0.0.2, a local address the
// importer is not allowed to reach, and counts its hits.
func secretServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	var hits atomic.Int32
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, storyPage("Internal salaries", words("SECRET the internal salary table of the whole company.", 80)))
	}))
	s.Listener.Close()
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s, &hits
}

// TestFeedLinksStayOffTheLocalNetwork (#15 finding 1): a feed from an
// allowed intranet server (127.0.0.1) links to other local addresses,
// directly and through a redirect; `import URL` fetches none of them and
// the secret page never lands in the archive.
func TestFeedLinksStayOffTheLocalNetwork(t *testing.T) {
	secret, hits := secretServer(t)
	site := newFeedSite(t)
	site.set(rss(
		rssItem("s1", "Direct", secret.URL+"/secret", "Teaser one.", ""),
		rssItem("s2", "Redirected", "{base}/redirect", "Teaser two.", ""),
		rssItem("s3", "Metadata", "http://169.254.169.254/latest/meta-data/", "Teaser three.", ""),
		rssItem("s4", "Fine", "{base}/fine", "Teaser four.", ""),
	), map[string]string{"/fine": storyPage("Fine story", words("The harbour reopened to ferries on Monday.", 80))})
	redirect := httptest.NewServer(http.RedirectHandler(secret.URL+"/secret", http.StatusFound))
	t.Cleanup(redirect.Close)
	site.set(strings.ReplaceAll(site.feed, "{base}/redirect", redirect.URL), nil)

	a := apptest.Open(t)
	a.Importer.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	ctx := context.Background()
	rep, err := a.Importer.Import(ctx, []string{site.URL + "/feed.xml"}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the secret server was reached %d times", n)
	}
	for _, art := range allArticles(t, a) {
		if strings.Contains(art.Body, "SECRET") {
			t.Errorf("the secret page landed in the archive: article %d %q", art.ID, art.Title)
		}
	}
	notes := ""
	for _, it := range rep.Results {
		notes += strings.Join(it.Notes, "\n")
	}
	for _, want := range []string{"127.0.0.2", "169.254.169.254"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the refused link to %s is not reported: %q", want, notes)
		}
	}
	if site.hitCount("/fine") != 1 {
		t.Errorf("the allowed page was fetched %d times", site.hitCount("/fine"))
	}
}

// TestFeedCannotRewriteArchivedArticle (#15 finding 2): an item whose
// link is the URL of an article fetched before, carrying its own text,
// becomes a new article and leaves that one and its versions alone; the
// same feed may update its own article; a fetch of the URL itself still
// makes a new version.
func TestFeedCannotRewriteArchivedArticle(t *testing.T) {
	site := newFeedSite(t)
	truth := words("The council approved the new bus lanes on the high street after a long debate.", 120)
	site.set(rss(), map[string]string{"/story": storyPage("Bus lanes approved", truth)})
	a := apptest.Open(t)
	a.Importer.Fetcher = testFetcher()
	ctx := context.Background()
	story := site.URL + "/story"
	first, err := a.Importer.URL(ctx, story)
	if err != nil || first.Status != importer.StatusImported {
		t.Fatalf("fetch the story: %+v %v", first, err)
	}
	var text atomic.Value
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(rssItem("x1", "Bus lanes scrapped", story, "teaser", text.Load().(string))))
	}))
	t.Cleanup(evil.Close)
	lie := words("The council scrapped the bus lanes and resigned in disgrace.", 120)
	steps := []struct {
		name   string
		text   string
		fresh  bool // a new article, not the story
		body   string
		status string
	}{
		{"foreign feed claims the URL", lie, true, "resigned in disgrace", importer.StatusImported},
		{"the same feed edits its item", lie + " Updated.", true, "Updated.", importer.StatusImported},
	}
	var feedArticle int64
	for _, st := range steps {
		text.Store(st.text)
		rep, err := a.Importer.Import(ctx, []string{evil.URL + "/feed.xml"}, importer.Options{})
		if err != nil || len(rep.Results) != 1 || rep.Results[0].Status != st.status {
			t.Fatalf("%s: %+v %v", st.name, rep, err)
		}
		id := rep.Results[0].ID
		if st.fresh && id == first.ID {
			t.Errorf("%s: stored into the fetched article %d", st.name, id)
		}
		if feedArticle == 0 {
			feedArticle = id
		} else if id != feedArticle {
			t.Errorf("%s: article %d, want the feed's own %d", st.name, id, feedArticle)
		}
		art, err := a.Store.Article(ctx, id)
		if err != nil || !strings.Contains(art.Body, st.body) {
			t.Errorf("%s: article %d body %.60q %v", st.name, id, art.Body, err)
		}
	}
	art, err := a.Store.Article(ctx, first.ID)
	if err != nil || !strings.Contains(art.Body, "approved the new bus lanes") || art.Origin != story {
		t.Errorf("the fetched article was rewritten: %.80q origin %q %v", art.Body, art.Origin, err)
	}
	if snaps, err := a.Importer.Snapshots(ctx, first.ID); err != nil || len(snaps) != 1 {
		t.Errorf("the fetched article has %d versions, want 1 (%v)", len(snaps), err)
	}
	site.set(rss(), map[string]string{"/story": storyPage("Bus lanes approved", truth+" Correction appended.")})
	again, err := a.Importer.URL(ctx, story)
	if err != nil || again.ID != first.ID {
		t.Fatalf("fetch again: %+v %v", again, err)
	}
	if snaps, _ := a.Importer.Snapshots(ctx, first.ID); len(snaps) != 2 {
		t.Errorf("a fetch of the URL made %d versions, want 2", len(snaps))
	}
}

// TestItemLinksHTTPOnly (#15 finding 10): a feed file whose items link to
// file: and javascript: URLs imports the items without those links and
// says which were dropped.
func TestItemLinksHTTPOnly(t *testing.T) {
	doc := strings.ReplaceAll(rss(
		rssItem("f1", "Passwords", "file:///etc/passwd", words("An item that links to a local file.", 40), ""),
		rssItem("f2", "Script", "javascript:alert(1)", words("An item that links to a script.", 40), ""),
	), "{base}", "https://example.org")
	p := apptest.WriteFile(t, t.TempDir(), "links.rss", []byte(doc))
	a := apptest.Open(t)
	rep, err := a.Importer.Import(context.Background(), []string{p}, importer.Options{})
	if err != nil || rep.Imported != 1 || len(rep.Results) != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	for _, art := range allArticles(t, a) {
		if art.URL != "" {
			t.Errorf("article %q kept the link %q", art.Title, art.URL)
		}
	}
	notes := strings.Join(rep.Results[0].Notes, "\n")
	for _, want := range []string{"file:///etc/passwd", "javascript:"} {
		if !strings.Contains(notes, want) {
			t.Errorf("dropped link %s not reported: %q", want, notes)
		}
	}
}
