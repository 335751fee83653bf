package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
)

// token is one word of a sentence as the tagger sees it: prose's token text and
// part-of-speech tag, with its byte span in the input text.
type token struct {
	text  string // prose's text (curly quotes straightened)
	lower string
	shape string
	pos   string
	start int // byte offset of the token in the input, inclusive
	end   int // exclusive
}

// pipeline wraps the prose model used for segmentation, tokenisation and POS
// tagging. The prose model is built once and shared: prose only reads it.
type pipeline struct {
	model *prose.Model
	seg   *sentences.DefaultSentenceTokenizer
}

// sentences segments text with prose's segmenter and returns its sentences
// as tagged tokens with byte offsets into text, plus base.
func (p *pipeline) sentences(text string, base int) (out [][]token) {
	defer func() {
		if recover() != nil {
			out = nil // a panic inside prose's segmenter: no entities rather than a crash
		}
	}()
	cursor := 0
	for _, s := range p.seg.Tokenize(text) {
		st := strings.TrimSpace(s.Text)
		if st == "" {
			continue
		}
		idx := strings.Index(text[cursor:], st)
		if idx < 0 {
			continue // not found verbatim: skip rather than misplace offsets
		}
		start := cursor + idx
		toks := p.sentence(st)
		for i := range toks {
			toks[i].start += start + base
			toks[i].end += start + base
		}
		if len(toks) > 0 {
			out = append(out, toks)
		}
		cursor = start + len(st)
	}
	return out
}

// sentence tokenises and tags text as a single sentence (no segmentation).
// prose is given a copy of text in which every byte sequence whose length
// lower-casing would change (invalid UTF-8, "İ") is masked with as many '?':
// prose's tokeniser indexes a lower-cased copy with offsets of the original
// and panics on them. The copy has the same byte offsets, so the spans found
// in it are spans of text. A panic in prose still only loses this sentence.
func (p *pipeline) sentence(text string) (toks []token) {
	defer func() {
		if recover() != nil {
			toks = nil
		}
	}()
	safe := proseSafe(text)
	masked, changed := maskApostrophes(safe)
	doc, err := prose.NewDocument(masked, prose.UsingModel(p.model),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	toks = alignTokens(masked, doc.Tokens())
	if changed {
		restoreApostrophes(safe, masked, toks)
	}
	return toks
}

// proseSafe masks the runes of s whose lower-case form has another length.
func proseSafe(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && (r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && (r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size) {
			for k := i; k < i+size; k++ {
				b[k] = '?'
			}
		}
		i += size
	}
	return string(b)
}

// alignTokens finds each prose token in text, in order, and records its span.
// prose straightens curly quotes and drops some tokens (a lone "'s"), so a
// token is matched with quote equivalence and searched for ahead of the
// cursor; a token that cannot be found is left out.
func alignTokens(text string, ptoks []prose.Token) []token {
	out := make([]token, 0, len(ptoks))
	cursor := 0
	for _, pt := range ptoks {
		if pt.Text == "" {
			continue
		}
		start, end, ok := find(text, cursor, pt.Text)
		if !ok {
			continue
		}
		lw := strings.ToLower(pt.Text)
		out = append(out, token{text: pt.Text, lower: lw, shape: wordShape(pt.Text),
			pos: pt.Tag, start: start, end: end})
		cursor = end
	}
	return out
}

// maxSkip bounds how far ahead of the cursor a token is searched for.
const maxSkip = 64

// find returns the span of tok in text at or after from.
func find(text string, from int, tok string) (int, int, bool) {
	limit := min(len(text), from+maxSkip+len(tok)*3)
	for p := from; p < limit; p++ {
		if end, ok := matchAt(text, p, tok); ok {
			return p, end, true
		}
	}
	return 0, 0, false
}

// quoteForms lists what prose's sanitizer turns into ' and ".
var quoteForms = map[byte][]string{
	'\'': {"'", "\u2019", "\u2018", "&rsquo;"},
	'"':  {`"`, "\u201c", "\u201d"},
}

// matchAt reports whether tok occurs in text at p, and where it ends.
func matchAt(text string, p int, tok string) (int, bool) {
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if forms, ok := quoteForms[c]; ok {
			matched := false
			for _, f := range forms {
				if strings.HasPrefix(text[p:], f) {
					p += len(f)
					matched = true
					break
				}
			}
			if !matched {
				return 0, false
			}
			continue
		}
		if p >= len(text) || text[p] != c {
			return 0, false
		}
		p++
	}
	return p, true
}
