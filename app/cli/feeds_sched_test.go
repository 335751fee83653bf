package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedsOPMLAndSchedule: feeds import/export round trips an OPML list,
// feeds set changes a schedule, refresh --due refreshes only due feeds
// (a saved feed file here: no network), and a malformed OPML fails
// clearly.
func TestFeedsOPMLAndSchedule(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	opml := `<opml version="2.0"><body><outline text="News"><outline type="rss" text="Gazette" xmlUrl="https://gazette.example/rss"/></outline></body></opml>`
	if err := os.WriteFile(filepath.Join(dir, "in.opml"), []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, db, "feeds", "import", filepath.Join(dir, "in.opml"))
	if code != ExitOK || !strings.Contains(out, "subscribed to 1 feeds") {
		t.Fatalf("feeds import (%d): %s %s", code, out, errs)
	}
	code, out, errs = run(t, db, "feeds", "set", "1", "--every", "30m", "--keep-days", "7", "--full=false")
	if code != ExitOK || !strings.Contains(out, "every 30m · keeps items 7 days · summaries only · due now") {
		t.Errorf("feeds set (%d): %s %s", code, out, errs)
	}
	out2 := filepath.Join(dir, "out.opml")
	if code, out, errs = run(t, db, "feeds", "export", "--out", out2); code != ExitOK {
		t.Fatalf("feeds export (%d): %s %s", code, out, errs)
	}
	raw, err := os.ReadFile(out2)
	if err != nil || !strings.Contains(string(raw), `<outline text="News" title="News">`) ||
		!strings.Contains(string(raw), `xmlUrl="https://gazette.example/rss"`) {
		t.Errorf("exported OPML: %s %v", raw, err)
	}
	db2 := filepath.Join(dir, "b.db")
	if code, out, errs = run(t, db2, "feeds", "import", out2); code != ExitOK || !strings.Contains(out, "subscribed to 1 feeds") {
		t.Errorf("import of the export (%d): %s %s", code, out, errs)
	}

	feed := filepath.Join(dir, "saved.rss")
	rss := `<rss version="2.0"><channel><title>Saved</title><item><guid>1</guid><title>Quay works begin</title>` +
		`<description>Work on the eastern quay began on Monday and will last until the spring, the harbour board said.</description></item></channel></rss>`
	if err := os.WriteFile(feed, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	db3 := filepath.Join(dir, "c.db")
	if code, out, errs = run(t, db3, "feeds", "add", "--offline", feed); code != ExitOK {
		t.Fatalf("feeds add (%d): %s %s", code, out, errs)
	}
	if code, out, errs = run(t, db3, "feeds", "refresh", "--due"); code != ExitOK || !strings.Contains(out, "no feed is due") {
		t.Errorf("refresh --due right after add (%d): %s %s", code, out, errs)
	}

	bad := filepath.Join(dir, "bad.opml")
	if err := os.WriteFile(bad, []byte("<opml><body>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs = run(t, db, "feeds", "import", bad); code != ExitFailed || !strings.Contains(errs, "malformed OPML") {
		t.Errorf("malformed OPML (%d): %s", code, errs)
	}
}
