package ingest

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// TestScrapedDumpGate checks which path a file takes: every renderer dump
// of the text-dumps corpus is a scraped dump, while every clean BBC article
// and the seed page are not, so they are parsed exactly as before.
func TestScrapedDumpGate(t *testing.T) {
	seed, err := os.ReadFile("testdata/text/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if text, _, _ := Decode(seed); IsScrapedDump(text) {
		t.Errorf("the seed page is taken for a scraped dump")
	}
	bbc, _ := filepath.Glob(filepath.Join(corpus.Path(t, "corpus", "bbc"), "*", "*.txt"))
	for _, f := range bbc {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if text, _, _ := Decode(raw); IsScrapedDump(text) {
			t.Errorf("%s: a clean BBC article taken for a scraped dump", f)
		}
	}
	dumps, _ := filepath.Glob(filepath.Join(corpus.Path(t, "corpus", "text-dumps"), "*", "*.txt"))
	n := 0
	for _, f := range dumps {
		if filepath.Base(f) == "expected.txt" {
			continue
		}
		n++
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if text, _, _ := Decode(raw); !IsScrapedDump(text) {
			t.Errorf("%s: not recognised as a scraped dump", f)
		}
	}
	if n < 400 {
		t.Errorf("found %d dumps", n)
	}
}

