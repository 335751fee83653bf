package ner

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	countries := map[string]bool{"north korea": true}
	tests := []struct {
		file  string
		sents int
		first []string // TYPE text of the first sentence's spans
	}{
		{"testdata/conll/small.conll", 2, []string{"PLACE North Korea", "PLACE Paris"}},
		{"testdata/conll/gum-head.conll", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sents, err := ReadCoNLL(f, countries)
			if err != nil {
				t.Fatal(err)
			}
			if tc.sents > 0 && len(sents) != tc.sents {
				t.Fatalf("%d sentences, want %d", len(sents), tc.sents)
			}
			if len(sents) == 0 {
				t.Fatal("no sentences")
			}
			for _, s := range sents {
				if len(s.Words) != len(s.Tags) || len(s.Words) != len(s.POS) {
					t.Fatalf("ragged sentence %+v", s)
				}
			}
			if tc.first == nil {
				return
			}
			var got []string
			text := sents[0].Text()
			for _, sp := range sents[0].Spans(nil) {
				got = append(got, sp.Type+" "+text[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.first, "|") {
				t.Errorf("spans %q, want %q", got, tc.first)
			}
		})
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []string{
		"word-without-tab\n",
		"\tB-PER\n",
		strings.Repeat("x", maxCoNLLLine+10) + "\tO\n",
	}
	for _, in := range tests {
		if _, err := ReadCoNLL(strings.NewReader(in), nil); err == nil {
			t.Errorf("ReadCoNLL(%.30q): no error", in)
		}
	}
}

func FuzzReadCoNLL(f *testing.F) {
	b, err := os.ReadFile("testdata/conll/small.conll")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("a\tI-PER\nb\tB-\n\n\n c \t B-LOC \r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, err := ReadCoNLL(bytes.NewReader(data), map[string]bool{"a": true})
		if err != nil {
			return
		}
		for _, s := range sents {
			text := s.Text()
			for _, sp := range s.Spans(nil) {
				if sp.Start < 0 || sp.Start > sp.End || sp.End > len(text) {
					t.Fatalf("bad span %+v in %q", sp, text)
				}
			}
		}
	})
}

func BenchmarkReadCoNLL(b *testing.B) {
	data, err := os.ReadFile("testdata/conll/gum-head.conll")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCoNLL(bytes.NewReader(data), nil); err != nil {
			b.Fatal(err)
		}
	}
}
