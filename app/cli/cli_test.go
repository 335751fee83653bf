package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/assets"
)

// run executes the CLI against the archive at db and returns its exit code
// and outputs.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"--db", db}, args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func seedFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "000_seed.txt")
	if err := os.WriteFile(p, assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportShowListSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	seed := seedFile(t)
	code, out, errs := run(t, db, "import", "--json", seed)
	if code != ExitOK {
		t.Fatalf("import exit %d: %s %s", code, out, errs)
	}
	var r struct {
		Path, Status, Title string
		ID                  int64
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Status != "imported" || r.ID != 1 {
		t.Fatalf("import json %q: %v", out, err)
	}
	code, out, _ = run(t, db, "import", seed)
	if code != ExitOK || !strings.Contains(out, "duplicate: "+seed+" is article 1") || !strings.Contains(out, "duplicates 1") {
		t.Errorf("second import (%d): %s", code, out)
	}
	code, out, _ = run(t, db, "show", "--json", "1")
	var art map[string]any
	if err := json.Unmarshal([]byte(out), &art); err != nil || code != ExitOK {
		t.Fatalf("show: %d %v %s", code, err, out)
	}
	for _, k := range []string{"id", "title", "headline", "published", "published_text", "byline", "source", "url", "body", "origin", "imported_at"} {
		if _, ok := art[k]; !ok {
			t.Errorf("show --json lacks %q", k)
		}
	}
	if art["published"] != "2025-05-23T05:30:00" || !strings.HasPrefix(art["title"].(string), "U.S., China Hold First Call Since Geneva") {
		t.Errorf("show: %v %v", art["published"], art["title"])
	}
	code, out, _ = run(t, db, "list", "--json")
	if code != ExitOK || !strings.Contains(out, `"id": 1`) {
		t.Errorf("list: %d %s", code, out)
	}
	code, out, _ = run(t, db, "search", "--json", "Geneva")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil || code != ExitOK || len(hits) != 1 ||
		!strings.Contains(hits[0]["snippet"].(string), "<mark>Geneva</mark>") {
		t.Errorf("search: %d %v %s", code, err, out)
	}
	code, out, _ = run(t, db, "search", `"unbalanced AND ( * ^`)
	if code != ExitOK {
		t.Errorf("odd query: exit %d: %s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("A headline here\n\nA first paragraph that says something about the news of the day.\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte{0, 1, 2, 3}, 0o644)
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"import", good}, ExitOK, "imported 1"},
		{[]string{"import", dir}, ExitFailed, "failed: " + bad + ": not a text file"},
		{[]string{"import"}, ExitUsage, ""},
		{[]string{"import", "--nonsense", good}, ExitUsage, ""},
		{[]string{"frobnicate"}, ExitUsage, ""},
		{[]string{"show", "abc"}, ExitUsage, ""},
		{[]string{"show", "999"}, ExitFailed, ""},
		{[]string{"search"}, ExitUsage, ""},
		{[]string{"search", "--from", "yesterday", "x"}, ExitUsage, ""},
		{[]string{"help"}, ExitOK, "commands:"},
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.out) {
			t.Errorf("%v: exit %d, want %d; output %q %q", tt.args, code, tt.code, out, errs)
		}
	}
}

func TestImportJSONLinesInOrder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	dir := t.TempDir()
	for i, name := range []string{"c.txt", "a.txt", "b.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte(strings.Repeat("x", i+1)+" title words\n\nA paragraph of article text that is long enough to be read as running text.\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "d.txt"), nil, 0o644)
	code, out, _ := run(t, db, "import", "--json", dir)
	if code != ExitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	var names, statuses []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Path, Status, Error string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		names = append(names, filepath.Base(r.Path))
		statuses = append(statuses, r.Status)
	}
	if strings.Join(names, ",") != "a.txt,b.txt,c.txt,d.txt" || strings.Join(statuses, ",") != "imported,imported,imported,failed" {
		t.Errorf("lines %v %v", names, statuses)
	}
}
