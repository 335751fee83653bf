package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case classes of a word in the lexicon, learnt from how the training text
// writes the word when it is not the first of its sentence.
const (
	caseUnseen = 'u' // never seen in training
	caseLower  = 'l' // almost always lower case: a common word
	caseMixed  = 'm' // both
	caseUpper  = 'c' // almost always capitalised: a name
)

// wordShape maps letters to X/x and digits to d, collapsing repeats:
// "Zhaoxu" -> "Xx", "U.S." -> "X.X.", "2025" -> "d".
func wordShape(w string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
		if b.Len() > 8 {
			break
		}
	}
	return b.String()
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// featureEmitter receives each feature key; the key is only valid during the call.
type featureEmitter func(key []byte)

// sentenceFeatures holds what the features of one sentence need.
type sentenceFeatures struct {
	toks    []token
	lexicon map[string]byte
	titles  map[string]bool
	marks   []string   // dictionary marks per token, see dictMarks
	lists   []listMark // name-list marks per token, see listMarks
	// paths are the Brown cluster bit strings per token ("": none), see
	// clusterPaths.
	paths []string
	buf   []byte
}

// newSentenceFeatures prepares the features of a sentence.
func newSentenceFeatures(toks []token, lex, dict map[string]byte, titles map[string]bool, nl NameLists,
	cl Clusters) *sentenceFeatures {
	return &sentenceFeatures{toks: toks, lexicon: lex, titles: titles, marks: dictMarks(toks, dict, nil),
		lists: listMarks(toks, nl), paths: clusterPaths(toks, cl)}
}

// listAt returns the name-list mark of token i ({0, 0} outside the sentence).
func (f *sentenceFeatures) listAt(i int) listMark {
	if i < 0 || i >= len(f.toks) {
		return listMark{}
	}
	return f.lists[i]
}

// listFeatures emits the name-list categories of token i, alone with its
// position in the entry, and those of its neighbours.
func (f *sentenceFeatures) listFeatures(i int, out featureEmitter) {
	cur := f.listAt(i)
	for k := range numLists {
		if cur.bits&(1<<k) != 0 {
			f.emit(out, "g", listNames[k], string(cur.pos))
			f.emit(out, "gs", listNames[k], f.toks[i].shape)
		}
	}
	for _, d := range [...]int{-1, 1} {
		nb := f.listAt(i + d)
		if nb.bits == 0 || nb.pos != 0 && cur.pos != 0 && nb.bits == cur.bits && (d < 0 && cur.pos == 'I' || d > 0 && nb.pos == 'I') {
			continue // nothing there, or the same entry as token i
		}
		side := "g-1"
		if d > 0 {
			side = "g+1"
		}
		for k := range numLists {
			if nb.bits&(1<<k) != 0 {
				f.emit(out, side, listNames[k])
			}
		}
	}
}

func (f *sentenceFeatures) markAt(i int) string {
	if i < 0 || i >= len(f.toks) {
		return "-"
	}
	return f.marks[i]
}

func (f *sentenceFeatures) word(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(f.toks) {
		return "</s>"
	}
	return f.toks[i].lower
}

func (f *sentenceFeatures) shapeAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(f.toks) {
		return "</s>"
	}
	return f.toks[i].shape
}

func (f *sentenceFeatures) posAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(f.toks) {
		return "</s>"
	}
	return f.toks[i].pos
}

func (f *sentenceFeatures) caseAt(i int) byte {
	if i < 0 || i >= len(f.toks) {
		return '-'
	}
	c, ok := f.lexicon[f.toks[i].lower]
	if !ok {
		return caseUnseen
	}
	return c
}

func (f *sentenceFeatures) titleAt(i int) string {
	if i < 0 || i >= len(f.toks) {
		return "-"
	}
	if isTitle(f.titles, f.toks[i].lower) {
		return "T"
	}
	return "n"
}

// emit sends one feature made of parts joined by '|'.
func (f *sentenceFeatures) emit(out featureEmitter, parts ...string) {
	f.buf = f.buf[:0]
	for j, p := range parts {
		if j > 0 {
			f.buf = append(f.buf, '|')
		}
		f.buf = append(f.buf, p...)
	}
	out(f.buf)
}

// static emits the label-independent features of token i.
func (f *sentenceFeatures) static(i int, out featureEmitter) {
	t := f.toks[i]
	w := t.lower
	f.emit(out, "b")
	f.emit(out, "w", w)
	f.emit(out, "W", t.text)
	f.emit(out, "s", t.shape)
	f.emit(out, "p", t.pos)
	for n := 1; n <= 4; n++ {
		if len(w) > n {
			f.emit(out, "pre", w[:n])
			f.emit(out, "suf", w[len(w)-n:])
		}
	}
	cs := string(f.caseAt(i))
	f.emit(out, "c", cs, t.shape)
	f.emit(out, "t", f.titleAt(i), t.shape)
	if i == 0 {
		f.emit(out, "first", t.shape, cs)
	}
	f.emit(out, "w-1", f.word(i-1))
	f.emit(out, "w+1", f.word(i+1))
	f.emit(out, "w-2", f.word(i-2))
	f.emit(out, "w+2", f.word(i+2))
	f.emit(out, "w-1w", f.word(i-1), w)
	f.emit(out, "ww+1", w, f.word(i+1))
	f.emit(out, "s-1", f.shapeAt(i-1))
	f.emit(out, "s+1", f.shapeAt(i+1))
	f.emit(out, "s-1s", f.shapeAt(i-1), t.shape)
	f.emit(out, "ss+1", t.shape, f.shapeAt(i+1))
	f.emit(out, "s-1ss+1", f.shapeAt(i-1), t.shape, f.shapeAt(i+1))
	f.emit(out, "p-1", f.posAt(i-1))
	f.emit(out, "p+1", f.posAt(i+1))
	f.emit(out, "p-1p", f.posAt(i-1), t.pos)
	f.emit(out, "pp+1", t.pos, f.posAt(i+1))
	f.emit(out, "c-1c+1", string(f.caseAt(i-1)), cs, string(f.caseAt(i+1)))
	f.emit(out, "t-1", f.titleAt(i-1), t.shape)
	f.emit(out, "t+1", f.titleAt(i+1), t.shape)
	f.emit(out, "s-2", f.shapeAt(i-2))
	f.emit(out, "s+2", f.shapeAt(i+2))
	f.emit(out, "w-1w+1", f.word(i-1), f.word(i+1))
	f.emit(out, "c-1", string(f.caseAt(i-1)))
	f.emit(out, "c+1", string(f.caseAt(i+1)))
	f.emit(out, "d", f.markAt(i))
	f.emit(out, "d-1d", f.markAt(i-1), f.markAt(i))
	f.emit(out, "dd+1", f.markAt(i), f.markAt(i+1))
	f.emit(out, "w-1s", f.word(i-1), t.shape)
	f.emit(out, "sw+1", t.shape, f.word(i+1))
	f.listFeatures(i, out)
	f.clusterFeatures(i, out)
}

// dynamic emits the features of token i that join the previous label.
func (f *sentenceFeatures) dynamic(i int, prev string, out featureEmitter) {
	t := f.toks[i]
	f.emit(out, "L", prev)
	f.emit(out, "Ls", prev, t.shape)
	f.emit(out, "Lw", prev, t.lower)
	f.emit(out, "Lp", prev, t.pos)
}
