package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// importResult is the JSON line import prints per file.
type importResult struct {
	Path        string `json:"path"`
	Status      string `json:"status"`
	ID          int64  `json:"id"`
	DuplicateOf int64  `json:"duplicate_of"`
	Error       string `json:"error"`
}

func importJSON(t *testing.T, out string) []importResult {
	t.Helper()
	var rs []importResult
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r importResult
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("bad JSON line: %v in %q", err, out)
		}
		rs = append(rs, r)
	}
	return rs
}

// TestImportHTMLPages imports every page of the HTML corpus through
// `newsarchive import`: each is archived or an exact duplicate.
func TestImportHTMLPages(t *testing.T) {
	dir := corpus.Path(t, "corpus", "html-pages")
	pages, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	db := filepath.Join(t.TempDir(), "a.db")
	code, out, errs := run(t, db, append([]string{"import", "--json", "--no-tag"}, pages...)...)
	rs := importJSON(t, out)
	if code != ExitOK || len(rs) != len(pages) {
		t.Fatalf("exit %d, %d results for %d pages: %s", code, len(rs), len(pages), errs)
	}
	// rtl-1..4 and lifehacker-working/-post-comment-load are the same
	// story saved with other markup: the copies are exact duplicates.
	dups := 0
	for _, r := range rs {
		switch {
		case r.Status == "duplicate" && r.DuplicateOf > 0:
			dups++
		case r.Status != "imported":
			t.Errorf("%s: %s %s", r.Path, r.Status, r.Error)
		}
	}
	if dups > 10 {
		t.Errorf("%d of %d pages taken for duplicates", dups, len(rs))
	}
	t.Logf("%d pages: %d imported, %d duplicates of the same text", len(rs), len(rs)-dups, dups)
}

// TestImportFeedFile imports a saved feed; the second import adds nothing.
func TestImportFeedFile(t *testing.T) {
	dir := corpus.Path(t, "corpus", "feeds")
	db := filepath.Join(t.TempDir(), "a.db")
	p := filepath.Join(dir, "encoding.rss")
	code, out, errs := run(t, db, "import", p)
	if code != ExitOK || !strings.Contains(out, "imported 1,") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	code, out, _ = run(t, db, "import", p)
	if code != ExitOK || !strings.Contains(out, "imported 0, duplicates 1") || !strings.Contains(out, "0 new") {
		t.Errorf("second import: exit %d: %s", code, out)
	}
	code, out, _ = run(t, db, "import", filepath.Join(dir, "unrecognized.rss"))
	if code != ExitFailed || !strings.Contains(out, "not a feed") {
		t.Errorf("unrecognized.rss: exit %d: %s", code, out)
	}
	code, out, _ = run(t, db, "list")
	if code != ExitOK || !strings.Contains(out, "(Jornal de Notícias - Últimas Notícias)") {
		t.Errorf("list: %s", out)
	}
}

const storyHTML = `<!DOCTYPE html><html lang="en"><head><title>%s</title></head><body><article><h1>%s</h1>
<p>The regional council approved on Wednesday a four-kilometre extension of the tramway to the new hospital on the eastern bank.</p>
<p>Construction is due to start next spring and to last about thirty months, with %s passengers a day expected.</p>
<p>Opponents had argued that a bus lane would cost a third as much, but the transport committee disagreed with them.</p>
<p>Shop owners on Quay Street asked for compensation during the works, and the council said a fund would be set up.</p>
</article></body></html>`

// testSite serves story pages that can change, and a feed.
type testSite struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]string
}

func newTestSite(t *testing.T) *testSite {
	s := &testSite{pages: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		body, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		switch {
		case !ok:
			http.NotFound(w, r)
		case strings.HasSuffix(r.URL.Path, ".xml"):
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, strings.ReplaceAll(body, "{base}", s.URL))
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, body)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testSite) set(path, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = body
}

