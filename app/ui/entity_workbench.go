package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// maxCollect bounds how many of an entity's articles one click adds to a
// collection.
const maxCollect = 10_000

// collectButton adds the articles mentioning the entity to a collection.
func (p *EntityPage) collectButton() fyne.CanvasObject {
	return widgets.NewButtonWithIcon("Add its articles to a collection…", theme.FolderNewIcon(), func() {
		ctx, a, id := p.w.archiveContext(), p.w.archive(), p.id
		p.w.run(func() {
			var ids []int64
			for len(ids) < maxCollect {
				page, err := a.Tagging.EntityArticles(ctx, id, 500, len(ids))
				if err != nil {
					p.w.do(func() { p.w.showError(err) })
					return
				}
				for _, ea := range page {
					ids = append(ids, ea.ID)
				}
				if len(page) < 500 {
					break
				}
			}
			p.w.do(func() { p.w.addToCollection(ids) })
		})
	})
}
