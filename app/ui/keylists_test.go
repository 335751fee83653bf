package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTagsListKeys walks the Tags view from the keyboard: Tab reaches
// its list, Down and Enter open a tag's articles, Esc comes back to the
// list, and Enter opens a tag again.
func TestTagsListKeys(t *testing.T) {
	w, a := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	if err := a.Annotate.AddTags(context.Background(), 1, "trade", "china"); err != nil {
		t.Fatal(err)
	}
	shortcut(t, w, ctrl(sectionKeys[sectionIndex(t, sectionTags)]))
	if w.section != sectionTags {
		t.Fatalf("the Tags shortcut shows %q", w.section)
	}
	for round := range 2 {
		focusList(t, w)
		if round == 0 {
			press(w, fyne.KeyDown)
		}
		press(w, fyne.KeyReturn)
		if w.section != "" || !pageHeading(w, "Tagged “") {
			t.Fatalf("round %d: Enter on the Tags list shows section %q, not a tag's articles", round, w.section)
		}
		press(w, fyne.KeyEscape)
		if w.section != sectionTags {
			t.Fatalf("round %d: Esc from a tag's articles shows %q, want Tags", round, w.section)
		}
	}
}

// sectionIndex is the place of a section in the sidebar.
func sectionIndex(t *testing.T, name string) int {
	t.Helper()
	for i, s := range sections {
		if s.name == name {
			return i
		}
	}
	t.Fatalf("no section %q", name)
	return 0
}

// pageHeading tells whether the body shows a label starting with prefix.
func pageHeading(w *Window, prefix string) bool {
	_, ok := find(w.body.Objects[0], func(l *widget.Label) bool { return strings.HasPrefix(l.Text, prefix) })
	if ok {
		return true
	}
	_, ok = find(w.body.Objects[0], func(r *widget.RichText) bool { return strings.HasPrefix(r.String(), prefix) })
	return ok
}
