package ui

import (
	"context"
	"fmt"
	"image"

	"fyne.io/fyne/v2"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/store"
)

// shot is a view to render: its name and how to bring it on screen.
type shot struct {
	Name string
	show func(w *Window) error
}

// RenderViews opens the archive at path in a window of fa (a software
// driver's app, e.g. fyne.io/fyne/v2/test's), imports importPaths into it
// when given (so the Imports view has a job), tags what is pending, and
// passes an image of each main view at size to save. It is the engine of
// cmd/screenshots.
func RenderViews(fa fyne.App, path string, importPaths []string, size fyne.Size, save func(name string, img image.Image) error) error {
	ctx := context.Background()
	a, err := app.Open(ctx, path)
	if err != nil {
		return err
	}
	w := newWindow(fa, a, path, Options{Sync: true, NoTagging: true, ShownPath: "~/News/archive.db"})
	defer w.shutdown()
	w.win.Resize(size)
	if n, err := a.Search.ArticleCount(ctx); err == nil && n == 0 && len(importPaths) == 0 {
		return save("welcome", w.Canvas().Capture())
	}
	if len(importPaths) > 0 {
		w.startImport(importPaths, nil)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	w.jobs.updateTagging()
	for _, s := range shots {
		if err := s.show(w); err != nil {
			return fmt.Errorf("screenshot %s: %w", s.Name, err)
		}
		if err := save(s.Name, w.Canvas().Capture()); err != nil {
			return err
		}
		w.palette.hide()
		for top := w.Canvas().Overlays().Top(); top != nil; top = w.Canvas().Overlays().Top() {
			w.Canvas().Overlays().Remove(top) // a dialog a shot opened
		}
	}
	return nil
}

// topEntity returns the entity of a type in the most articles.
func topEntity(w *Window, typ string) (store.Entity, error) {
	es, err := w.app.Tagging.Entities(w.ctx, typ, 1, 0)
	if err != nil {
		return store.Entity{}, err
	}
	if len(es) == 0 {
		return store.Entity{}, fmt.Errorf("no %s entity", typ)
	}
	return es[0], nil
}

// shots are the main views, in the order rendered.
var shots = []shot{
	{"imports", func(w *Window) error { w.showSection(sectionImports); return nil }},
	{"articles", func(w *Window) error {
		w.showSection(sectionArticles)
		e, err := topEntity(w, store.TypePerson)
		if err != nil {
			return err
		}
		arts, err := w.app.Tagging.EntityArticles(w.ctx, e.ID, 1, 0)
		if err != nil || len(arts) == 0 {
			return fmt.Errorf("articles of %s: %v", e.Name, err)
		}
		w.articles.list.list.Select(0)
		w.articles.reader.show(arts[0].ID)
		return nil
	}},
	{"people", func(w *Window) error { w.showSection(sectionPeople); return nil }},
	{"entity", func(w *Window) error {
		e, err := topEntity(w, store.TypePerson)
		if err == nil {
			w.showEntity(e.ID)
		}
		return err
	}},
	{"sources", func(w *Window) error { w.showSection(sectionSources); return nil }},
	{"search", func(w *Window) error {
		v := newSearchView(w)
		w.showPage(v.root)
		v.query.SetText("interest rates")
		v.run()
		if r, ok := v.list.row(0); ok {
			v.reader.show(r.ID)
		}
		return nil
	}},
	{"palette", func(w *Window) error {
		w.showSection(sectionArticles)
		w.palette.open("Find people, organisations, places, titles, sources", lookup.Kind(""), nil)
		w.palette.entry.SetText("gordon brwn")
		return nil
	}},
	{"shortcuts", func(w *Window) error { w.showSection(sectionArticles); w.showShortcuts(); return nil }},
	{"settings", func(w *Window) error { w.showSettings(); return nil }},
}
