package ner

import (
	"strings"
	"testing"
)

func TestNotNames(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		text string
		want []string // TYPE text that must be found
		not  []string // texts that must not be entities
	}{
		{"MPs voted on the plan in London on Monday.", []string{"PLACE London"}, []string{"MPs", "Monday"}},
		{"Hopefully the talks will work, the minister said.", nil, []string{"Hopefully"}},
		{"The British and Chinese leaders met in January.", nil, []string{"British", "Chinese", "January", "British and Chinese"}},
		{"He met John in the city and they talked for an hour.", nil, []string{"John"}},
		{"Chelsea beat Real Madrid in the final.", nil, []string{"Chelsea beat Real Madrid"}},
		{"Chancellor Gordon Brown said the economy was strong.", []string{"PERSON Gordon Brown"}, []string{"Chancellor Gordon Brown", "Chancellor"}},
		{"Gordon Brown spoke first. Later Brown said he was pleased.", []string{"PERSON Gordon Brown", "PERSON Brown"}, nil},
		{"He visited Sri Lanka in the spring.", []string{"PLACE Sri Lanka"}, []string{"Sri", "Lanka"}},
		{"May. The talks went on in Paris.", []string{"PLACE Paris"}, []string{"May", "May."}},
		{"CEOs and NGOs met the Americans in Geneva.", []string{"PLACE Geneva"}, []string{"CEOs", "NGOs", "Americans"}},
	}
	for _, tc := range tests {
		got := map[string]string{}
		for _, e := range tg.Tag(tc.text, nil) {
			got[e.Text] = e.Type
		}
		for _, w := range tc.want {
			typ, text, _ := strings.Cut(w, " ")
			if got[text] != typ {
				t.Errorf("%q: %q typed %q, want %s (all: %v)", tc.text, text, got[text], typ, got)
			}
		}
		for _, n := range tc.not {
			if typ, ok := got[n]; ok {
				t.Errorf("%q: %q returned as %s (all: %v)", tc.text, n, typ, got)
			}
		}
	}
}

func TestPluralAbbrev(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{{"MPs", true}, {"CEOs", true}, {"Ms", false}, {"Mrs", false}, {"NATO", false}, {"Jones", false}, {"UKs", true}, {"s", false}}
	for _, tc := range tests {
		if got := pluralAbbrev(tc.w); got != tc.want {
			t.Errorf("pluralAbbrev(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestDropCommonWords checks the document rule for lone common words on
// given mentions (the model's own choices aside).
func TestDropCommonWords(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name string
		text string
		word string // the lone mention, its first occurrence
		typ  string
		keep bool
	}{
		{"lower-case word written lower case too", "The radio station was sold. Radio said profits rose.", "Radio", Org, false},
		{"lower-case word not in lower case here", "Profits rose last year. Radio said the sale was done.", "Radio", Org, true},
		{"lower-case word alone as a place", "Profits rose last year. City won the game.", "City", Place, false},
		{"lower-case word alone, no place", "Profits rose last year. City won the game.", "City", Org, true},
		{"a name of the training text", "The city council met. Blair said the city was calm.", "Blair", Person, true},
		{"a listed city", "He had a bath in the hotel. Bath won the game.", "Bath", Org, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := tg.pipe.sentences(tc.text, 0)
			var ms []mention
			for si, toks := range sents {
				for i, tk := range toks {
					if tk.text == tc.word && len(ms) == 0 {
						ms = append(ms, mention{sent: si, a: i, b: i + 1, typ: tc.typ})
					}
				}
			}
			if len(ms) != 1 {
				t.Fatalf("%q not found in %q", tc.word, tc.text)
			}
			if got := len(tg.dropCommonWords(sents, ms)) == 1; got != tc.keep {
				t.Errorf("%q kept = %v, want %v", tc.word, got, tc.keep)
			}
		})
	}
}
