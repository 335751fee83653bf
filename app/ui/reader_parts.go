package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// readerPart is the most of a body (in bytes) the reader lays out at once.
// Nearly every article fits in one part; a huge one (a 20 MB page) is read
// part by part, so opening it lays out and draws a bounded amount of text.
const readerPart = 64 << 10

// partEnd returns where the part of body starting at lo ends: at most size
// bytes on, after the last paragraph break in the second half of that
// window, else the last line break or space, else at a rune boundary.
func partEnd(body string, lo, size int) int {
	if len(body)-lo <= size {
		return len(body)
	}
	win := body[lo : lo+size]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(win, sep); i >= size/2 {
			return lo + i + len(sep)
		}
	}
	end := lo + size
	for end > lo+1 && !utf8.RuneStart(body[end]) {
		end--
	}
	return end
}

// partMentions returns the mentions inside body[lo:hi], their offsets made
// relative to lo.
func partMentions(ms []store.Mention, lo, hi int) []store.Mention {
	var out []store.Mention
	for _, m := range ms {
		if m.Start >= lo && m.End <= hi {
			m.Start, m.End = m.Start-lo, m.End-lo
			out = append(out, m)
		}
	}
	return out
}

// mentionLinks returns a link per mention in the order of the body, for
// the summary of the entities the whole article mentions.
func mentionLinks(ms []store.Mention) []widgets.Link {
	s := append([]store.Mention(nil), ms...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	links := make([]widgets.Link, 0, len(s))
	for _, m := range s {
		links = append(links, widgets.Link{Type: m.Type, ID: m.EntityID, Name: m.Name})
	}
	return links
}

// bodyParts is the reader's navigation between the parts of a long body.
type bodyParts struct {
	r      *Reader
	text   string          // the whole body
	starts []int           // where each part up to the one shown starts
	hi     int             // where the part shown ends
	bar    *fyne.Container // shown only when the body has more than one part
	label  *widget.Label
	prev   *widgets.Button
	next   *widgets.Button
}

func newBodyParts(r *Reader) *bodyParts {
	p := &bodyParts{r: r, label: widget.NewLabel("")}
	p.label.Importance = widget.LowImportance
	p.prev = widgets.NewButtonWithIcon("Previous part", theme.NavigateBackIcon(), p.back)
	p.next = widgets.NewButtonWithIcon("Next part", theme.NavigateNextIcon(), p.forward)
	p.next.IconPlacement = widget.ButtonIconTrailingText
	p.bar = container.NewHBox(p.prev, p.next, p.label)
	p.bar.Hide()
	return p
}

// set shows the first part of a new body.
func (p *bodyParts) set(body string) {
	p.text, p.starts = body, []int{0}
	p.show()
}

// lo is where the part shown starts.
func (p *bodyParts) lo() int { return p.starts[len(p.starts)-1] }

func (p *bodyParts) forward() {
	if p.hi < len(p.text) {
		p.starts = append(p.starts, p.hi)
		p.show()
		p.r.scroll.ScrollToTop()
	}
}

func (p *bodyParts) back() {
	if len(p.starts) > 1 {
		p.starts = p.starts[:len(p.starts)-1]
		p.show()
		p.r.scroll.ScrollToTop()
	}
}

// show lays out the current part, its mentions linked, and gives it to
// the highlight panel to select passages in.
func (p *bodyParts) show() {
	r, lo := p.r, p.lo()
	p.hi = partEnd(p.text, lo, readerPart)
	open := func(m store.Mention) { r.w.showEntity(m.EntityID) }
	part := p.text[lo:p.hi]
	r.body.SetContent(bodyRuns(part, partMentions(r.mentions, lo, p.hi), open))
	r.hl.setText(part, lo)
	if lo == 0 && p.hi == len(p.text) {
		p.bar.Hide()
		return
	}
	p.label.SetText(fmt.Sprintf("part %d · %d–%d KB of %d KB", len(p.starts), lo/1024, (p.hi+1023)/1024, (len(p.text)+1023)/1024))
	setEnabled(p.prev, lo > 0)
	setEnabled(p.next, p.hi < len(p.text))
	p.bar.Show()
}

func setEnabled(b fyne.Disableable, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
