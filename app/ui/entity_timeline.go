package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// spec is the entity as a coverage series.
func (p *EntityPage) spec() search.SeriesSpec {
	return search.SeriesSpec{Kind: search.KindEntity, Value: strconv.FormatInt(p.id, 10)}
}

// timelineView charts the entity's articles over time, by day, week or
// month as its span asks; hovering shows a bar's count, clicking lists
// its articles; undated articles are said apart.
func (p *EntityPage) timelineView() fyne.CanvasObject {
	tab := p.timeline
	if tab == nil {
		return widget.NewLabel("")
	}
	if len(tab.Series) == 1 {
		tab.Series[0].Name = p.ent.Name
	}
	cv := widgets.NewChartView()
	cv.SetTable(tab, chart.Style{})
	hover := widget.NewLabel(" ")
	cv.OnHover = func(s string) { hover.SetText(" " + s) }
	cv.OnTap = func(period, _ int) {
		if period >= 0 && period < len(tab.Periods) && tab.Series[0].Counts[period] > 0 {
			showPeriod(p.w, p.spec(), tab, period, 0)
		}
	}
	note := hover
	if n := tab.UndatedNote(); n != "" {
		note = widget.NewLabel(n)
	}
	title := "Articles per " + tab.By.String()
	if tab.By == chart.Week {
		title = "Articles per week (Monday to Sunday)"
	}
	chartBox := container.NewGridWrap(fyne.NewSize(460, 240), cv)
	if note == hover {
		return container.NewVBox(sectionLabel(title), chartBox, hover)
	}
	return container.NewVBox(sectionLabel(title), chartBox, hover, note)
}

// contextLead is how many characters of a mention's sentence are kept
// before it, so that a row's one line shows the name.
const contextLead = 60

// mentionContexts joins an article's mention contexts (sentences with the
// name between store.MarkStart and store.MarkEnd) for one line, each cut
// to start shortly before its mention.
func mentionContexts(contexts []string) string {
	out := make([]string, 0, len(contexts))
	for _, c := range contexts {
		out = append(out, leadIn(c, contextLead))
	}
	return strings.Join(out, "  …  ")
}

// leadIn cuts the text before the first mark of c to about lead
// characters, at a word boundary, marking the cut with an ellipsis.
func leadIn(c string, lead int) string {
	i := strings.Index(c, store.MarkStart)
	if i < 0 || utf8.RuneCountInString(c[:i]) <= lead {
		return c
	}
	cut := i
	for n := 0; n < lead && cut > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(c[:cut])
		cut -= size
	}
	if sp := strings.IndexByte(c[cut:i], ' '); sp >= 0 {
		cut += sp + 1
	}
	return "…" + c[cut:]
}
