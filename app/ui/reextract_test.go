package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/store"
)

// TestReaderOriginalAndReextract imports a lynx dump and reads it: Show
// original swaps the extraction for the stored dump and back; after an
// older extraction is stood in (through a second connection, as another
// process would), the reader's Re-extract button brings today's parse back
// into the reader and lists the change in the Imports section.
func TestReaderOriginalAndReextract(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	path := filepath.Join("testdata", "daringfireball-lynx.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ingest.ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Importer.Import(ctx, []string{path}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	w.openArticle(id)
	r := w.articles.reader

	test.Tap(button(t, w, "Show original"))
	if r.body.Visible() || !r.orig.original.Visible() || r.orig.text.Text != string(raw) {
		t.Fatalf("Show original: body shown %v, original shown %v, %d bytes of %d", r.body.Visible(),
			r.orig.original.Visible(), len(r.orig.text.Text), len(raw))
	}
	test.Tap(button(t, w, "Show extracted text"))
	if !r.body.Visible() || r.orig.original.Visible() {
		t.Fatalf("Show extracted text: body shown %v, original shown %v", r.body.Visible(), r.orig.original.Visible())
	}

	st, err := store.Open(ctx, w.path)
	if err != nil {
		t.Fatal(err)
	}
	old := store.Article{Title: "#alternate", Body: string(raw), ContentHash: ingest.ContentHash("#alternate", string(raw))}
	_, err = st.UpdateExtraction(ctx, id, old)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.show(id)
	if !strings.Contains(r.header.String(), "#alternate") {
		t.Fatalf("reader header %q, want the old title", r.header.String())
	}
	test.Tap(button(t, w, "Re-extract"))
	if h := r.header.String(); !strings.Contains(h, want.Title) || strings.Contains(h, "#alternate") {
		t.Errorf("reader header after Re-extract %q, want %q", h, want.Title)
	}
	card := w.jobs.box.Objects[0]
	n := 0 // the card says its summary once (defects_test.go's visibleTexts)
	for _, text := range visibleTexts(card) {
		if strings.Contains(text, "1 changed (1 titles, 1 bodies)") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the Imports section reports the change %d times, want once", n)
	}
}
