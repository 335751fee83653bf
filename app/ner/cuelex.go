package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The learned cue lexicon (cuelearn.go) is a small TSV file embedded in the
// package, written by cmd/nercues (`make cues`): comment lines start with
// "#"; every other line is POSITION<TAB>KEY<TAB>TYPE<TAB>SPANS<TAB>TOTAL,
// the training spans of TYPE with KEY at POSITION and all spans with it.

//go:embed cues.tsv
var embeddedCues []byte

//go:embed cues-hand.tsv
var handCues []byte

// CueEntry is one learned cue.
type CueEntry struct {
	Pos   string // CueBefore, CueBefore2 or CueAfter
	Key   string // the lower-case word, or two words for CueBefore2
	Type  string // Misc, Org, Person or Place
	Spans int    // training spans of Type with Key at Pos
	Total int    // training spans with Key at Pos
}

// CueLexicon is a set of learned cues. The zero value is empty; it is
// read-only once built, so safe for concurrent use.
type CueLexicon struct {
	Entries []CueEntry
	byPos   map[string]map[string]string // position -> key -> type
}

func (l *CueLexicon) add(e CueEntry) {
	l.Entries = append(l.Entries, e)
	if l.byPos == nil {
		l.byPos = map[string]map[string]string{}
	}
	if l.byPos[e.Pos] == nil {
		l.byPos[e.Pos] = map[string]string{}
	}
	l.byPos[e.Pos][e.Key] = e.Type
}

// Type returns the type the key cues at the position, or "". A plural
// ("films") not learned itself takes its singular's cue ("film").
func (l *CueLexicon) Type(pos, key string) string {
	if l == nil || key == "" {
		return ""
	}
	m := l.byPos[pos]
	if typ, ok := m[key]; ok {
		return typ
	}
	if pos != CueBefore2 && len(key) > 3 && strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "ss") {
		return m[key[:len(key)-1]]
	}
	return ""
}

// Len returns the number of cues.
func (l *CueLexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.Entries)
}

// Write writes the lexicon in its TSV form, each header line as a comment.
func (l *CueLexicon) Write(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	for _, e := range l.Entries {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%d\n", e.Pos, e.Key, e.Type, e.Spans, e.Total)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write cue lexicon: %w", err)
	}
	return nil
}

// maxCueLine bounds one line of a cue lexicon file.
const maxCueLine = 4 << 10

// ReadCueLexicon reads a lexicon written by Write. It rejects unknown
// positions and types, keys that are no cue words, counts that are no
// counts and a key given twice at one position.
func ReadCueLexicon(r io.Reader) (*CueLexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 512), maxCueLine)
	lex := &CueLexicon{}
	positions := map[string]int{CueBefore: 1, CueBefore2: 2, CueAfter: 1}
	types := map[string]bool{}
	for _, t := range CueTypes {
		types[t] = true
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("read cue lexicon: line %d: want 5 tab-separated fields, got %d", line, len(f))
		}
		e := CueEntry{Pos: f[0], Key: f[1], Type: f[2]}
		words, ok := positions[e.Pos]
		if !ok {
			return nil, fmt.Errorf("read cue lexicon: line %d: unknown position %q", line, e.Pos)
		}
		if !types[e.Type] {
			return nil, fmt.Errorf("read cue lexicon: line %d: unknown type %q", line, e.Type)
		}
		ws := strings.Split(e.Key, " ")
		for _, w := range ws {
			if cueWord(w) == "" {
				return nil, fmt.Errorf("read cue lexicon: line %d: %q is no lower-case word", line, e.Key)
			}
		}
		if len(ws) != words {
			return nil, fmt.Errorf("read cue lexicon: line %d: %s takes %d word(s), got %q", line, e.Pos, words, e.Key)
		}
		var err1, err2 error
		e.Spans, err1 = strconv.Atoi(f[3])
		e.Total, err2 = strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || e.Spans < 0 || e.Total < e.Spans {
			return nil, fmt.Errorf("read cue lexicon: line %d: bad counts %q %q", line, f[3], f[4])
		}
		if _, dup := lex.byPos[e.Pos][e.Key]; dup {
			return nil, fmt.Errorf("read cue lexicon: line %d: %s %q given twice", line, e.Pos, e.Key)
		}
		lex.add(e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cue lexicon: line %d: %w", line+1, err)
	}
	return lex, nil
}

// Merge returns the cues of l and then those of o whose position and key
// l lacks.
func (l *CueLexicon) Merge(o *CueLexicon) *CueLexicon {
	out := &CueLexicon{}
	for _, x := range []*CueLexicon{l, o} {
		if x == nil {
			continue
		}
		for _, e := range x.Entries {
			if _, ok := out.byPos[e.Pos][e.Key]; !ok {
				out.add(e)
			}
		}
	}
	return out
}

// HandCues returns the hand-written cue words (cues-hand.tsv).
func HandCues() (*CueLexicon, error) { return embeddedLexicon("cues-hand.tsv", handCues) }

// LearnedCues returns the learned cue lexicon (cues.tsv).
func LearnedCues() (*CueLexicon, error) { return embeddedLexicon("cues.tsv", embeddedCues) }

// embeddedLexicon reads the embedded lexicon file name, whose bytes are b.
func embeddedLexicon(name string, b []byte) (*CueLexicon, error) {
	lex, err := ReadCueLexicon(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", name, err)
	}
	return lex, nil
}

// CuesNamed returns a lexicon by name, to compare them (cmd/nerlists
// -cues, TestBBCListPrecision with NEWSARCHIVE_NER_CUES): "hand", "learned"
// or "joined" (the tagger's, loadCues).
func CuesNamed(name string) (*CueLexicon, error) {
	switch name {
	case "hand":
		return HandCues()
	case "learned":
		return LearnedCues()
	case "joined":
		return loadCues()
	}
	return nil, fmt.Errorf("cue lexicon %q: want hand, learned or joined", name)
}

// loadCues returns the lexicon the tagger uses: the hand-written cues and
// the learned ones they lack. The learned cues alone do not reach the
// judged BBC lists' floors (docs/ner.md: the training sets hardly write
// "band", "console", "manager" or "shares" next to a name), so the hand
// words stay until labelled data covers them.
func loadCues() (*CueLexicon, error) {
	hand, err := HandCues()
	if err != nil {
		return nil, err
	}
	learned, err := LearnedCues()
	if err != nil {
		return nil, err
	}
	return hand.Merge(learned), nil
}
