package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// typeDot is a small disc in an entity type's colour.
type typeDot struct {
	widget.BaseWidget
	circle *canvas.Circle
}

func newTypeDot(typ string) *typeDot {
	d := &typeDot{circle: canvas.NewCircle(color.Transparent)}
	d.ExtendBaseWidget(d)
	d.setType(typ)
	return d
}

// setType colours the dot for an entity type.
func (d *typeDot) setType(typ string) {
	d.circle.FillColor = widgets.TypeColor(typ)
	d.circle.Refresh()
}

// CreateRenderer centres the disc in its space.
func (d *typeDot) CreateRenderer() fyne.WidgetRenderer {
	return &dotRenderer{d: d}
}

type dotRenderer struct{ d *typeDot }

const dotSize = 10

func (r *dotRenderer) Layout(s fyne.Size) {
	r.d.circle.Resize(fyne.NewSquareSize(dotSize))
	r.d.circle.Move(fyne.NewPos((s.Width-dotSize)/2, (s.Height-dotSize)/2))
}

func (r *dotRenderer) MinSize() fyne.Size           { return fyne.NewSquareSize(dotSize + 8) }
func (r *dotRenderer) Refresh()                     { r.d.circle.Refresh() }
func (r *dotRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.d.circle} }
func (r *dotRenderer) Destroy()                     {}
