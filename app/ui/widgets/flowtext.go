package widgets

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Run is a stretch of a paragraph: plain text, or the text of a link.
type Run struct {
	Text string
	Link int // index into the links, -1 for plain text
}

// Link is a tappable stretch of text: an entity's mention, drawn bold in
// its type's colour.
type Link struct {
	Type  string
	ID    int64  // the entity
	Name  string // the entity's name
	Text  string // as written
	OnTap func()
}

// flowToken is a word, or the part of a word inside or outside a link.
type flowToken struct {
	text  string
	link  int
	space bool // a space comes before it: a line may break there
	brk   bool // a line break comes before it
	w     float32
}

// flowSpan is what one canvas.Text draws: tokens of one link (or of plain
// text) placed side by side on one line.
type flowSpan struct {
	text    string
	link    int
	x, y, w float32
}

// FlowText is a block of paragraphs that it word-wraps itself: words are
// measured once per text size, and lines are laid out again only when the
// width changes, so a long article reflows quickly. Links (entity mentions)
// are drawn bold in their type's colour, underlined, and open when tapped;
// a right click offers to copy the text.
type FlowText struct {
	widget.BaseWidget
	paras [][]flowToken
	texts []string // each paragraph as plain text, for copying
	links []Link

	spans    []flowSpan
	height   float32 // of the laid-out lines, padding included
	laidW    float32 // width of the last layout, 0 for none
	textSize float32 // size the tokens were measured at
	lineH    float32
	spaceW   float32
	paraTops []float32 // where each paragraph starts
	layouts  int       // how many times lines were laid out (for tests)
	hover    int       // link under the pointer, -1 for none
}

// Links returns the links of the content shown.
func (f *FlowText) Links() []Link { return f.links }

// DrawnLinks returns the links drawn in the last layout, once per piece of
// text drawn (a link wrapped over two lines comes twice).
func (f *FlowText) DrawnLinks() []Link {
	var out []Link
	for _, s := range f.spans {
		if s.link >= 0 {
			out = append(out, f.links[s.link])
		}
	}
	return out
}

// NewFlowText returns an empty flow text.
func NewFlowText() *FlowText {
	f := &FlowText{hover: -1}
	f.ExtendBaseWidget(f)
	return f
}

// SetContent shows new paragraphs of runs with their links.
func (f *FlowText) SetContent(paras [][]Run, links []Link) {
	f.links = links
	f.paras = make([][]flowToken, 0, len(paras))
	f.texts = f.texts[:0]
	for _, p := range paras {
		var b strings.Builder
		for _, r := range p {
			b.WriteString(r.Text)
		}
		f.texts = append(f.texts, strings.TrimSpace(b.String()))
		f.paras = append(f.paras, tokenize(p))
	}
	f.textSize, f.hover = 0, -1
	if f.laidW > 0 {
		f.relayout(f.laidW)
	}
	f.Refresh()
}

// tokenize splits runs into words, noting the spaces and line breaks
// before them; a word split by a link's edge becomes tokens glued together.
func tokenize(runs []Run) []flowToken {
	var out []flowToken
	space, brk := false, false
	for _, r := range runs {
		start := -1
		flush := func(end int) {
			if start >= 0 {
				out = append(out, flowToken{text: r.Text[start:end], link: r.Link, space: space && len(out) > 0, brk: brk && len(out) > 0})
				start, space, brk = -1, false, false
			}
		}
		for i, c := range r.Text {
			if unicode.IsSpace(c) && c != nbsp {
				flush(i)
				space = true
				brk = brk || c == '\n'
				continue
			}
			if start < 0 {
				start = i
			}
		}
		flush(len(r.Text))
	}
	return out
}

// inset is the padding around the text.
func (f *FlowText) inset() float32 { return f.Theme().Size(theme.SizeNameInnerPadding) }

// measure measures every token at the theme's text size, once per size.
func (f *FlowText) measure() {
	th := f.Theme()
	size := th.Size(theme.SizeNameText)
	if size == f.textSize {
		return
	}
	f.textSize = size
	plain := fyne.TextStyle{}
	f.lineH = fyne.MeasureText("Mg", size, plain).Height
	f.spaceW = fyne.MeasureText(" ", size, plain).Width
	cache := map[string]float32{}
	for _, p := range f.paras {
		for i := range p {
			t := &p[i]
			key := t.text
			if t.link >= 0 {
				key = "\x00" + key
			}
			w, ok := cache[key]
			if !ok {
				w = fyne.MeasureText(t.text, size, f.style(t.link)).Width
				cache[key] = w
			}
			t.w = w
		}
	}
	f.laidW = 0
}

func (f *FlowText) style(link int) fyne.TextStyle {
	return fyne.TextStyle{Bold: link >= 0}
}

