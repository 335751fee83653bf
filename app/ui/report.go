package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// maxReportRows is how tall an import report's list grows before it scrolls.
const maxReportRows = 8

// newReportList lists an import's results, failures first; tapping an
// imported or duplicate file opens its article.
func newReportList(w articleOpener, results []importer.FileResult) fyne.CanvasObject {
	rows := make([]importer.FileResult, 0, len(results))
	for _, failedFirst := range []bool{true, false} {
		for _, r := range results {
			if (r.Status == importer.StatusFailed) == failedFirst {
				rows = append(rows, r)
			}
		}
	}
	l := &widgets.KeyList{List: widget.List{
		Length:     func() int { return len(rows) },
		CreateItem: createReportRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { fillReportRow(rows[id], o) },
		OnSelected: func(id widget.ListItemID) {
			if art := max(rows[id].ID, rows[id].DuplicateOf); art != 0 {
				w.openArticle(art)
			}
		},
	}}
	l.ExtendBaseWidget(l)
	h := createReportRow().MinSize().Height + theme.Padding()
	return container.NewGridWrap(fyne.NewSize(900, h*float32(min(len(rows), maxReportRows))), l)
}

func createReportRow() fyne.CanvasObject {
	text := widget.NewLabel("file")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, text)
}

func fillReportRow(r importer.FileResult, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	text, icon := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Icon)
	name := filepath.Base(r.Path)
	switch r.Status {
	case importer.StatusImported:
		icon.SetResource(theme.ConfirmIcon())
		text.SetText(fmt.Sprintf("%s — %s", name, r.Title))
	case importer.StatusDuplicate:
		icon.SetResource(theme.ContentCopyIcon())
		text.SetText(fmt.Sprintf("%s — duplicate of article %d", name, r.DuplicateOf))
	default:
		icon.SetResource(theme.ErrorIcon())
		text.SetText(fmt.Sprintf("%s — failed: %s", name, r.Error))
	}
	if len(r.Notes) > 0 { // what the import dropped or left out
		text.SetText(text.Text + " · note: " + strings.Join(r.Notes, "; "))
	}
}
