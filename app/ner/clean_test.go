package ner

import (
	"strings"
	"testing"
)

func TestMendSplitPlaces(t *testing.T) {
	nl := NameLists{"sri lanka": listCountry, "sri lankan": listDemonym, "new york": listCity}
	tests := []struct {
		words, tags, want string
		n                 int
	}{
		{"Sri Lanka said", "B-per B-gpe O", "B-geo I-geo O", 1},
		{"the Sri Lankan army", "O B-per I-per O", "O B-per I-per O", 0},
		{"the Sri Lankan army", "O B-org B-geo O", "O O O O", 1},
		{"New York Times", "B-geo I-geo B-org", "B-geo I-geo B-org", 0},
		{"John Smith visited", "B-per I-per O", "B-per I-per O", 0},
		{"Smith Sri Lanka", "B-per B-geo I-geo", "B-per B-geo I-geo", 0},
	}
	for _, tc := range tests {
		s := []GoldSentence{{Words: strings.Fields(tc.words), Tags: strings.Fields(tc.tags)}}
		s[0].POS = make([]string, len(s[0].Words))
		n := MendSplitPlaces(s, nl)
		if got := strings.Join(s[0].Tags, " "); got != tc.want || n != tc.n {
			t.Errorf("%q %q: got %q (%d), want %q (%d)", tc.words, tc.tags, got, n, tc.want, tc.n)
		}
	}
}