// relayout breaks the paragraphs into lines of at most width.
func (f *FlowText) relayout(width float32) {
	f.measure()
	f.laidW = width
	f.layouts++
	th := f.Theme()
	pad := f.inset()
	lineGap := th.Size(theme.SizeNameLineSpacing)
	paraGap := th.Size(theme.SizeNamePadding) * 2
	avail := max(width-2*pad, 4*f.spaceW)
	f.spans, f.paraTops = f.spans[:0], f.paraTops[:0]
	y := pad / 2
	for pi, p := range f.paras {
		if pi > 0 {
			y += f.lineH + paraGap
		}
		f.paraTops = append(f.paraTops, y)
		x := float32(0)
		newline := func() { x, y = 0, y+f.lineH+lineGap }
		for i := 0; i < len(p); {
			j, gw := i+1, p[i].w
			for j < len(p) && !p[j].space && !p[j].brk {
				gw += p[j].w
				j++
			}
			var sp float32
			switch {
			case p[i].brk:
				newline()
			case x > 0 && x+f.spaceW+gw > avail:
				newline()
			case x > 0 && p[i].space:
				sp = f.spaceW
			}
			for k := i; k < j; k++ {
				t := p[k]
				if x > 0 && k > i && x+t.w > avail {
					newline() // a word wider than a line breaks at a link's edge
				}
				if x == 0 && t.w > avail {
					f.placeLong(t, avail, &x, &y, newline)
					continue
				}
				f.place(t.text, t.link, x, sp, y, t.w)
				x += sp + t.w
				sp = 0
			}
			i = j
		}
	}
	if len(f.paras) > 0 {
		y += f.lineH
	}
	f.height = y + pad/2
	for i := range f.spans {
		f.spans[i].x += pad
	}
}

// place adds a token at x (after a space of sp) on the line at y, joining
// the span before it when that is of the same link and on the same line.
func (f *FlowText) place(text string, link int, x, sp, y, w float32) {
	if n := len(f.spans); n > 0 {
		last := &f.spans[n-1]
		if last.y == y && last.link == link && abs32(last.x+last.w-x) < 0.01 {
			if sp > 0 {
				last.text += " "
			}
			last.text += text
			last.w += sp + w
			return
		}
	}
	f.spans = append(f.spans, flowSpan{text: text, link: link, x: x + sp, y: y, w: w})
}

// placeLong places a token wider than a line over several lines, as many
// characters as fit on each.
func (f *FlowText) placeLong(t flowToken, avail float32, x, y *float32, newline func()) {
	s := t.text
	for s != "" {
		n := f.fitting(s, t.link, avail)
		w := fyne.MeasureText(s[:n], f.textSize, f.style(t.link)).Width
		if *x > 0 {
			newline()
		}
		f.place(s[:n], t.link, 0, 0, *y, w)
		*x = w
		s = s[n:]
	}
}

