package ner

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Tag returns the entities of text in order of position. g may be nil.
// It tags within DefaultLimits and returns nothing for a text that is not
// English or that runs out of time; TagContext says why.
func (t *Tagger) Tag(text string, g *Gazetteer) []Entity {
	ents, _ := t.TagContext(context.Background(), text, g)
	return ents
}

// TagContext is Tag with DefaultLimits and a context: it returns an error
// wrapping ErrUnsupportedLanguage for a text that is not English, and one
// wrapping ErrBudget when ctx ends or the time budget runs out.
func (t *Tagger) TagContext(ctx context.Context, text string, g *Gazetteer) ([]Entity, error) {
	return t.TagWithLimits(ctx, text, g, DefaultLimits)
}

// TagWithLimits is TagContext with the given limits (zero fields take
// DefaultLimits' values, except Budget: zero is no budget of its own).
// Only the first lim.MaxBytes of text are tagged; paragraphs in another
// language than the article's English, shouted headlines and lines without
// running text (sports results) are skipped.
func (t *Tagger) TagWithLimits(ctx context.Context, text string, g *Gazetteer, lim Limits) ([]Entity, error) {
	lim = lim.withDefaults()
	if lim.Budget > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Budget)
		defer cancel()
	}
	text = prefix(text, lim.MaxBytes)
	sents, err := t.segment(ctx, text, lim)
	if err != nil {
		return nil, err
	}
	return t.tagSentences(ctx, text, sents, g)
}

// tagSentences finds the entities of the sentences of text.
func (t *Tagger) tagSentences(ctx context.Context, text string, sents [][]token, g *Gazetteer) ([]Entity, error) {
	var ms []mention
	for si, toks := range sents {
		if si%16 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("ner: %w: %w", ErrBudget, ctx.Err())
		}
		ms = append(ms, g.apply(si, toks, t.sentenceMentions(si, toks))...)
	}
	ms = t.propagate(sents, ms)
	link(sents, ms)
	cues := t.applyCues(sents, ms)
	ms = t.dropCommonWords(sents, ms)
	out := make([]Entity, 0, len(ms))
	for _, m := range ms {
		toks := sents[m.sent]
		e := Entity{Type: m.typ, Start: toks[m.a].start, End: toks[m.b-1].end, Canonical: m.canonical}
		e.Text = text[e.Start:e.End]
		if e.Canonical == "" {
			e.Canonical = e.Text
		}
		if len(cues) > 0 && !m.fixed {
			e.Cue = cues[strings.TrimSuffix(e.Canonical, ".")]
		}
		if g.isRejected(e.Text, e.Canonical) || !m.fixed && t.bareFirstName(e) {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// words joins the token texts of a mention.
func words(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].text)
	}
	return sb.String()
}

// name is a name recognised somewhere in a document.
type name struct {
	typ       string
	canonical string
	n         int // tokens
}

// propagate makes a document consistent: a name recognised once is
// recognised wherever else it occurs, and a person's surname, alone or after
// a title ("Mr Ma"), is recognised as that person.
func (t *Tagger) propagate(sents [][]token, ms []mention) []mention {
	t.vote(sents, ms)
	names := map[string]name{}      // token texts -> name
	surnames := map[string]string{} // surname or given-first family name -> full name
	maxLen := 0
	for _, m := range ms {
		toks := sents[m.sent]
		key := words(toks, m.a, m.b)
		if _, ok := names[key]; !ok || m.fixed {
			names[key] = name{typ: m.typ, canonical: m.canonical, n: m.b - m.a}
		}
		maxLen = max(maxLen, m.b-m.a)
		if m.typ == Person && m.b-m.a >= 2 {
			full := words(toks, m.a, m.b)
			if m.canonical != "" {
				full = m.canonical
			}
			for _, k := range []int{m.b - 1, m.a} {
				w := toks[k].text
				if prev, ok := surnames[w]; ok && prev != full {
					surnames[w] = "" // two people share it: ambiguous
				} else if !ok {
					surnames[w] = full
				}
			}
		}
	}
	for si, toks := range sents {
		covered := make([]bool, len(toks))
		for _, m := range ms {
			if m.sent == si {
				for k := m.a; k < m.b; k++ {
					covered[k] = true
				}
			}
		}
		for i := 0; i < len(toks); i++ {
			if covered[i] || !isCapitalised(toks[i].text) {
				continue
			}
			if m, ok := t.findName(si, toks, i, covered, names, maxLen); ok {
				ms = append(ms, m)
				i = m.b - 1
				continue
			}
			if full := surnames[toks[i].text]; full != "" && t.surnameMention(toks, i) {
				ms = append(ms, mention{sent: si, a: i, b: i + 1, typ: Person, canonical: full})
			}
		}
	}
	return ms
}