func TestCleanDump(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"lynx references cut", "   Body text here [12]and more.\n\nReferences\n\n   1. http://a.example/\n   2. http://b.example/x\n",
			[]string{"Body text here and more."}},
		{"renderer junk", "   IFRAME: javascript:false\n   #alternate alternate\n   (BUTTON) Search\n   [img]\n   Kept line\n",
			[]string{"Search", "Kept line"}},
		{"html2text links and heading", "**** Comment activity ****\nSee_the_Realm_of_New_Zealand now\n",
			[]string{"Comment activity", "See the Realm of New Zealand now"}},
		{"html2text heading wrapped", "****** The_Spectacular_Story_Of_Metroid,_One_Of\nGaming's_Richest_Universes ******\n***** You may also like *****\n",
			[]string{"The Spectacular Story Of Metroid, One Of Gaming's Richest Universes", "You may also like"}},
		{"html2text heading stars on the next line", "****** Node.js and CPU profiling on production\n******\n[Vincent_Vallet]\n",
			[]string{"Node.js and CPU profiling on production", "Vincent Vallet"}},
		{"stars never closed", "** not a heading\n\nText ******\n", []string{"** not a heading", "Text ******"}},
		{"noscript markup block dropped", "   Before.\n\n   <img\n   src=\"https://px.example/a.gif?id=1\" style=\"display:none\" height=\"1\"\n   width=\"1\" alt=\"\" />\n\n   After.\n",
			[]string{"Before.", "After."}},
		{"text after a tag at a block's start kept", "<a href=\"http://x.example/\">Read</a> the full story of the bridge.\nThe mayor spoke.\n",
			[]string{"Read the full story of the bridge.", "The mayor spoke."}},
		{"tags inside a line", "<i></i><p>JavaScript is <em>off</em>, see <a\nhref=\"http://help.example/js\">help</a>.\n",
			[]string{"JavaScript is off , see", "help ."}},
		{"a sentence about tags kept", "Use the <p> element for paragraphs.\n", []string{"Use the <p> element for paragraphs."}},
		{"image alt in brackets", "[Photo of the mayor at the bridge]\n[2024] and [a] note\n",
			[]string{"Photo of the mayor at the bridge", "and note"}},
		{"bullets and form fields", "     * News\n     + Sport\n   Name: ____________\n",
			[]string{"News", "Sport", "Name:"}},
		{"references word inside text kept", "References\nThis is not a list.\n", []string{"References", "This is not a list."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range CleanDump(tt.in) {
				got = append(got, d.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("CleanDump = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParseDumpGolden extracts the dumps in testdata/dump and compares the
// articles with their golden files.
func TestParseDumpGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/dump/*.txt")
	if len(files) == 0 {
		t.Fatal("no test dumps")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParseText(raw)
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			if strings.Contains(a.Body, "[1]") || strings.Contains(a.Body, "http://") || strings.Contains(a.Body, "_") {
				t.Errorf("renderer artefacts left in the body:\n%s", a.Body)
			}
			got, _ := json.MarshalIndent(a, "", "  ")
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("article differs from %s:\n%s", golden, got)
			}
		})
	}
}

// TestFallbackDensest forces the classifier to keep nothing (a threshold
// above every probability): the body must then be the densest run of prose,
// flagged as a fallback.
func TestFallbackDensest(t *testing.T) {
	raw, err := os.ReadFile("testdata/dump/daringfireball-lynx-refs.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := *DefaultDumpModel()
	m.Threshold = 2
	a, err := ParseDumpWith(raw, &m)
	if err != nil {
		t.Fatal(err)
	}
	if a.Note != FallbackDensest {
		t.Errorf("Note = %q, want %q", a.Note, FallbackDensest)
	}
	if n := len(units(a.Body)); n < 100 {
		t.Errorf("fallback body has %d words:\n%s", n, a.Body)
	}
	if strings.Contains(a.Body, "Daring Fireball\n") {
		t.Errorf("fallback body starts with the masthead")
	}
	normal, err := ParseDump(raw)
	if err != nil || normal.Note != "" {
		t.Errorf("normal extraction: note %q, err %v", normal.Note, err)
	}
}

func TestJoinCJK(t *testing.T) {
	line := strings.Repeat("中", 38)
	a := NewDumpAnalysis(line + "\n" + line + "\n" + "文。\n")
	got := a.Join([]bool{true, true, true})
	if got != line+line+"文。" {
		t.Errorf("Join = %q", got)
	}
	b := NewDumpAnalysis(strings.Repeat("word ", 15) + "\nnext line.\n\nShort\nalone\n")
	if got := b.Join([]bool{true, true, true, true}); got != strings.Repeat("word ", 14)+"word next line.\n\nShort\n\nalone" {
		t.Errorf("Join = %q", got)
	}
}

func TestTitleMatches(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"How to Build a Terrarium", "How to Build a Terrarium | eHow", true},
		{"how to build a terrarium!", "How to Build a Terrarium", true},
		{"eHow", "How to Build a Terrarium | eHow", true},
		{"Build a Terrarium", "How to Build a Terrarium | eHow", false},
		{"宇航员在太空中喝酒会怎么样？后果很严重", "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网", true},
		{"", "Anything", false},
	}
	for _, tt := range tests {
		if got := TitleMatches(tt.got, tt.want); got != tt.ok {
			t.Errorf("TitleMatches(%q, %q) = %v", tt.got, tt.want, got)
		}
	}
}

// TestFitBoosted learns a rule no single split can express (x0 XOR x1,
// with noise features) and must get nearly every point right.
func TestFitBoosted(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var X [][]float64
	var y []bool
	for range 4000 {
		x := []float64{rng.Float64(), rng.Float64(), rng.Float64()}
		X, y = append(X, x), append(y, (x[0] > 0.5) != (x[1] > 0.5))
	}
	m, err := FitBoosted(X, y, nil, BoostOptions{Trees: 40, Depth: 2, Bins: 16, Rate: 0.3, Lambda: 1, MinHess: 1})
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for i, x := range X {
		if (m.Prob(x) >= 0.5) == y[i] {
			right++
		}
	}
	if right < 3800 {
		t.Errorf("%d of 4000 right", right)
	}
	if _, err := FitBoosted(nil, nil, nil, BoostOptions{}); err == nil {
		t.Error("no error for no rows")
	}
}

func FuzzParseDump(f *testing.F) {
	files, _ := filepath.Glob("testdata/dump/*.txt")
	for _, p := range files {
		if raw, err := os.ReadFile(p); err == nil {
			f.Add(raw[:min(len(raw), 4000)])
		}
	}
	f.Add([]byte("   [1]Home\n\nReferences\n\n   1. http://x/\n"))
	f.Add([]byte("**** ****\n____\n(BUTTON)\n"))
	f.Add([]byte("   #S » Feed S » Comments Feed S » A post Comments Feed\n\nA post\n\n   [MATH: <mi> x </mi> :MATH]\n   {\\displaystyle x}\n" +
		"   Text of the post here.\n\nReferences\n\n   1. https://t.example/share?text=A%20post%20here%FF&t=x\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := ParseDump(raw)
		if err != nil {
			return
		}
		if strings.TrimSpace(a.Body) == "" {
			t.Fatalf("empty body and no error")
		}
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in output")
		}
	})
}

func BenchmarkParseDump(b *testing.B) {
	raw, err := os.ReadFile("testdata/dump/daringfireball-lynx-refs.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ParseText(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTextBBC parses a clean BBC article, the importer's common
// case, whose speed must stay within 1.5x of the parser before scraped
// dumps were recognised (the gate is the only added cost).
func BenchmarkParseTextBBC(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(corpus.Path(b, "corpus", "bbc"), "business", "001.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ParseText(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDumpOfFurnitureOnly: a dump with no line left after cleaning is not an
// empty file, and the error says what it is.
func TestDumpOfFurnitureOnly(t *testing.T) {
	raw := "   #alternate\n\n   [logo.png]\n\n   (BUTTON)\n   ____________________\n\n" +
		"References\n\n   1. https://example.com/feed\n   2. https://example.com/\n"
	a := NewDumpAnalysis(raw)
	if len(a.Lines) != 0 {
		t.Fatalf("cleaning kept %d lines: %+v", len(a.Lines), a.Lines)
	}
	_, err := ParseDump([]byte(raw))
	if !errors.Is(err, ErrDumpNoText) || errors.Is(err, ErrEmpty) {
		t.Fatalf("err = %v, want ErrDumpNoText and not ErrEmpty", err)
	}
	if !strings.Contains(err.Error(), "furniture") {
		t.Errorf("error %q does not say why", err)
	}
	// Too short to be recognised as a dump, it is not a plain article
	// either.
	for _, short := range []string{"   #alternate\n\n   [logo.png]\n\n   (BUTTON)\n", "[img]\n\n(BUTTON)\n____________\n"} {
		if a, err := ParseText([]byte(short)); !errors.Is(err, ErrDumpNoText) {
			t.Errorf("ParseText(%q) = %q, %v; want ErrDumpNoText", short, a.Title, err)
		}
	}
	if _, err := ParseText([]byte("A headline\n\n[Photo] The first sentence of a short article.\n")); err != nil {
		t.Errorf("a short article with a marker: %v", err)
	}
}

// TestFeedSite: lynx prints the page's link relations, its feeds' titles
// among them, as a line at the top of the dump; the site's name is read
// from them when the dump names it a second time, and a feed title that
// names no site gives none.
func TestFeedSite(t *testing.T) {
	for _, c := range []struct{ line, footer, want string }{
		{"#Der Nesselsetzer » Feed Der Nesselsetzer » Kommentar Feed Der Nesselsetzer", "", "Der Nesselsetzer"},
		{"#alternate alternate Últimas Noticias » Feed Últimas Noticias » Feed", "", "Últimas Noticias"},
		{"#publisher The Seattle Times » Feed The Seattle Times » Comments Feed", "", "The Seattle Times"},
		{"#publisher Home copyright Breitbart News Feed", "© 2024 Breitbart", "Breitbart"},
		{"#Code (RSS) Photography (RSS) Talks (RSS) Everything (RSS)", "Code", ""},
		{"#ABC13 Houston RSS alternate", "Copyright 2024 ABC13 Houston", "ABC13 Houston"},
		{"#ABC13 Houston RSS alternate", "Copyright 2024 ABC Inc.", ""},
		{"#dzs e.V. - RSS Feed", "Impressum: dzs e.V., Berlin", "dzs e.V."},
		{"#Lovato Electric GmbH News Feed Lovato Electric GmbH News Feed", "", "Lovato Electric GmbH"},
		{"#Papierplanet - Atom Papierplanet - RSS Papierplanet - Atom", "", "Papierplanet"},
		{"#Haki Benita Full Feed", "© Haki Benita 2016-2020", ""},
		{"#RSS", "", ""},
		{"#alternate alternate", "", ""},
		{"#RSS 2.0 Feed", "RSS 2.0", ""},
		{"#Newsfeed von example.at im Format RSS", "example.at", ""},
		{"Subscribe to our RSS feed", "Subscribe to our RSS feed", ""},
	} {
		a := &DumpAnalysis{Lines: []DumpLine{{Text: "Home"}, {Text: c.line}, {Text: "Some headline of the day"}, {Text: c.footer}}}
		if got := a.feedSite(); got != c.want {
			t.Errorf("feedSite(%q with %q) = %q, want %q", c.line, c.footer, got, c.want)
		}
	}
}

func TestPeakGaps(t *testing.T) {
	// Ten lines: a menu (0-1), the article around the peak (2-5), a
	// "Comments" heading and a form (6-7), reader comments (8-9).
	type line struct {
		units int
		lex   float64
		p     float64
	}
	ls := []line{
		{2, -3, 0.1}, {3, -2, 0.2},
		{30, 2, 0.9}, {30, 1, 0.95}, {12, 0, 0.9}, {30, 2, 0.9},
		{1, -5, 0.2}, {4, -1, 0.1},
		{25, 1, 0.8}, {25, 1, 0.7},
	}
	f1 := make([][]float64, len(ls))
	p := make([]float64, len(ls))
	for i, l := range ls {
		f1[i] = make([]float64, len(FeatureNames))
		f1[i][2] = math.Log1p(float64(l.units))
		f1[i][LexFeature] = l.lex
		p[i] = l.p
	}
	got := peakGaps(f1, p, 3)
	lg := func(x float64) float64 { return math.Log1p(x) }
	want := [][4]float64{
		{-1, lg(1), lg(3), -2}, // the gap holds line 1 only: 0 is the line itself
		{-1, 0, 0, 0},
		{-1, 0, 0, 0},
		{0, 0, 0, 0}, // the peak
		{1, 0, 0, 0},
		{1, 0, 0, 0},
		{1, 0, 0, 0},
		{1, lg(1), lg(1), -5}, // past the heading
		{1, lg(2), lg(5), -5},
		{1, lg(2), lg(5), -5}, // a likely line ends the run, not the longest
	}
	for i := range want {
		for k := range want[i] {
			if math.Abs(got[i][k]-want[i][k]) > 1e-9 {
				t.Errorf("line %d: peakGaps = %v, want %v", i, got[i], want[i])
				break
			}
		}
	}
	if len(peakGaps(nil, nil, 0)) != 0 {
		t.Error("no lines: want no gaps")
	}
}

// TestTitleText checks the renderer's marks taken off a chosen title: an
// alt text's brackets, and the "#" of lynx's link relations, but not a
// hashtag opening a headline nor a "#" further down the dump.
func TestTitleText(t *testing.T) {
	a := &DumpAnalysis{Lines: []DumpLine{
		{Text: "#Boston.com » Feed Boston.com » iCal Feed alternate"},
		{Text: "#MeToo five years on: what changed"},
		{Text: "[The mayor on the new bridge]"},
		{Text: "#Boston.com » Feed Boston.com » iCal Feed alternate"},
	}}
	tests := []struct {
		c    TitleCandidate
		want string
	}{
		{TitleCandidate{Text: "#Boston.com", Line: 0}, "Boston.com"},
		{TitleCandidate{Text: "#MeToo five years on: what changed", Line: 1}, "#MeToo five years on: what changed"},
		{TitleCandidate{Text: "[The mayor on the new bridge]", Line: 2}, "The mayor on the new bridge"},
		{TitleCandidate{Text: "#Boston.com", Line: 3}, "#Boston.com"},
		{TitleCandidate{Text: "Mayor Opens Bridge", Line: 0}, "Mayor Opens Bridge"},
	}
	for _, tt := range tests {
		if got := a.titleText(tt.c); got != tt.want {
			t.Errorf("titleText(%q, line %d) = %q, want %q", tt.c.Text, tt.c.Line, got, tt.want)
		}
	}
}