// fitting returns how many bytes of s (at least one rune) fit in width.
func (f *FlowText) fitting(s string, link int, width float32) int {
	_, first := utf8.DecodeRuneInString(s)
	lo, hi := first, len(s) // lo fits (or is the minimum), hi may not
	if fyne.MeasureText(s, f.textSize, f.style(link)).Width <= width {
		return len(s)
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		for mid > lo && !utf8.RuneStart(s[mid]) {
			mid--
		}
		if mid == lo {
			break
		}
		if fyne.MeasureText(s[:mid], f.textSize, f.style(link)).Width <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// Resize lays the lines out again when the width changes.
func (f *FlowText) Resize(size fyne.Size) {
	relaid := false
	if size.Width != f.laidW && size.Width > 0 {
		f.relayout(size.Width)
		relaid = true
	}
	f.BaseWidget.Resize(size)
	if relaid {
		f.Refresh()
	}
}

// Refresh measures the text again if the theme's text size changed.
func (f *FlowText) Refresh() {
	if f.laidW > 0 && f.Theme().Size(theme.SizeNameText) != f.textSize {
		f.relayout(f.laidW)
	}
	f.BaseWidget.Refresh()
}

// linkAt returns the link drawn at pos, or -1.
func (f *FlowText) linkAt(pos fyne.Position) int {
	for _, s := range f.spans {
		if s.link >= 0 && pos.X >= s.x && pos.X < s.x+s.w && pos.Y >= s.y && pos.Y < s.y+f.lineH {
			return s.link
		}
	}
	return -1
}

// LinkPos returns the middle of the first span of the first link whose
// entity has the given name (for tests), and whether there is one.
func (f *FlowText) LinkPos(name string) (fyne.Position, bool) {
	for _, s := range f.spans {
		if s.link >= 0 && f.links[s.link].Name == name {
			return fyne.NewPos(s.x+s.w/2, s.y+f.lineH/2), true
		}
	}
	return fyne.Position{}, false
}

// Tapped opens the link under the pointer.
func (f *FlowText) Tapped(ev *fyne.PointEvent) {
	if l := f.linkAt(ev.Position); l >= 0 && f.links[l].OnTap != nil {
		f.links[l].OnTap()
	}
}

// TappedSecondary offers to open the link under the pointer and to copy
// the paragraph or all the text.
func (f *FlowText) TappedSecondary(ev *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	if c == nil {
		return
	}
	var items []*fyne.MenuItem
	if l := f.linkAt(ev.Position); l >= 0 {
		link := f.links[l]
		items = append(items, fyne.NewMenuItem("Open “"+link.Name+"”", link.OnTap), fyne.NewMenuItemSeparator())
	}
	copyText := func(s string) func() {
		return func() { fyne.CurrentApp().Clipboard().SetContent(s) }
	}
	if p := f.paraAt(ev.Position.Y); p >= 0 {
		items = append(items, fyne.NewMenuItem("Copy paragraph", copyText(f.texts[p])))
	}
	items = append(items, fyne.NewMenuItem("Copy all text", copyText(strings.Join(f.texts, "\n\n"))))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, ev.AbsolutePosition)
}

// paraAt returns the paragraph drawn at height y, or -1.
func (f *FlowText) paraAt(y float32) int {
	p := -1
	for i, top := range f.paraTops {
		if top > y {
			break
		}
		p = i
	}
	return p
}

// Cursor is a pointing hand over a link.
func (f *FlowText) Cursor() desktop.Cursor {
	if f.hover >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn notes the link under the pointer.
func (f *FlowText) MouseIn(ev *desktop.MouseEvent) { f.setHover(f.linkAt(ev.Position)) }

// MouseMoved notes the link under the pointer.
func (f *FlowText) MouseMoved(ev *desktop.MouseEvent) { f.setHover(f.linkAt(ev.Position)) }

// MouseOut forgets the link under the pointer.
func (f *FlowText) MouseOut() { f.setHover(-1) }

func (f *FlowText) setHover(l int) {
	if l != f.hover {
		f.hover = l
		f.BaseWidget.Refresh()
	}
}

// CreateRenderer draws the spans.
func (f *FlowText) CreateRenderer() fyne.WidgetRenderer {
	r := &flowRenderer{f: f}
	r.Refresh()
	return r
}

type flowRenderer struct {
	f       *FlowText
	texts   []*canvas.Text
	lines   []*canvas.Rectangle // under links
	hovers  []*canvas.Rectangle // behind the hovered link
	objects []fyne.CanvasObject
}

func (r *flowRenderer) Destroy() {}

func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *flowRenderer) Layout(fyne.Size) {}

func (r *flowRenderer) MinSize() fyne.Size {
	f := r.f
	if f.laidW == 0 {
		f.measure()
		return fyne.NewSize(8*f.spaceW, f.lineH+f.inset())
	}
	return fyne.NewSize(8*f.spaceW, f.height)
}

// Refresh makes a canvas.Text per span, reusing those made before.
func (r *flowRenderer) Refresh() {
	f := r.f
	th := f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.objects = r.objects[:0]
	nl, nh := 0, 0
	for i, s := range f.spans {
		if i == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", fg))
		}
		t := r.texts[i]
		t.Text, t.TextSize, t.TextStyle, t.Color = s.text, f.textSize, f.style(s.link), fg
		t.Move(fyne.NewPos(s.x, s.y))
		t.Resize(fyne.NewSize(s.w, f.lineH))
		if s.link >= 0 {
			typ := f.links[s.link].Type
			t.Color = th.Color(EntityColorName(typ), v)
			if nl == len(r.lines) {
				r.lines = append(r.lines, canvas.NewRectangle(color.Transparent))
			}
			line := r.lines[nl]
			nl++
			line.FillColor = WithAlpha(TypeColor(typ), 0x70)
			line.Move(fyne.NewPos(s.x, s.y+f.lineH-1))
			line.Resize(fyne.NewSize(s.w, 1))
			r.objects = append(r.objects, line)
			if s.link == f.hover {
				if nh == len(r.hovers) {
					bg := canvas.NewRectangle(color.Transparent)
					bg.CornerRadius = 3
					r.hovers = append(r.hovers, bg)
				}
				bg := r.hovers[nh]
				nh++
				bg.FillColor = WithAlpha(TypeColor(typ), HoverAlpha)
				bg.Move(fyne.NewPos(s.x-2, s.y))
				bg.Resize(fyne.NewSize(s.w+4, f.lineH))
				r.objects = append(r.objects, bg)
			}
		}
		r.objects = append(r.objects, t)
	}
	for _, o := range r.objects {
		o.Refresh()
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// nbsp is the no-break space: no line breaks at it.
const nbsp = '\u00a0'
