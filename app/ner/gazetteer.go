package ner

import (
	"strings"

	"github.com/jdkato/prose/v2"
)

// Known is an entity confirmed or corrected in the archive.
type Known struct {
	Name    string   // the full name
	Type    string   // "PERSON", "ORG" or "PLACE"
	Aliases []string // other ways the texts write it
}

// Gazetteer holds the archive's known and rejected names. It is read-only
// once built and safe for concurrent use.
type Gazetteer struct {
	byFirst  map[string][]gazEntry // first token -> surface forms starting with it
	rejected map[string]bool       // normalised rejected names
}

type gazEntry struct {
	toks      []string
	typ       string
	canonical string
}

// NewGazetteer builds a gazetteer from known entities (found wherever their
// name or an alias occurs, typed as stored) and rejected names (never
// returned).
func NewGazetteer(known []Known, rejected []string) *Gazetteer {
	g := &Gazetteer{byFirst: map[string][]gazEntry{}, rejected: map[string]bool{}}
	for _, k := range known {
		if k.Type != Person && k.Type != Org && k.Type != Place {
			continue
		}
		for _, form := range append([]string{k.Name}, k.Aliases...) {
			toks := wordsOf(form)
			if len(toks) == 0 {
				continue
			}
			g.byFirst[toks[0]] = append(g.byFirst[toks[0]], gazEntry{toks: toks, typ: k.Type, canonical: k.Name})
		}
	}
	for _, r := range rejected {
		if n := normalise(r); n != "" {
			g.rejected[n] = true
		}
	}
	return g
}

// wordsOf tokenises a name as prose tokenises text.
func wordsOf(s string) []string {
	doc, err := prose.NewDocument(s, prose.WithSegmentation(false),
		prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range doc.Tokens() {
		out = append(out, t.Text)
	}
	return out
}

// normalise lower-cases s and collapses its spaces.
func normalise(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// isRejected reports whether a mention's text or canonical name was rejected.
func (g *Gazetteer) isRejected(text, canonical string) bool {
	return g != nil && (g.rejected[normalise(text)] || g.rejected[normalise(canonical)])
}

// match returns the longest known name starting at token i of toks.
func (g *Gazetteer) match(toks []token, i int) (gazEntry, bool) {
	var best gazEntry
	found := false
	for _, e := range g.byFirst[toks[i].text] {
		if len(e.toks) > len(toks)-i || found && len(e.toks) <= len(best.toks) {
			continue
		}
		ok := true
		for k, w := range e.toks {
			if toks[i+k].text != w {
				ok = false
				break
			}
		}
		if ok {
			best, found = e, true
		}
	}
	return best, found
}

// apply adds the known names found in a sentence, replacing the model's
// mentions that overlap them.
func (g *Gazetteer) apply(sent int, toks []token, ms []mention) []mention {
	if g == nil || len(g.byFirst) == 0 {
		return ms
	}
	var fixed []mention
	for i := 0; i < len(toks); {
		e, ok := g.match(toks, i)
		if !ok {
			i++
			continue
		}
		fixed = append(fixed, mention{sent: sent, a: i, b: i + len(e.toks), typ: e.typ,
			canonical: e.canonical, fixed: true})
		i += len(e.toks)
	}
	if len(fixed) == 0 {
		return ms
	}
	out := fixed
	for _, m := range ms {
		if !overlapsAny(m, fixed) {
			out = append(out, m)
		}
	}
	return out
}

func overlapsAny(m mention, others []mention) bool {
	for _, o := range others {
		if o.sent == m.sent && m.a < o.b && o.a < m.b {
			return true
		}
	}
	return false
}