// vote gives every mention of the same words the type most of them have;
// a mention right after a role word ("Minister Ma Zhaoxu") counts three
// times for PERSON, and one whose sentence shows an organisation (a club
// in a match report, a listed company in a sentence about companies:
// context.go) twice for ORG. Gazetteer mentions keep their stored type.
func (t *Tagger) vote(sents [][]token, ms []mention) {
	votes := map[string]*[3]int{}
	keys := make([]string, len(ms))
	doc := newDocContext(sents, ms)
	for i, m := range ms {
		toks := sents[m.sent]
		keys[i] = words(toks, m.a, m.b)
		v := votes[keys[i]]
		if v == nil {
			v = &[3]int{}
			votes[keys[i]] = v
		}
		w := 1
		switch {
		case m.guess:
			w = 0 // a guess takes the type the document gives the name
		case t.actsAsOrg(toks, m, doc): // a club in a match report, a company (context.go)
			ms[i].typ, w = Org, 2
		case m.typ == Person && m.a > 0 && t.roleWord(toks[m.a-1]):
			w = 3
		}
		m = ms[i]
		v[typeIndex(m.typ)] += w
	}
	for i := range ms {
		if ms[i].fixed {
			continue
		}
		v := votes[keys[i]]
		best := typeIndex(ms[i].typ)
		for k := range v {
			if v[k] > v[best] {
				best = k
			}
		}
		ms[i].typ = dictTypes[best]
	}
}

// findName finds the longest recognised name starting at token i.
func (t *Tagger) findName(si int, toks []token, i int, covered []bool, names map[string]name, maxLen int) (mention, bool) {
	for n := min(maxLen, len(toks)-i); n >= 1; n-- {
		if covered[i+n-1] {
			continue
		}
		nm, ok := names[words(toks, i, i+n)]
		if !ok {
			continue
		}
		m := mention{sent: si, a: i, b: i + n, typ: nm.typ, canonical: nm.canonical}
		if t.plausible(toks, m) {
			return m, true
		}
	}
	return mention{}, false
}

// surnameMention reports whether the lone name at token i may be a mention of
// a person named earlier: after a title, or not a common word opening the
// sentence, not a pronoun, and not followed by another capitalised word.
func (t *Tagger) surnameMention(toks []token, i int) bool {
	w := toks[i].lower
	if pronouns[w] || isTitle(t.titles, w) {
		return false
	}
	if i > 0 && isTitle(t.titles, toks[i-1].lower) {
		return true
	}
	if i == 0 && t.model.Lexicon[w] == caseLower {
		return false
	}
	if i+1 < len(toks) && isCapitalised(toks[i+1].text) {
		return false
	}
	return !(i > 0 && articles[toks[i-1].lower])
}

// link sets the canonical name of mentions that are part of a longer name of
// the same type in the document ("Perdue" -> "David Perdue").
func link(sents [][]token, ms []mention) {
	type full struct {
		toks      []string
		canonical string
	}
	byType := map[string][]full{}
	for _, m := range ms {
		if m.b-m.a < 2 {
			continue
		}
		toks := sents[m.sent]
		f := full{canonical: m.canonical}
		if f.canonical == "" {
			f.canonical = words(toks, m.a, m.b)
		}
		for k := m.a; k < m.b; k++ {
			f.toks = append(f.toks, toks[k].text)
		}
		byType[m.typ] = append(byType[m.typ], f)
	}
	for i := range ms {
		m := &ms[i]
		if m.canonical != "" {
			continue
		}
		toks := sents[m.sent]
		var part []string
		for k := m.a; k < m.b; k++ {
			part = append(part, toks[k].text)
		}
		target := ""
		for _, f := range byType[m.typ] {
			if len(f.toks) > len(part) && containsRun(f.toks, part) {
				if target != "" && target != f.canonical {
					target = "" // ambiguous
					break
				}
				target = f.canonical
			}
		}
		m.canonical = target
	}
}

// containsRun reports whether part occurs contiguously in whole.
func containsRun(whole, part []string) bool {
	for i := 0; i+len(part) <= len(whole); i++ {
		ok := true
		for k := range part {
			if whole[i+k] != part[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
