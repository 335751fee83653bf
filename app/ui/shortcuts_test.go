package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// press types a key as the driver does: to the focused widget, else to the
// window.
func press(w *Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// shortcut types a shortcut as the driver does (the menus' and the
// window's shortcuts work wherever the focus is).
func shortcut(t *testing.T, w *Window, s fyne.Shortcut) {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		if it := menuItemFor(m.Items, s); it != nil {
			it.Action()
			return
		}
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func menuItemFor(items []*fyne.MenuItem, s fyne.Shortcut) *fyne.MenuItem {
	for _, it := range items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
			return it
		}
		if it.ChildMenu != nil {
			if c := menuItemFor(it.ChildMenu.Items, s); c != nil {
				return c
			}
		}
	}
	return nil
}

// overlayTexts returns the texts of the labels on the top overlay.
func overlayTexts(w *Window) map[string]bool {
	out := map[string]bool{}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return out
	}
	find(top, func(l *widget.Label) bool { out[l.Text] = true; return false })
	return out
}

// TestShortcutsSheet opens the sheet with F1 and Ctrl+/ and checks it
// lists every command of the table that has keys, with its keys; Esc
// closes it.
func TestShortcutsSheet(t *testing.T) {
	w, _ := openWindow(t)
	for _, open := range []func(){
		func() { press(w, fyne.KeyF1) },
		func() { shortcut(t, w, ctrl(fyne.KeySlash)) },
	} {
		open()
		texts := overlayTexts(w)
		if !texts["Keyboard shortcuts"] {
			t.Fatalf("no shortcuts sheet on top; labels %v", texts)
		}
		n := 0
		for _, c := range commands() {
			if c.keyText() == "" {
				continue
			}
			n++
			if !texts[c.keyText()] || !texts[c.label] {
				t.Errorf("the sheet lacks %q: %q", c.label, c.keyText())
			}
		}
		if n < 20 {
			t.Errorf("the table has %d commands with keys; the sheet should list them all", n)
		}
		press(w, fyne.KeyEscape)
		if w.Canvas().Overlays().Top() != nil {
			t.Fatal("Esc left the sheet open")
		}
	}
}

// TestMenusShowShortcuts checks that every command of a menu is an item of
// it showing the command's shortcut, that every shortcut a menu shows is
// the table's, and that no two commands share a shortcut.
func TestMenusShowShortcuts(t *testing.T) {
	w, _ := openWindow(t)
	menus := map[string]*fyne.Menu{}
	for _, m := range w.win.MainMenu().Items {
		menus[m.Label] = m
	}
	seen := map[string]string{}
	for _, c := range commands() {
		if c.shortcut != nil {
			if other, dup := seen[c.shortcut.ShortcutName()]; dup {
				t.Errorf("%q and %q share %s", c.label, other, c.keyText())
			}
			seen[c.shortcut.ShortcutName()] = c.label
		}
		if c.menu == "" {
			continue
		}
		m := menus[c.menu]
		if m == nil {
			t.Fatalf("no %s menu", c.menu)
		}
		var it *fyne.MenuItem
		for _, x := range m.Items {
			if x.Label == c.label {
				it = x
			}
		}
		switch {
		case it == nil:
			t.Errorf("%s menu has no item %q", c.menu, c.label)
		case c.shortcut == nil && it.Shortcut != nil:
			t.Errorf("%q shows a shortcut the table does not give", c.label)
		case c.shortcut != nil && (it.Shortcut == nil || it.Shortcut.ShortcutName() != c.shortcut.ShortcutName()):
			t.Errorf("%q shows shortcut %v, want %s", c.label, it.Shortcut, c.keyText())
		}
	}
	var check func(menu string, items []*fyne.MenuItem)
	check = func(menu string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil && seen[it.Shortcut.ShortcutName()] != it.Label {
				t.Errorf("%s menu item %q shows %s, which the table does not give it", menu, it.Label, it.Shortcut.ShortcutName())
			}
			if it.ChildMenu != nil {
				check(menu, it.ChildMenu.Items)
			}
		}
	}
	for name, m := range menus {
		check(name, m.Items)
	}
}

// focusList moves the focus with Tab to the first keyboard list of the
// view (not the sidebar's), failing after a bounded number of steps.
func focusList(t *testing.T, w *Window) *widgets.KeyList {
	t.Helper()
	for range 30 {
		test.FocusNext(w.Canvas())
		if l, ok := w.Canvas().Focused().(*widgets.KeyList); ok && l != w.sidebar.list {
			return l
		}
	}
	t.Fatalf("Tab never reached a list of the %q view", w.section)
	return nil
}

// TestKeyboardWalk drives the window from the keyboard alone: every
// section by Ctrl+PageDown, the first nine by Ctrl+1…9; in Articles the
// arrows and Enter open an article; in People Tab reaches the list, Enter
// opens a person and Esc returns; Ctrl+K finds and opens an entity, Esc
// goes back; Ctrl+, opens the settings and Esc closes them.
func TestKeyboardWalk(t *testing.T) {
	w, a := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	if err := a.Tagging.TagPending(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	w.showSection(sectionArticles)

	visited := map[string]bool{}
	for range sections {
		shortcut(t, w, ctrl(fyne.KeyPageDown))
		visited[w.section] = true
	}
	if len(visited) != len(sections) {
		t.Errorf("Ctrl+PageDown visited %d of %d sections: %v", len(visited), len(sections), visited)
	}
	for i, s := range sections[:len(sectionKeys)] {
		shortcut(t, w, ctrl(sectionKeys[i]))
		if w.section != s.name {
			t.Errorf("Ctrl+%s shows %q, want %q", sectionKeys[i], w.section, s.name)
		}
	}

	shortcut(t, w, ctrl(fyne.Key1))
	press(w, fyne.KeyDown)
	press(w, fyne.KeyReturn)
	if w.articles.reader.id == 0 {
		t.Fatal("↓ and Enter in Articles opened no article")
	}

	shortcut(t, w, ctrl(fyne.Key2))
	focusList(t, w)
	press(w, fyne.KeyEscape)
	if w.Canvas().Focused() != nil || w.section != sectionPeople {
		t.Fatalf("Esc in the People list: focus %v, section %q; want the list left, People shown", w.Canvas().Focused(), w.section)
	}
	focusList(t, w)
	press(w, fyne.KeyReturn)
	if w.section != "" || w.entity == nil {
		t.Fatalf("Enter on the People list opened no page (section %q)", w.section)
	}
	press(w, fyne.KeyEscape)
	if w.section != sectionPeople {
		t.Fatalf("Esc from a person's page shows %q, want the People list", w.section)
	}

	shortcut(t, w, shortcutPalette)
	if !w.palette.visible() {
		t.Fatal("Ctrl+K opened no palette")
	}
	test.Type(w.palette.entry, "Ma Zhaoxu")
	w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.entity == nil || w.entity.ent.Name != "Ma Zhaoxu" || w.palette.visible() {
		t.Fatalf("Enter in the palette opened %+v", w.entity)
	}
	press(w, fyne.KeyEscape)
	if w.section != sectionPeople {
		t.Errorf("Esc from the palette's page shows %q, want People", w.section)
	}

	shortcut(t, w, ctrl(fyne.KeyComma))
	if !overlayTexts(w)["Settings"] {
		t.Fatal("Ctrl+, opened no settings")
	}
	press(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the settings open")
	}
}
