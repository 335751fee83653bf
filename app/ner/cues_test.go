package ner

import (
	"strings"
	"testing"
)

// TestContextCues checks the apostrophe names, the cue nouns and the common
// words of one document (issue #14).
func TestContextCues(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name string
		text string
		want []string // TYPE text that must be found
		not  []string // texts that must not be entities
	}{
		{"apostrophe", "Ireland coach Eddie O'Sullivan named his team on Tuesday.",
			[]string{"PERSON Eddie O'Sullivan"}, []string{"Eddie O"}},
		{"curly apostrophe", "Ireland coach Eddie O\u2019Sullivan named his team on Tuesday.",
			[]string{"PERSON Eddie O\u2019Sullivan"}, []string{"Eddie O"}},
		{"headline contraction", "I'M NOT GOING, said Tony Blair in London.",
			[]string{"PERSON Tony Blair"}, nil},
		{"work", "The comedy Sideways won the prize in Los Angeles. Critics said Sideways was the best film of the year.",
			[]string{"MISC Sideways"}, nil},
		{"band", "The rock band Franz Ferdinand played in Glasgow on Friday.",
			[]string{"ORG Franz Ferdinand"}, nil},
		{"firm", "Shares in the oil firm Rosneft rose in Moscow. Rosneft said it would pay its debts.",
			[]string{"ORG Rosneft"}, nil},
		{"firm after", "Yukos shares fell sharply on Monday, traders in Moscow said.",
			[]string{"ORG Yukos"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string][]string{}
			for _, e := range tg.Tag(tc.text, nil) {
				got[e.Text] = append(got[e.Text], e.Type)
			}
			for _, w := range tc.want {
				typ, text, _ := strings.Cut(w, " ")
				if len(got[text]) == 0 {
					t.Errorf("%q not found, want %s (all: %v)", text, typ, got)
				}
				for _, g := range got[text] {
					if g != typ {
						t.Errorf("%q typed %s, want %s (all: %v)", text, g, typ, got)
					}
				}
			}
			for _, n := range tc.not {
				if typ, ok := got[n]; ok {
					t.Errorf("%q returned as %v (all: %v)", n, typ, got)
				}
			}
		})
	}
}

func TestMaskApostrophes(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Eddie O'Sullivan", "Eddie OxSullivan"},
		{"O\u2019Neill won", "Oxxx" + "Neill won"},
		{"D'Arcy and O'Driscoll", "DxArcy and OxDriscoll"},
		{"I'M OUT", "I'M OUT"},
		{"I'LL GO", "I'LL GO"},
		{"Rock'N'Roll", "Rock'N'Roll"},
		{"the team's coach", "the team's coach"},
		{"'Sullivan", "'Sullivan"},
		{"O'", "O'"},
	}
	for _, tc := range tests {
		got, changed := maskApostrophes(tc.in)
		if got != tc.want || changed != (tc.in != tc.want) || len(got) != len(tc.in) {
			t.Errorf("maskApostrophes(%q) = %q, %v; want %q", tc.in, got, changed, tc.want)
		}
	}
}

func FuzzMaskApostrophes(f *testing.F) {
	for _, s := range []string{"Eddie O'Sullivan", "O\u2019Neill", "I'M", "\xffO'S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, changed := maskApostrophes(s)
		if len(got) != len(s) || changed != (got != s) {
			t.Fatalf("maskApostrophes(%q) = %q, %v: offsets moved", s, got, changed)
		}
		toks := []token{{text: "x", start: 0, end: len(s)}}
		restoreApostrophes(s, got, toks)
		if changed && strings.ReplaceAll(s, "\u2019", "'") != toks[0].text {
			t.Fatalf("restore(%q) = %q", s, toks[0].text)
		}
	})
}

func BenchmarkMaskApostrophes(b *testing.B) {
	s := strings.Repeat("Ireland coach Eddie O'Sullivan said the team's form was good. ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		maskApostrophes(s)
	}
}

// TestEvidenceCues checks the cue each document gives a name
// (Entity.Cue), the evidence the archive weighs above the model's types.
func TestEvidenceCues(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name, text, entity, want string
	}{
		{"role noun", "The match was settled when striker Wayne Rooney scored late in the game.", "Wayne Rooney", Person},
		{"age", "Wayne Rooney, 19, scored twice for his club on Saturday.", "Wayne Rooney", Person},
		{"place", "The protest took place in Cardiff on Saturday afternoon.", "Cardiff", Place},
		{"org noun", "Shares in the oil firm Rosneft rose in Moscow on Monday.", "Rosneft", Org},
		{"version number", "Microsoft said Bungie made its Halo 2 for the console.", "Halo", Misc},
		{"version number at the end", "Analysts said Nintendo will launch its Zelda 2 in Japan.", "Zelda", Misc},
		{"copies of", "Police seized pirated copies of Windows in a raid in Beijing.", "Windows", Misc},
		{"a name's number is no version", "Wales play in the RBS 6 Nations on Saturday.", "RBS", ""},
		{"common noun", "He said that buying a PC was cheaper than ever this year.", "PC", Common},
		{"abbreviation in the plural", "Sales of PCs rose, and the PC market grew in Europe, IBM said.", "PC", Common},
		{"learned after-cue (cues.tsv)", "Police said Hamas militants fired rockets from Gaza on Monday.", "Hamas", Org},
		{"a modifier is no common noun", "He said that a BBC report was wrong about the figures.", "BBC", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var all []string
			found := false
			for _, e := range tg.Tag(tc.text, nil) {
				all = append(all, e.Type+" "+e.Text+" cue "+e.Cue)
				if e.Text == tc.entity {
					found = true
					if e.Cue != tc.want {
						t.Errorf("%q cue %q, want %q (all: %q)", e.Text, e.Cue, tc.want, all)
					}
				}
			}
			if !found && tc.want != "" {
				t.Errorf("%q not found (all: %q)", tc.entity, all)
			}
		})
	}
}
