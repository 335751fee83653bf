package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// hostileArticle is stored as an old archive or a merge may hold it: a
// formula title, a URL closing its BibTeX field, raw HTML in the body and
// the note.
func hostileArchive(t *testing.T) *apptest.Archive {
	t.Helper()
	ctx := context.Background()
	a := apptest.Open(t)
	body := "Intro.\n\n<img src=x onerror=alert(1)>\n\n# Not a heading"
	ids, _, err := a.Store.CreateArticles(ctx, []store.Article{{Title: "=HYPERLINK(\"http://evil\",\"x\")", Body: body,
		URL: "https://example.org/a}, note = {pwned", Source: "", Byline: "@evil", ContentHash: "h1", Origin: "test"}},
		[]store.Original{{ContentType: "text/plain", Data: []byte(body)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.SetNote(ctx, ids[0], "<script>alert(1)</script>"); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestExportInjection: CSV cells never start a formula, a BibTeX url cannot
// close its field, Markdown shows raw HTML as text (#15, finding 11).
func TestExportInjection(t *testing.T) {
	ctx := context.Background()
	a := hostileArchive(t)
	var buf bytes.Buffer
	if _, err := a.Exporter.Write(ctx, &buf, export.Options{Format: export.FormatCSV}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
			t.Errorf("CSV cell starts a formula: %q", cell)
		}
	}
	buf.Reset()
	if _, err := a.Exporter.Write(ctx, &buf, export.Options{Format: export.FormatBibTeX}); err != nil {
		t.Fatal(err)
	}
	if bib := buf.String(); strings.Contains(bib, "note = {pwned") || strings.Count(bib, "{") != strings.Count(bib, "}") {
		t.Errorf("BibTeX field closed by the URL:\n%s", bib)
	}
	dir := filepath.Join(t.TempDir(), "md")
	if _, err := a.Exporter.Markdown(ctx, dir, export.Options{}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("markdown files: %v", files)
	}
	md, _ := os.ReadFile(files[0])
	if strings.Contains(string(md), "<img") || strings.Contains(string(md), "<script>") || strings.Contains(string(md), "\n# Not a heading") {
		t.Errorf("markdown keeps raw HTML or a body heading:\n%s", md)
	}
	if info, err := os.Stat(files[0]); err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Errorf("markdown file readable by others: %v", info.Mode())
	}
}
