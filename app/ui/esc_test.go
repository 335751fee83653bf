package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// TestEscFromFields: Esc in a text field leaves the field and nothing
// more; the next Esc does what Esc does in the window. Checked in the
// search page's field (the second Esc goes back to Articles), the tag entry of an open article, and a form dialog on
// a person's page (first Esc leaves the field, second closes the dialog,
// third goes back to People).
func TestEscFromFields(t *testing.T) {
	w, a := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	if err := a.Tagging.TagPending(context.Background(), nil); err != nil {
		t.Fatal(err)
	}

	w.showSection(sectionArticles)
	w.header.entry.SetText("china")
	w.header.submit()
	query, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
	if !ok {
		t.Fatal("no search field")
	}
	w.Canvas().Focus(query)
	test.Type(query, "trade ")
	press(w, fyne.KeyEscape)
	if w.Canvas().Focused() != nil || w.section != "" || query.Text != "trade china" {
		t.Errorf("Esc in the search field: focus %T, section %q, text %q", w.Canvas().Focused(), w.section, query.Text)
	}
	press(w, fyne.KeyEscape)
	if w.section != sectionArticles {
		t.Errorf("the second Esc from the search page shows %q, want Articles", w.section)
	}

	shortcut(t, w, ctrl(fyne.Key1))
	press(w, fyne.KeyDown)
	press(w, fyne.KeyReturn)
	tag := w.articles.reader.tags.entry
	w.Canvas().Focus(tag)
	test.Type(tag, "trade")
	press(w, fyne.KeyEscape)
	if w.Canvas().Focused() != nil || w.articles.reader.id == 0 || tag.Text != "trade" {
		t.Errorf("Esc in the tag entry: focus %T, article %d, text %q", w.Canvas().Focused(), w.articles.reader.id, tag.Text)
	}

	shortcut(t, w, ctrl(fyne.Key2))
	focusList(t, w)
	press(w, fyne.KeyReturn)
	if w.entity == nil {
		t.Fatal("Enter on the People list opened no page")
	}
	w.entity.askRename()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no rename dialog")
	}
	name, ok := find(top, func(e *widgets.Entry) bool { return true })
	if !ok {
		t.Fatal("no field in the rename dialog")
	}
	w.Canvas().Focus(name)
	steps := []struct {
		what   string
		dialog bool
		people bool
	}{
		{"first Esc leaves the field", true, false},
		{"second Esc closes the dialog", false, false},
		{"third Esc goes back to People", false, true},
	}
	for _, s := range steps {
		press(w, fyne.KeyEscape)
		shown := w.Canvas().Overlays().Top() != nil
		if w.Canvas().Focused() != nil || shown != s.dialog || (w.section == sectionPeople) != s.people {
			t.Errorf("%s: focus %T, dialog shown %v, section %q", s.what, w.Canvas().Focused(), shown, w.section)
		}
	}
}

// TestF1WhereverTheFocus opens the shortcuts sheet with F1 while the
// Articles list, the header's field or a search field has the focus
// (Fyne gives keys to the focused widget, not the window).
func TestF1WhereverTheFocus(t *testing.T) {
	w, _ := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	w.showSection(sectionArticles)
	focus := []struct {
		name string
		do   func() fyne.Focusable
	}{
		{"the Articles list", func() fyne.Focusable { return focusList(t, w) }},
		{"the header's field", func() fyne.Focusable { w.Canvas().Focus(w.header.entry); return w.header.entry }},
		{"a search field", func() fyne.Focusable {
			w.header.entry.SetText("china")
			w.header.submit()
			q, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "from YYYY-MM-DD" })
			if !ok {
				t.Fatal("no search view")
			}
			w.Canvas().Focus(q)
			return q
		}},
	}
	for _, f := range focus {
		if got := f.do(); w.Canvas().Focused() != got {
			t.Fatalf("%s: could not focus it", f.name)
		}
		press(w, fyne.KeyF1)
		if !overlayTexts(w)["Keyboard shortcuts"] {
			t.Errorf("F1 in %s opened no shortcuts sheet", f.name)
		}
		if top := w.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
	}
}

// TestEscFromButton: on a person's page, Tab to a button; Enter presses
// it (the rename dialog opens), Esc closes the dialog, and Esc on the
// focused button goes back to People.
func TestEscFromButton(t *testing.T) {
	w, a := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	if err := a.Tagging.TagPending(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	shortcut(t, w, ctrl(fyne.Key2))
	focusList(t, w)
	press(w, fyne.KeyReturn)
	if w.entity == nil {
		t.Fatal("Enter on the People list opened no page")
	}
	var b *widgets.Button
	for range 30 {
		test.FocusNext(w.Canvas())
		if f, ok := w.Canvas().Focused().(*widgets.Button); ok && strings.HasPrefix(f.Text, "Rename") {
			b = f
			break
		}
	}
	if b == nil {
		t.Fatal("Tab never reached the Rename button")
	}
	press(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Enter on Rename… opened no dialog")
	}
	press(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc left the dialog open")
	}
	if w.Canvas().Focused() != b {
		w.Canvas().Focus(b) // where the focus goes back to after a dialog is Fyne's
	}
	press(w, fyne.KeyEscape)
	if w.section != sectionPeople {
		t.Errorf("Esc on a focused button shows %q, want People", w.section)
	}
}
