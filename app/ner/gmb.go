package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GoldSentence is one sentence of the GMB training file: its tokens and their
// IOB2 tags as written there ("B-per", "I-geo", "O").
type GoldSentence struct {
	Words []string
	POS   []string // the file's part-of-speech tags
	Tags  []string
}

// ReadGMB reads the GMB named-entity CSV (columns "Sentence #,Word,POS,Tag",
// Latin-1 encoded, a new sentence where the first column is "Sentence: N").
func ReadGMB(r io.Reader) ([]GoldSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []GoldSentence
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // header
		}
		fields, err := splitCSV(latin1(sc.Bytes()))
		if err != nil || len(fields) != 4 {
			return nil, fmt.Errorf("read gmb: line %d: malformed row %q", line, sc.Text())
		}
		if fields[0] != "" || len(out) == 0 {
			out = append(out, GoldSentence{})
		}
		s := &out[len(out)-1]
		s.Words = append(s.Words, fields[1])
		s.POS = append(s.POS, fields[2])
		s.Tags = append(s.Tags, fields[3])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gmb: %w", err)
	}
	return out, nil
}

// latin1 decodes ISO-8859-1 bytes to a UTF-8 string.
func latin1(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// splitCSV splits one CSV row with double-quote quoting.
func splitCSV(s string) ([]string, error) {
	var out []string
	for {
		if strings.HasPrefix(s, `"`) {
			var sb strings.Builder
			i := 1
			for {
				if i >= len(s) {
					return nil, fmt.Errorf("unterminated quote")
				}
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						sb.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				sb.WriteByte(s[i])
				i++
			}
			out = append(out, sb.String())
			s = s[i:]
		} else {
			j := strings.IndexByte(s, ',')
			if j < 0 {
				return append(out, s), nil
			}
			out = append(out, s[:j])
			s = s[j:]
		}
		if s == "" {
			return out, nil
		}
		if s[0] != ',' {
			return nil, fmt.Errorf("junk after quoted field")
		}
		s = s[1:]
	}
}

// gmbTypes maps GMB entity classes to this package's types; the others
// (tim, art, eve, nat) are not entities here, nor is gpe, except that a gpe
// proper noun is a PLACE (gpe is otherwise a nationality adjective).
var gmbTypes = map[string]string{"per": "PERSON", "org": "ORG", "geo": "PLACE"}

// Span is a typed byte span of a sentence's text.
type Span struct {
	Start, End int
	Type       string
}

// Text joins the sentence's words with single spaces, as the tagger sees it.
func (s GoldSentence) Text() string { return strings.Join(s.Words, " ") }

// Spans returns the sentence's PERSON, ORG and PLACE spans over Text. With
// cut non-nil, spans lose the leading words the tagger keeps out of names
// (lower-case words, and a person's titles).
func (s GoldSentence) Spans(cut *NameCut) []Span {
	var out []Span
	offs := make([]int, len(s.Words)+1)
	for i, w := range s.Words {
		offs[i+1] = offs[i] + len(w) + 1
	}
	for i := 0; i < len(s.Tags); {
		typ, ok := gmbTypes[strings.TrimPrefix(s.Tags[i], "B-")]
		if s.Tags[i] == "B-gpe" && strings.HasPrefix(s.POS[i], "NNP") && s.POS[i] != "NNPS" {
			typ, ok = Place, true // a country or city named as an actor ("Malaysia wants")
		}
		if !strings.HasPrefix(s.Tags[i], "B-") || !ok {
			i++
			continue
		}
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-"+s.Tags[i][2:] {
			j++
		}
		a := i
		if cut != nil {
			a = i + cut.Leading(s.Words[i:j], typ)
			if typ == Person && a < j && cut.TitleOnly(s.Words[a:j], wordAt(s.Words, j)) {
				a = j // a title without a name
			}
		}
		if a < j {
			out = append(out, Span{Start: offs[a], End: offs[j] - 1, Type: typ})
		}
		i = j
	}
	return out
}

// Split divides sentences into a training split and a dev split of every
// tenth sentence (the 10th, 20th, ...), which is never trained on.
func Split(sents []GoldSentence) (train, dev []GoldSentence) {
	for i, s := range sents {
		if i%10 == 9 {
			dev = append(dev, s)
		} else {
			train = append(train, s)
		}
	}
	return train, dev
}

// wordAt returns words[i], or "" past the end.
func wordAt(words []string, i int) string {
	if i < len(words) {
		return words[i]
	}
	return ""
}
