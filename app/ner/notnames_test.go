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