// TestFetchAndSnapshots fetches a page with import and its alias fetch:
// unchanged it is a duplicate, changed a new version listed by snapshots.
func TestFetchAndSnapshots(t *testing.T) {
	t.Setenv(app.EnvAllowNet, "127.0.0.1") // the test site
	s := newTestSite(t)
	db := filepath.Join(t.TempDir(), "a.db")
	u := s.URL + "/tram"
	s.set("/tram", fmt.Sprintf(storyHTML, "Tram extension", "Tram extension", "eleven thousand"))
	code, out, errs := run(t, db, "import", "--json", "--allow-net", "127.0.0.1", u)
	rs := importJSON(t, out)
	if code != ExitOK || len(rs) != 1 || rs[0].Status != "imported" || rs[0].Path != u {
		t.Fatalf("import URL: exit %d %s %s", code, out, errs)
	}
	id := rs[0].ID
	code, out, _ = run(t, db, "fetch", "--allow-net", "127.0.0.1/32", u)
	if code != ExitOK || !strings.Contains(out, fmt.Sprintf("duplicate: %s is article %d", u, id)) {
		t.Errorf("unchanged: exit %d %s", code, out)
	}
	s.set("/tram", fmt.Sprintf(storyHTML, "Tram extension", "Tram extension", "fourteen thousand"))
	code, out, errs = run(t, db, "fetch", "--json", "--allow-net=127.0.0.1", u)
	if rs := importJSON(t, out); code != ExitOK || len(rs) != 1 || rs[0].ID != id {
		t.Fatalf("changed: exit %d %s %s", code, out, errs)
	}
	code, out, _ = run(t, db, "snapshots", fmt.Sprint(id))
	if code != ExitOK || !strings.Contains(out, "2 versions") || !strings.Contains(out, "v1 ") || !strings.Contains(out, "v2 ") {
		t.Errorf("snapshots: exit %d %s", code, out)
	}
	code, out, _ = run(t, db, "snapshots", "--json", fmt.Sprint(id))
	var snaps []snapshotJSON
	if err := json.Unmarshal([]byte(out), &snaps); code != ExitOK || err != nil || len(snaps) != 2 || snaps[1].URL != u {
		t.Errorf("snapshots --json: %v %s", err, out)
	}
	code, out, _ = run(t, db, "show", fmt.Sprint(id))
	if code != ExitOK || !strings.Contains(out, "fourteen thousand") {
		t.Errorf("show after the change: %s", out)
	}
	code, out, _ = run(t, db, "import", "--allow-net", "127.0.0.0/8", s.URL+"/missing")
	if code != ExitFailed || !strings.Contains(out, "404") {
		t.Errorf("404: exit %d %s", code, out)
	}
	for _, args := range [][]string{{"fetch"}, {"fetch", "notes.txt"}, {"snapshots"}, {"snapshots", "x"}} {
		if code, _, _ := run(t, db, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, _, errs := run(t, db, "snapshots", "999"); code != ExitFailed || !strings.Contains(errs, "no article 999") {
		t.Errorf("snapshots of a missing article: %d %s", code, errs)
	}
}

func feedDoc(items ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>{base}/</link>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><guid>%s</guid><title>%s</title><link>{base}/%s</link><description>Teaser for %s.</description></item>",
			it[0], it[1], it[0], it[1])
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// TestFeedsCommands adds a feed whose items link to pages, refreshes it
// after a new item appears, lists and removes it.
func TestFeedsCommands(t *testing.T) {
	t.Setenv(app.EnvAllowNet, "127.0.0.1") // the test site
	s := newTestSite(t)
	db := filepath.Join(t.TempDir(), "a.db")
	s.set("/one", fmt.Sprintf(storyHTML, "First story", "First story", "eleven thousand"))
	s.set("/two", fmt.Sprintf(storyHTML, "Second story about the ferry", "Second story about the ferry", "nine hundred"))
	s.set("/feed.xml", feedDoc([2]string{"one", "First story"}))
	code, out, errs := run(t, db, "feeds", "add", "--allow-net", "127.0.0.1", s.URL+"/feed.xml")
	if code != ExitOK || !strings.Contains(out, "1 new") {
		t.Fatalf("feeds add: exit %d %s %s", code, out, errs)
	}
	s.set("/feed.xml", feedDoc([2]string{"two", "Second story about the ferry"}, [2]string{"one", "First story"}))
	code, out, errs = run(t, db, "feeds", "refresh", "--allow-net", "127.0.0.1", "--json")
	var rs []refreshJSON
	if err := json.Unmarshal([]byte(out), &rs); code != ExitOK || err != nil || len(rs) != 1 || rs[0].Imported != 1 ||
		rs[0].Seen != 1 || rs[0].Items[0].SummaryOnly {
		t.Fatalf("feeds refresh: exit %d %v %s %s", code, err, out, errs)
	}
	code, out, _ = run(t, db, "show", fmt.Sprint(rs[0].Items[0].ID))
	if code != ExitOK || !strings.Contains(out, "nine hundred passengers") {
		t.Errorf("refreshed item not archived from its page: %s", out)
	}
	code, out, _ = run(t, db, "feeds", "list")
	if code != ExitOK || !strings.Contains(out, "Courier") || !strings.Contains(out, "2 items") {
		t.Errorf("feeds list: %s", out)
	}
	if code, out, _ = run(t, db, "feeds", "refresh", "--allow-net", "127.0.0.1", "1"); code != ExitOK || !strings.Contains(out, "0 new") {
		t.Errorf("refresh 1: exit %d %s", code, out)
	}
	if code, out, _ = run(t, db, "feeds", "remove", "1"); code != ExitOK {
		t.Errorf("remove: exit %d %s", code, out)
	}
	if code, out, _ = run(t, db, "feeds", "list", "--json"); code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("list after remove: %s", out)
	}
	for _, args := range [][]string{{"feeds"}, {"feeds", "frob"}, {"feeds", "add"}, {"feeds", "remove", "x"}, {"feeds", "list", "extra"}} {
		if code, _, _ := run(t, db, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, _, errs := run(t, db, "feeds", "remove", "7"); code != ExitFailed || !strings.Contains(errs, "no feed 7") {
		t.Errorf("remove missing: %d %s", code, errs)
	}
	p := filepath.Join(t.TempDir(), "page.rss")
	os.WriteFile(p, []byte("<html><body>moved</body></html>"), 0o644)
	if code, _, errs := run(t, db, "feeds", "add", "--offline", p); code != ExitFailed || !strings.Contains(errs, "not a feed") {
		t.Errorf("add a page: %d %s", code, errs)
	}
}

// TestSimilarCommands finds two versions of a story under different
// addresses as near-duplicates.
func TestSimilarCommands(t *testing.T) {
	t.Setenv(app.EnvAllowNet, "127.0.0.1") // the test site
	s := newTestSite(t)
	db := filepath.Join(t.TempDir(), "a.db")
	s.set("/a", fmt.Sprintf(storyHTML, "Tram extension", "Tram extension", "eleven thousand"))
	s.set("/b", fmt.Sprintf(storyHTML, "Tram extension approved", "Tram extension approved", "twelve thousand"))
	if code, out, errs := run(t, db, "fetch", "--allow-net", "127.0.0.1", s.URL+"/a", s.URL+"/b"); code != ExitOK || !strings.Contains(out, "imported 2") {
		t.Fatalf("fetch: %d %s %s", code, out, errs)
	}
	code, out, _ := run(t, db, "similar", "1")
	if code != ExitOK || !strings.Contains(out, "Tram extension approved") {
		t.Errorf("similar 1: %s", out)
	}
	code, out, _ = run(t, db, "duplicates", "--json")
	var groups []struct {
		Articles []similarJSON `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &groups); code != ExitOK || err != nil || len(groups) != 1 || len(groups[0].Articles) != 2 {
		t.Errorf("duplicates: %v %s", err, out)
	}
	if code, out, _ = run(t, db, "duplicates"); code != ExitOK || !strings.Contains(out, "1 groups") {
		t.Errorf("duplicates: %s", out)
	}
	if code, _, errs := run(t, db, "similar", "99"); code != ExitFailed || !strings.Contains(errs, "no article 99") {
		t.Errorf("similar 99: %d %s", code, errs)
	}
	if code, _, _ := run(t, db, "similar"); code != ExitUsage {
		t.Errorf("similar without id: %d", code)
	}
}
