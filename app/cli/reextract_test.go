package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/store"
)

// TestReextractCommand imports a lynx dump, stands in an older parser's
// extraction, and runs reextract: all articles, then one by id with --json,
// then a bad id.
func TestReextractCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	path := filepath.Join("testdata", "daringfireball-lynx.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ingest.ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, db, "import", "--no-tag", path, seedFile(t)); code != ExitOK {
		t.Fatalf("import exit %d: %s %s", code, out, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	old := store.Article{Title: "#alternate", Body: string(raw), ContentHash: ingest.ContentHash("#alternate", string(raw))}
	if _, err := st.UpdateExtraction(context.Background(), 1, old); err != nil {
		t.Fatal(err)
	}
	st.Close()

	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"all", []string{"reextract", "--no-tag"}, ExitOK, []string{
			`changed: 1 title and body: "#alternate" -> "` + want.Title + `"`,
			"re-extracted 2 articles: 1 changed (1 titles, 1 bodies), 1 unchanged, 0 duplicates, 0 without an original, 0 failed"}},
		{"again, unchanged", []string{"reextract", "1", "2"}, ExitOK, []string{"2 unchanged"}},
		{"json", []string{"reextract", "--json", "1"}, ExitOK, []string{`"id":1,"status":"unchanged","title":"` + want.Title + `"`}},
		{"missing article", []string{"reextract", "99"}, ExitFailed, []string{"failed: 99: article 99: not found", "1 failed"}},
		{"bad id", []string{"reextract", "x"}, ExitUsage, nil},
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d: %s %s", tt.name, code, tt.code, out, errs)
		}
		for _, s := range tt.contains {
			if !strings.Contains(out+errs, s) {
				t.Errorf("%s: output lacks %q:\n%s%s", tt.name, s, out, errs)
			}
		}
	}
	code, out, _ := run(t, db, "show", "--json", "1")
	var art map[string]any
	if err := json.Unmarshal([]byte(out), &art); err != nil || code != ExitOK || art["body"] != want.Body {
		t.Errorf("show after reextract: %d %v body %.80q", code, err, art["body"])
	}
}
