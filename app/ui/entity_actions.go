package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// correct runs a correction off the UI goroutine, then calls done (on the UI
// goroutine) or shows the error.
func (p *EntityPage) correct(f func(ctx context.Context) error, done func()) {
	ctx := p.w.archiveContext()
	p.w.run(func() {
		err := f(ctx)
		p.w.do(func() {
			if err != nil {
				p.w.showError(err)
				return
			}
			p.w.reloadReader()
			p.w.countsChanged()
			done()
		})
	})
}

func (p *EntityPage) askRename() {
	e := widgets.NewEntry()
	e.SetText(p.ent.Name)
	dialog.ShowForm("Rename "+p.ent.Name, "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
			name := strings.TrimSpace(e.Text)
			if !ok || name == "" || name == p.ent.Name {
				return
			}
			p.correct(func(ctx context.Context) error { return p.w.archive().Tagging.RenameEntity(ctx, p.id, name) }, p.load)
		}, p.w.window())
}

func (p *EntityPage) askRetype() {
	s := widget.NewRadioGroup(typeLabels(), nil)
	s.SetSelected(typeLabel(p.ent.Type))
	dialog.ShowForm("Change the type of "+p.ent.Name, "Change", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Type", s)}, func(ok bool) {
			typ := typeByLabel(s.Selected)
			if !ok || typ == "" || typ == p.ent.Type {
				return
			}
			p.correct(func(ctx context.Context) error { return p.w.archive().Tagging.RetypeEntity(ctx, p.id, typ) }, p.load)
		}, p.w.window())
}

// askMerge picks the entity to merge into with the palette, then confirms.
func (p *EntityPage) askMerge() {
	p.w.pick("Merge “"+p.ent.Name+"” into…", lookup.KindEntity, func(r lookup.Result) {
		if r.ID == p.id {
			return
		}
		msg := fmt.Sprintf("Merge “%s” into “%s”?\nIts mentions and names move there, now and in every later tagging.", p.ent.Name, r.Text)
		dialog.ShowConfirm("Merge entities", msg, func(ok bool) {
			if ok {
				p.mergeInto(r.ID)
			}
		}, p.w.window())
	})
}

// mergeInto merges the entity into another and shows that one.
func (p *EntityPage) mergeInto(into int64) {
	p.correct(func(ctx context.Context) error { return p.w.archive().Tagging.MergeEntities(ctx, p.id, into) }, func() {
		p.w.goBack()
		p.w.showEntity(into)
	})
}

// askAddAlias records another way of writing the entity: the name is added
// as an entity of the same type and merged into this one.
func (p *EntityPage) askAddAlias() {
	e := widgets.NewEntry()
	e.SetPlaceHolder("e.g. a short form of the name")
	dialog.ShowForm("Add an alias of "+p.ent.Name, "Add", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Alias", e)}, func(ok bool) {
			alias := strings.TrimSpace(e.Text)
			if !ok || alias == "" {
				return
			}
			p.correct(func(ctx context.Context) error {
				id, err := p.w.archive().Tagging.AddEntity(ctx, alias, p.ent.Type, 0)
				if err != nil || id == p.id {
					return err
				}
				return p.w.archive().Tagging.MergeEntities(ctx, id, p.id)
			}, p.load)
		}, p.w.window())
}

func (p *EntityPage) askSplit() {
	s := widgets.NewSelect(p.ent.Aliases, nil)
	dialog.ShowForm("Split an alias off "+p.ent.Name, "Split", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Alias", s)}, func(ok bool) {
			if !ok || s.Selected == "" {
				return
			}
			var newID int64
			p.correct(func(ctx context.Context) (err error) {
				newID, err = p.w.archive().Tagging.SplitAlias(ctx, p.id, s.Selected)
				return err
			}, func() {
				p.load()
				p.w.showEntity(newID)
			})
		}, p.w.window())
}

func (p *EntityPage) askReject() {
	msg := fmt.Sprintf("“%s” is not a name of anything: remove it from every article, now and in every later tagging?", p.ent.Name)
	dialog.ShowConfirm("Not an entity", msg, func(ok bool) {
		if !ok {
			return
		}
		p.correct(func(ctx context.Context) error { return p.w.archive().Tagging.RejectEntity(ctx, p.id, 0) }, func() {
			if !p.w.goBack() {
				p.w.showSection(sectionPeople)
			}
		})
	}, p.w.window())
}
