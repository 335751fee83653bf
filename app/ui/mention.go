package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// bodyRuns splits an article body into paragraphs (at blank lines) of
// plain runs and links, one link per mention; open is called with the
// mention tapped. Mentions are byte ranges of body; overlapping, empty,
// out-of-range ones and those spanning paragraphs are left plain.
func bodyRuns(body string, mentions []store.Mention, open func(store.Mention)) ([][]widgets.Run, []widgets.Link) {
	ms := append([]store.Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	var paras [][]widgets.Run
	var links []widgets.Link
	pos, mi := 0, 0
	for _, para := range strings.SplitAfter(body, "\n\n") {
		end := pos + len(para)
		textEnd := pos + len(strings.TrimRight(para, "\n"))
		var runs []widgets.Run
		cur := pos
		for ; mi < len(ms) && ms[mi].Start < end; mi++ {
			m := ms[mi]
			if m.Start < cur || m.End > textEnd || m.End <= m.Start {
				continue // overlaps the previous mention, or spans paragraphs
			}
			if m.Start > cur {
				runs = append(runs, widgets.Run{Text: body[cur:m.Start], Link: -1})
			}
			runs = append(runs, widgets.Run{Text: body[m.Start:m.End], Link: len(links)})
			links = append(links, widgets.Link{Type: m.Type, ID: m.EntityID, Name: m.Name, Text: body[m.Start:m.End],
				OnTap: func() { open(m) }})
			cur = m.End
		}
		if cur < textEnd {
			runs = append(runs, widgets.Run{Text: body[cur:textEnd], Link: -1})
		}
		if strings.TrimSpace(body[pos:textEnd]) != "" {
			paras = append(paras, runs)
		}
		pos = end
	}
	return paras, links
}

// summaryRuns is one paragraph naming each entity linked in the body once,
// in order of first mention, separated by middle dots; open is called with
// the entity tapped.
func summaryRuns(body []widgets.Link, open func(store.Mention)) ([][]widgets.Run, []widgets.Link) {
	if len(body) == 0 {
		return nil, nil
	}
	runs := []widgets.Run{{Text: "Mentioned:", Link: -1}}
	var links []widgets.Link
	seen := map[int64]bool{}
	for _, l := range body {
		if seen[l.ID] {
			continue
		}
		seen[l.ID] = true
		if len(links) > 0 {
			runs = append(runs, widgets.Run{Text: "\u00a0·", Link: -1}) // no break before the dot
		}
		name := strings.Join(strings.Fields(l.Name), " ")
		runs = append(runs, widgets.Run{Text: " ", Link: -1}, widgets.Run{Text: name, Link: len(links)})
		m := store.Mention{EntityID: l.ID, Name: l.Name, Type: l.Type}
		links = append(links, widgets.Link{Type: l.Type, ID: l.ID, Name: l.Name, Text: name, OnTap: func() { open(m) }})
	}
	return [][]widgets.Run{runs}, links
}

// inlineText is a segment of plain text that does not end its paragraph.
func inlineText(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}
