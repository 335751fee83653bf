package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFindTitles finds titles by the words typed so far, on both backends:
// titles only (a word of the body alone finds nothing), every word, the
// whole-word matches first, then newest first; punctuation and accents read
// as the full-text index reads them.
func TestFindTitles(t *testing.T) {
	s := openTest(t)
	ids := mustCreate(t, s,
		dated("Storm closes harbour", "Boats stayed in.", "2004-03-01T10:00:00", "Coast News"),    // 0
		dated("Stormy weather ahead", "Forecasters warn.", "2010-06-15", "Capital Times"),         // 1
		dated("Harbour storm damage", "Repairs begin.", "2012-01-02", "coast news"),               // 2
		dated("Budget vote", "A storm of protest in the harbour.", "2015-05-05", "Capital Times"), // 3
		dated("Storm closes harbour", "A second report.", "2008-08-08", "Valley Herald"),          // 4
		dated("Café owners protest", "Rents rose.", "2011-11-11", "Capital Times"),                // 5
		dated("U.S. elections: a preview", "Polls.", "2016-10-01", "Capital Times"),               // 6
		dated("Undated storm", "No date.", "", "Coast News"),                                      // 7
		dated("Economy grows; economists wary", "Figures.", "2013-02-02", "Capital Times"),        // 8
		dated("Economic outlook", "Figures again.", "2014-02-02", "Capital Times"),                // 9
	)
	tests := []struct {
		text  string
		limit int
		want  []int
	}{
		// Whole words first (newest first, undated last), then prefixes.
		{"storm", 10, []int{2, 4, 0, 7, 1}},
		{"STORM harbour", 10, []int{2, 4, 0}},
		{"harbour sto", 10, []int{2, 4, 0}},
		{"storm harb", 2, []int{2, 4}},
		{"budget", 10, []int{3}},
		{"protest", 10, []int{5}},  // article 3 has it in its body only
		{"cafe", 10, []int{5}},     // accents fold
		{"café own", 10, []int{5}}, // on both sides
		{"u s elections", 10, []int{6}},
		{"u.s. elec", 10, []int{6}},
		{"econ", 10, []int{9, 8}}, // a prefix longer than the prefix indexes
		{"economy", 10, []int{8}},
		{"s", 10, []int{6}}, // one letter is a whole word only
		{"z", 10, nil},
		{"weather", 10, []int{1}},
		{"nothing like it", 10, nil},
		{"", 10, nil},
		{"!!! ---", 10, nil},
		{`"Storm" * : (closes) NEAR`, 10, nil}, // never syntax: words only
		{`"Storm" * : (closes)`, 10, []int{4, 0}},
		{"storm", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := s.FindTitles(context.Background(), tt.text, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, i := range tt.want {
				want = append(want, ids[i])
			}
			var gotIDs []int64
			for _, l := range got {
				gotIDs = append(gotIDs, l.ID)
			}
			if !slices.Equal(gotIDs, want) {
				t.Errorf("FindTitles(%q) = %v, want %v", tt.text, gotIDs, want)
			}
		})
	}
	// The listings carry what tells alike titles apart.
	got, err := s.FindTitles(context.Background(), "storm closes", 10)
	if err != nil || len(got) != 2 || got[0].Source != "Valley Herald" || got[0].Published != "2008-08-08" ||
		got[1].Source != "Coast News" {
		t.Errorf("storm closes: %+v %v", got, err)
	}
}

// TestFindTitlesBounded checks the limit with many matches (the most
// recently added are drawn), and that a cancelled lookup stops with the
// context's error.
func TestFindTitlesBounded(t *testing.T) {
	s := openTest(t)
	var arts []Article
	for i := range 300 {
		arts = append(arts, dated(fmt.Sprintf("Market report %d", i), "Prices.", fmt.Sprintf("2020-01-%02d", 1+i%28), "Wire"))
	}
	ids := mustCreate(t, s, arts...)
	got, err := s.FindTitles(context.Background(), "market rep", 20)
	if err != nil || len(got) != 20 {
		t.Fatalf("got %d titles, %v; want 20", len(got), err)
	}
	for _, l := range got {
		if l.ID < ids[len(ids)-20] || !strings.HasPrefix(l.Title, "Market report") {
			t.Errorf("%+v is not among the 20 last added", l)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.FindTitles(ctx, "market", 20); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

// FuzzFindTitles feeds arbitrary text to the title lookup: never an error
// (no text is read as syntax), at most limit titles.
func FuzzFindTitles(f *testing.F) {
	s := openTest(f)
	mustCreate(f, s, dated("Storm closes harbour", "Boats.", "2004-03-01", "Coast News"),
		dated(`Quotes "and" {braces}: * NEAR(a b)`, "Odd.", "2005-03-01", "Coast News"))
	for _, seed := range []string{"storm", `"`, "{title}:", "a*", "NEAR(", "'':*", `\`, "é", "AND OR NOT", "x:* & !y"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := s.FindTitles(context.Background(), text, 5)
		if err != nil {
			t.Fatalf("FindTitles(%q): %v", text, err)
		}
		if len(got) > 5 {
			t.Fatalf("FindTitles(%q): %d titles", text, len(got))
		}
	})
}
