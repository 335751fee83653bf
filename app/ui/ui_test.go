package ui

import (
	"context"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// openWindow opens a window over a new archive in a temporary directory,
// running background work synchronously and leaving tagging to the test.
func openWindow(t testing.TB) (*Window, *app.App) {
	t.Helper()
	fa := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "archive.db")
	a, err := app.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	w := newWindow(fa, a, path, Options{Sync: true, NoTagging: true, ShownPath: "~/News/archive.db", FeedCheck: -1})
	w.win.Resize(fyne.NewSize(1100, 700))
	t.Cleanup(w.shutdown)
	return w, a
}

// find returns the first object under o (overlays included when o is nil)
// that match accepts.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var zero T
	if v, ok := o.(T); ok && match(v) {
		return v, true
	}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
	case *container.Split:
		children = []fyne.CanvasObject{c.Leading, c.Trailing}
	case *container.Scroll:
		children = []fyne.CanvasObject{c.Content}
	case *widget.PopUp:
		children = []fyne.CanvasObject{c.Content}
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	}
	for _, ch := range children {
		if v, ok := find(ch, match); ok {
			return v, true
		}
	}
	return zero, false
}

// button finds a button by its text in the window or its overlays.
func button(t *testing.T, w *Window, text string) *widget.Button {
	t.Helper()
	match := func(b *widget.Button) bool { return b.Text == text }
	keyed := func(b *widgets.Button) bool { return b.Text == text }
	for _, o := range append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...) {
		if b, ok := find(o, match); ok {
			return b
		}
		if b, ok := find(o, keyed); ok {
			return &b.Button
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// golden compares the window with a golden image (rewritten with -update).
func golden(t *testing.T, w *Window, name string) {
	t.Helper()
	img := w.Canvas().Capture()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	test.AssertImageMatches(t, name, img)
}

// TestWalkthrough follows a person's first session: an empty archive offers
// the sample article; once imported it is listed and read with its people
// highlighted; a person opens their page; two entities are merged with the
// palette; the palette finds an organisation despite a typo.
func TestWalkthrough(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	golden(t, w, "welcome.png")

	test.Tap(button(t, w, "Import sample article"))
	if w.articles.list.total != 1 {
		t.Fatalf("after importing the sample the list has %d rows, want 1", w.articles.list.total)
	}
	row, ok := w.articles.list.row(0)
	if !ok || row.Title == "" {
		t.Fatalf("first row %+v, loaded %v", row, ok)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	w.jobs.updateTagging()
	w.articles.list.reset()
	w.articles.reader.show(row.ID)
	body := w.articles.reader.body
	if got := highlighted(body); got["Ma Zhaoxu"] != store.TypePerson {
		t.Fatalf("reader highlights %v; want Ma Zhaoxu as a person", got)
	}
	if got := highlighted(w.articles.reader.entities); got["Ma Zhaoxu"] != store.TypePerson {
		t.Fatalf("entities above the body %v; want Ma Zhaoxu as a person", got)
	}
	golden(t, w, "reader.png")

	pos, ok := body.LinkPos("Ma Zhaoxu")
	if !ok {
		t.Fatal("Ma Zhaoxu is not drawn in the body")
	}
	test.TapAt(body, pos)
	if w.entity == nil || w.entity.ent.Name != "Ma Zhaoxu" || w.entity.ent.Articles != 1 {
		t.Fatalf("tapping the mention opened %+v", w.entity)
	}

	jamie, err := a.Tagging.EntityByName(ctx, "Jamie Dimon")
	if err != nil {
		t.Fatal(err)
	}
	dimon, err := a.Tagging.AddEntity(ctx, "Dimon", store.TypePerson, 0)
	if err != nil {
		t.Fatal(err)
	}
	page := w.showEntity(dimon)
	test.Tap(button(t, w, "Merge into…"))
	test.Type(w.palette.entry, "Jamie Dimon")
	if len(w.palette.results) == 0 || w.palette.results[0].ID != jamie.ID {
		t.Fatalf("merge palette offers %+v (%s); want Jamie Dimon (%d) first", w.palette.results, w.palette.title.Text, jamie.ID)
	}
	w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Tap(button(t, w, "Yes"))
	if w.entity == page || w.entity.id != jamie.ID {
		t.Fatalf("after the merge the page shows entity %d, want %d", w.entity.id, jamie.ID)
	}
	merged, err := a.Tagging.Entity(ctx, jamie.ID)
	if err != nil || !contains(merged.Aliases, "Dimon") {
		t.Errorf("Jamie Dimon after the merge: %+v, %v; want the alias Dimon", merged, err)
	}
	if _, err := a.Tagging.Entity(ctx, dimon); err == nil {
		t.Errorf("entity Dimon still exists after the merge")
	}

	w.showPalette()
	test.Type(w.palette.entry, "Eurasa")
	found := false
	for _, r := range w.palette.results {
		found = found || (r.Kind == lookup.KindEntity && r.Text == "Eurasia Group")
	}
	if !found {
		t.Fatalf("palette for %q shows %+v; want Eurasia Group", "Eurasa", w.palette.results)
	}
	w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.palette.visible() {
		t.Error("Esc left the palette open")
	}
}

// highlighted maps the entity name of each link drawn in f to its type.
func highlighted(f *widgets.FlowText) map[string]string {
	out := map[string]string{}
	for _, l := range f.DrawnLinks() {
		out[l.Name] = l.Type
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
