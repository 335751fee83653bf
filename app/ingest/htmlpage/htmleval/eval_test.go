package htmleval

import (
	"math"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// Floors: the figures measured on the shared corpus minus a small margin,
// so that a regression fails but noise does not. The reference is Mozilla
// readability's output: readability alone scores 0.9993 on it, Parse's
// body (the learned line decision) 0.979 (bag F1) and 0.9665 on the
// text-dumps pages (shingle F1). The 2-of-3 vote scored 0.984 and 0.979
// (floors 0.975 and 0.97); the learned decision is trained on human
// references, which mark captions, photo credits and headings next to
// the story as boilerplate where readability keeps them, so it is further
// from readability's output by that convention (docs/extraction.md, the
// learned line decision), and the floors moved with it;
// byline 0.987, date 1.000 and language 1.000 on pages with an expected
// value. Titles: the expected title is readability's, which keeps the
// site's name on some pages ("How to Build a Terrarium | eHow"), and Parse
// cuts it off (htmlpage.CutTitle), so the title is checked with
// ingest.TitleMatches (equal, or the expected title with the site's part
// cut: 1.000) and exact equality has a lower floor (0.915 measured); the
// human titles (TestHumanBenchmark) judge the cut.

const (
	minMeanF1    = 0.97
	minReadF1    = 0.99
	minShingleF1 = 0.96
	minTitleCut  = 0.99
	minTitleAcc  = 0.88
	minBylineSet = 0.95
	minDateSet   = 0.95
	minLangSet   = 0.95
)

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	dir := corpus.Path(t, "corpus", "html-pages")
	r, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) < 100 {
		t.Fatalf("only %d pages scored", len(r.Pages))
	}
	for _, p := range r.Pages {
		if p.Err != nil {
			t.Errorf("%s: %v", p.Name, p.Err)
		}
	}
	t.Logf("pages %d: mean F1 %.4f, title %.3f (TitleMatches %.3f), byline %.3f (set %.3f), date %.3f (set %.3f)",
		len(r.Pages), r.MeanF1, r.TitleAcc, r.TitleCutAcc, r.BylineAcc, r.BylineSet, r.DateAcc, r.DateSet)
	if r.MeanF1 < minMeanF1 {
		t.Errorf("mean body F1 %.4f < %.3f", r.MeanF1, minMeanF1)
	}
	if m := r.ByExtractor[htmlpage.Readability]; m.Bag < minReadF1 {
		t.Errorf("readability alone: mean body F1 %.4f < %.2f", m.Bag, minReadF1)
	}
	if m := r.ByExtractor[htmlpage.Vote]; m.DumpPages < 80 || m.Shingle < minShingleF1 {
		t.Errorf("vote on %d text-dumps pages: shingle F1 %.4f < %.2f", m.DumpPages, m.Shingle, minShingleF1)
	}
	if r.TitleCutAcc < minTitleCut || r.DumpTitleCut < minTitleCut {
		t.Errorf("title accuracy (ingest.TitleMatches) %.3f, on text-dumps pages %.3f < %.2f", r.TitleCutAcc, r.DumpTitleCut, minTitleCut)
	}
	if r.TitleAcc < minTitleAcc {
		t.Errorf("title accuracy (equal) %.3f < %.2f", r.TitleAcc, minTitleAcc)
	}
	if r.BylineSet < minBylineSet {
		t.Errorf("byline accuracy %.3f < %.2f", r.BylineSet, minBylineSet)
	}
	if r.LangSet < minLangSet {
		t.Errorf("language accuracy %.3f < %.2f", r.LangSet, minLangSet)
	}
	if r.DateSet < minDateSet {
		t.Errorf("date accuracy %.3f < %.2f", r.DateSet, minDateSet)
	}
}

func TestTokenF1(t *testing.T) {
	tests := []struct {
		want, got string
		f1        float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a b", 2 * 1 * 0.5 / 1.5},
		{"a a b", "a b b", 2.0 / 3},
		{"", "", 1},
		{"a", "", 0},
		{"The Café, 2019!", "the café 2019", 1},
		{"東京都", "東京", 0.8},
	}
	for _, tt := range tests {
		_, _, f1 := TokenF1(Tokens(tt.want), Tokens(tt.got))
		if math.Abs(f1-tt.f1) > 1e-9 {
			t.Errorf("F1(%q, %q) = %v, want %v", tt.want, tt.got, f1, tt.f1)
		}
	}
}

func TestComparisons(t *testing.T) {
	tests := []struct {
		name      string
		fn        func(string, string) bool
		want, got string
		ok        bool
	}{
		{"title case and spaces", SameTitle, "A  Title", "a title", true},
		{"title differs", SameTitle, "A Title", "A Title | Site", false},
		{"byline by prefix", SameByline, "By Jane Doe", "Jane Doe", true},
		{"byline both empty", SameByline, "", "", true},
		{"byline extra", SameByline, "", "Jane Doe", false},
		{"date same instant as written", SameDate, "2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z", true},
		{"date minutes differ", SameDate, "2019-01-03T07:00:02Z", "2019-01-03T08:00:02Z", false},
		{"date only vs date-time", SameDate, "2024-06-25", "2024-06-25T10:00:00", true},
		{"date missing", SameDate, "2024-06-25", "", false},
		{"language region ignored", SameLanguage, "en-US", "en_gb", true},
		{"language differs", SameLanguage, "fr", "en", false},
		{"language missing", SameLanguage, "de", "", false},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.want, tt.got); got != tt.ok {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

func TestShingleF1(t *testing.T) {
	tests := []struct {
		want, got string
		f1        float64
	}{
		{"a b c d e", "a b c d e", 1},
		{"a b c d e", "a b c d", 2 * 1 * 0.5 / 1.5}, // 1 of 2 shingles
		{"A b c d", "a b c d", 0},                   // case is kept
		{"x y", "x y", 1},                           // short text: one shingle
		{"", "a b c d", 0},
		{"snake_case word here now", "snake case word here now", 0},
	}
	for _, tt := range tests {
		if f1 := ShingleF1(ShingleTokens(tt.want), ShingleTokens(tt.got)); math.Abs(f1-tt.f1) > 1e-9 {
			t.Errorf("ShingleF1(%q, %q) = %v, want %v", tt.want, tt.got, f1, tt.f1)
		}
	}
}

func TestExpectedText(t *testing.T) {
	got := Tokens(ExpectedText([]byte(`<div><p>Credit<span>Kevin</span></p><p>Next</p><script>x()</script></div>`)))
	want := []string{"creditkevin", "next"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("tokens %q, want %q", got, want)
	}
}
