package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/store"
)

// bodyRuns splits an article body into paragraphs (at blank lines) of
// plain runs and links, one link per mention; open is called with the
// mention tapped. Mentions are byte ranges of body; overlapping, empty,
// out-of-range ones and those spanning paragraphs are left plain.
func bodyRuns(body string, mentions []store.Mention, open func(store.Mention)) ([][]flowRun, []flowLink) {
	ms := append([]store.Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	var paras [][]flowRun
	var links []flowLink
	pos, mi := 0, 0
	for _, para := range strings.SplitAfter(body, "\n\n") {
		end := pos + len(para)
		textEnd := pos + len(strings.TrimRight(para, "\n"))
		var runs []flowRun
		cur := pos
		for ; mi < len(ms) && ms[mi].Start < end; mi++ {
			m := ms[mi]
			if m.Start < cur || m.End > textEnd || m.End <= m.Start {
				continue // overlaps the previous mention, or spans paragraphs
			}
			if m.Start > cur {
				runs = append(runs, flowRun{text: body[cur:m.Start], link: -1})
			}
			runs = append(runs, flowRun{text: body[m.Start:m.End], link: len(links)})
			links = append(links, flowLink{typ: m.Type, id: m.EntityID, name: m.Name, text: body[m.Start:m.End],
				onTap: func() { open(m) }})
			cur = m.End
		}
		if cur < textEnd {
			runs = append(runs, flowRun{text: body[cur:textEnd], link: -1})
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
func summaryRuns(body []flowLink, open func(store.Mention)) ([][]flowRun, []flowLink) {
	if len(body) == 0 {
		return nil, nil
	}
	runs := []flowRun{{text: "Mentioned:", link: -1}}
	var links []flowLink
	seen := map[int64]bool{}
	for _, l := range body {
		if seen[l.id] {
			continue
		}
		seen[l.id] = true
		if len(links) > 0 {
			runs = append(runs, flowRun{text: "\u00a0·", link: -1}) // no break before the dot
		}
		name := strings.Join(strings.Fields(l.name), " ")
		runs = append(runs, flowRun{text: " ", link: -1}, flowRun{text: name, link: len(links)})
		m := store.Mention{EntityID: l.id, Name: l.name, Type: l.typ}
		links = append(links, flowLink{typ: l.typ, id: l.id, name: l.name, text: name, onTap: func() { open(m) }})
	}
	return [][]flowRun{runs}, links
}

// inlineText is a segment of plain text that does not end its paragraph.
func inlineText(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}
