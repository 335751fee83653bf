package lookup

import (
	"slices"
	"testing"
)

func TestFoldText(t *testing.T) {
	tests := []struct {
		in    string
		words []string
	}{
		{"Ma Zhaoxu", []string{"ma", "zhaoxu"}},
		{"  JPMorgan   Chase & Co. ", []string{"jpmorgan", "chase", "co"}},
		{"Recep Tayyip Erdoğan", []string{"recep", "tayyip", "erdogan"}},
		{"Lech Wałęsa / Søren Straße", []string{"lech", "walesa", "soren", "strasse"}},
		{"O'Brien’s Ngozi Okonjo-Iweala", []string{"obriens", "ngozi", "okonjo", "iweala"}},
		{"Ｈｕａｗｅｉ", []string{"huawei"}}, // full-width letters
		{"Zelenskiy Зеленський", []string{"zelenskiy", "зеленськии"}},
		{"e\u0301cole", []string{"ecole"}}, // combining accent
		{"a\x00b\xffc\u200bd", []string{"a", "b", "c", "d"}},
		{"", nil},
		{"!!! ---", nil},
	}
	for _, tc := range tests {
		var f folded
		foldText(&f, tc.in)
		var got []string
		for i := range f.words {
			got = append(got, string(f.word(i)))
		}
		if !slices.Equal(got, tc.words) {
			t.Errorf("foldText(%q) words = %q, want %q", tc.in, got, tc.words)
		}
		if len(f.orig) != len(f.runes) {
			t.Errorf("foldText(%q): %d origins for %d runes", tc.in, len(f.orig), len(f.runes))
		}
	}
}

func TestAlignPositions(t *testing.T) {
	tests := []struct {
		q, w string
		code uint8
		want []int
	}{
		{"zhaoxu", "zhaoxu", 0, []int{0, 1, 2, 3, 4, 5}},
		{"jpmorg", "jpmorgan", 1, []int{0, 1, 2, 3, 4, 5}},
		{"zhoaxu", "zhaoxu", 2, []int{0, 1, 2, 3, 4, 5}}, // transposition keeps both
		{"zhaoxo", "zhaoxu", 2, []int{0, 1, 2, 3, 4}},
		{"zhaooxu", "zhaoxu", 2, []int{0, 1, 2, 3, 4, 5}},
		{"eurasa", "eurasia", 2, []int{0, 1, 2, 3, 4, 6}},
		{"grup", "groups", 3, []int{0, 1, 3, 4}},
	}
	for _, tc := range tests {
		got := alignPositions([]rune(tc.q), []rune(tc.w), tc.code)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("alignPositions(%q, %q) = %v, want %v", tc.q, tc.w, got, tc.want)
		}
	}
}
