package ner

import (
	"strings"
	"testing"
)

func TestIsScore(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"2-1", true}, {"24-17", true}, {"0-0", true}, {"2004-05", false}, {"-1", false},
		{"2-", false}, {"a-1", false}, {"2-1-0", false}, {"1234-1", false},
	}
	for _, tt := range tests {
		if got := isScore(tt.w); got != tt.want {
			t.Errorf("isScore(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestSportsDoc(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Chelsea beat Newcastle. The striker was pleased.", true},        // two strong words
		{"The striker said the side had a good season.", true},            // one strong, two weak
		{"They won 2-1 in the final.", true},                              // a score and a word
		{"The final decision is on the other side of the debate.", false}, // weak words only
		{"Turnout among those aged 18-24 fell to a record low.", false},   // a range, no sport
		{"The government's victory and the opposition's defeat.", false},
	}
	for _, tt := range tests {
		sents := [][]token{}
		var toks []token
		for _, w := range strings.Fields(strings.NewReplacer(".", " .", ",", " ,").Replace(tt.text)) {
			toks = append(toks, token{text: w, lower: strings.ToLower(w)})
		}
		sents = append(sents, toks)
		if got := sportsDoc(sents); got != tt.want {
			t.Errorf("sportsDoc(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestClubsAndCompanies tags a match report and a business story: a town
// in the match report is its club, a listed company named after a town is
// the company, and the same town in a story about politics stays a place.
func TestClubsAndCompanies(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		text, name, want string
	}{
		{"Liverpool have signed the striker on loan. The referee sent him off before half-time.", "Liverpool", Org},
		{"Bath lost at home. Their fly-half was injured and the referee stopped play.", "Bath", Org},
		{"Newcastle City Council said the new bridge over the Tyne would open in Newcastle next year.", "Newcastle", Place},
		{"Mobile phone firm Nokia said sales rose. Nokia shipped more handsets than its rivals.", "Nokia", Org},
	}
	for _, tt := range tests {
		got := ""
		for _, e := range tg.Tag(tt.text, nil) {
			if e.Text == tt.name {
				got = e.Type
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q in %q: %q, want %s (entities %v)", tt.name, tt.text, got, tt.want, tg.Tag(tt.text, nil))
		}
	}
}
