package ingest

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// TestFitRanker learns to put first, in each group, the row whose x0 is
// nearest 0.5 (a rule a pointwise threshold on x0 cannot express), with a
// noise feature; on fresh groups it must rank the positive first nearly
// always. Groups without a positive are ignored, not an error.
func TestFitRanker(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	group := func(g int) ([][]float64, []bool, []int) {
		n := 3 + rng.Intn(6)
		best, bestD := 0, 2.0
		var X [][]float64
		for k := range n {
			x := []float64{rng.Float64(), rng.Float64()}
			if d := abs(x[0] - 0.5); d < bestD {
				best, bestD = k, d
			}
			X = append(X, x)
		}
		y := make([]bool, n)
		y[best] = true
		gs := make([]int, n)
		for k := range gs {
			gs[k] = g
		}
		return X, y, gs
	}
	var X [][]float64
	var y []bool
	var gs []int
	for g := range 600 {
		x, yy, gg := group(g)
		X, y, gs = append(X, x...), append(y, yy...), append(gs, gg...)
	}
	X, y, gs = append(X, []float64{0.1, 0.1}), append(y, false), append(gs, -1) // a group with no positive
	m, err := FitRanker(X, y, gs, BoostOptions{Trees: 60, Depth: 3, Bins: 32, Rate: 0.2, Lambda: 1, MinHess: 1})
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for g := range 300 {
		x, yy, _ := group(g)
		top, topP := -1, -1.0
		for k := range x {
			if p := m.Prob(x[k]); p > topP {
				top, topP = k, p
			}
		}
		if yy[top] {
			right++
		}
	}
	if right < 250 {
		t.Errorf("positive ranked first in %d of 300 groups", right)
	}
	if _, err := FitRanker([][]float64{{1}}, []bool{false}, []int{0}, BoostOptions{Trees: 1}); err == nil {
		t.Error("no error when no group has a positive")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestTitleCandidateForms checks that the candidates include a headline cut
// from its site or section by the usual separators, with or without spaces,
// the last part of a breadcrumb, and a headline wrapped onto a second line.
func TestTitleCandidateForms(t *testing.T) {
	prose := strings.Repeat("The committee said on Monday that it would look again at the plan and its cost to the city. ", 6)
	tests := []struct {
		name, head, want, site string
	}{
		{"bar without spaces", "Economy|As Debt Rises, the Government Will Spend More", "As Debt Rises, the Government Will Spend More", "Economy"},
		{"site after dash", "How to Build a Terrarium - eHow", "How to Build a Terrarium", "eHow"},
		{"breadcrumb", "Mac & i > News > 2015 > 1Password für Mac generiert Einmal-Passwörter", "1Password für Mac generiert Einmal-Passwörter", "Mac & i > News > 2015"},
		{"wrapped headline", "The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and\nlibertarians",
			"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", ""},
		{"wrapped headline after a section", "New York|Manhole Fires and Burst Pipes: How Winter Wreaks Havoc on What's\nUnderneath N.Y.C.",
			"Manhole Fires and Burst Pipes: How Winter Wreaks Havoc on What's Underneath N.Y.C.", "New York"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewDumpAnalysis("Menu\n\n" + tt.head + "\n\n" + wrap(prose, 78))
			m := a.Score(DefaultDumpModel())
			cands := a.TitleCandidates(a.Kept(m))
			found := false
			for _, c := range cands {
				if len(c.Feats) != len(TitleFeatureNames) {
					t.Fatalf("%d features, %d names", len(c.Feats), len(TitleFeatureNames))
				}
				if c.Text == tt.want && c.Site == tt.site {
					found = true
				}
			}
			if !found {
				var got []string
				for _, c := range cands {
					got = append(got, c.Text+" / "+c.Site)
				}
				t.Errorf("no candidate %q (site %q) among %q", tt.want, tt.site, got)
			}
		})
	}
}

// TestLinesContaining counts the other lines that hold a short candidate's
// words as a run: a site's name recurs inside menus and footers, a headline
// does not; long candidates are not counted.
func TestLinesContaining(t *testing.T) {
	page := "Daily Planet\n\nHome | Daily Planet World\n\nSubscribe to the Daily Planet today\n\n" +
		"Mayor Opens New Bridge Over the River\n\n" + wrap(strings.Repeat("The committee said on Monday that it would look again at the plan. ", 8), 78) +
		"\n\nCopyright 2024 Daily Planet. Daily planet is a trademark.\n"
	a := NewDumpAnalysis(page)
	m := a.Score(DefaultDumpModel())
	counts := map[string]float64{}
	for _, c := range a.TitleCandidates(a.Kept(m)) {
		counts[c.Text] = c.Feats[38]
	}
	want := map[string]float64{
		"Daily Planet":                          math.Log1p(3), // "Home | Daily Planet World", "Subscribe...", the copyright line (once)
		"Mayor Opens New Bridge Over the River": 0,
	}
	for text, w := range want {
		got, ok := counts[text]
		if !ok {
			t.Fatalf("no candidate %q among %v", text, counts)
		}
		if math.Abs(got-w) > 1e-9 {
			t.Errorf("%q: feature %.3f, want %.3f", text, got, w)
		}
	}
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String() + "\n"
}

// TestPageStops learns function words from a page whose language has no
// list (Swedish here): its commonest units, not the rare ones; a page too
// small to learn from gets the union of the lists.
func TestPageStops(t *testing.T) {
	text := strings.Repeat("Det var en gång en katt som bodde i ett hus och den hade en röd boll som den lekte med varje dag.\n", 5) +
		strings.Repeat("Och när det regnade satt katten i fönstret och såg på de som gick förbi med paraplyer i handen.\n", 5)
	stops := pageStops(CleanDump(text))
	for _, w := range []string{"en", "och", "som", "i"} {
		if !stops[w] {
			t.Errorf("%q not learned as a stop word", w)
		}
	}
	if len(stops) > PageStopCount {
		t.Errorf("%d stop words learned, at most %d", len(stops), PageStopCount)
	}
	if small := pageStops(CleanDump("Kort rad.\n")); !small["the"] {
		t.Error("a tiny page should fall back to the union of the lists")
	}
}

func TestTitleForms(t *testing.T) {
	got := TitleForms("Friday Facts #282 - 0.17 in sight | Factorio")
	want := []string{"friday facts 282 0 17 in sight factorio", "friday facts 282", "0 17 in sight factorio",
		"friday facts 282 0 17 in sight", "factorio"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("TitleForms = %q, want %q", got, want)
	}
}

// TestNameLine reads bylines written without "By" below the headline: a
// name then a date, or "Par"/"Von" and a name; a menu line is no byline.
func TestNameLine(t *testing.T) {
	prose := wrap(strings.Repeat("The committee said on Monday that it would look again at the plan and its cost to the city. ", 6), 78)
	tests := []struct{ name, meta, want string }{
		{"name and date", "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"},
		{"name, weekday and date", "Joe Wee Monday, February 29, 2016", "Joe Wee"},
		{"par", "Par Sébastien Farcis", "Sébastien Farcis"},
		{"no date after the words", "Share Tweet Share", ""},
		{"a section and a date", "world news - Apr 16, 2015", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "Menu\n\nMayor Opens New Bridge Over the River\n\n" + tt.meta + "\n\n" + prose + "\n"
			a := NewDumpAnalysis(page)
			m := DefaultDumpModel()
			keep := a.Kept(a.Score(m))
			var title TitleCandidate
			for _, c := range a.TitleCandidates(keep) {
				if c.Text == "Mayor Opens New Bridge Over the River" {
					title = c
				}
			}
			if title.Text == "" {
				t.Fatal("no headline candidate")
			}
			keep[title.Line] = false
			if got := a.nameLine(title, keep); got != tt.want {
				t.Errorf("nameLine = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTitleWrapAndKicker checks the candidate features of a headline the
// renderer wrapped (its first line "wraps on", the joined candidate does
// not), of a kicker before a colon, and of the start of a longer candidate.
func TestTitleWrapAndKicker(t *testing.T) {
	prose := strings.Repeat("The committee said on Monday that it would look again at the plan and its cost to the city. ", 6)
	page := "Menu\n\nTag der Abstimmung: Parlament vertagt Votum\n\n" +
		"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and\nlibertarians\n\n" + wrap(prose, 78)
	const wraps, wrapped, longer, kicker = 39, 40, 41, 42
	checkTitleFeats(t, page, []titleFeatCase{
		{"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and", wraps, 1},
		{"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and", longer, 1},
		{"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", wraps, 0},
		{"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", longer, 0},
		{"libertarians", wrapped, 1},
		{"Tag der Abstimmung: Parlament vertagt Votum", kicker, 1},
		{"Tag der Abstimmung: Parlament vertagt Votum", wraps, 0},
		{"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", kicker, 1},
		{"Menu", kicker, 0},
	})
}

// titleFeatCase is one candidate feature's expected value.
type titleFeatCase struct {
	text string
	feat int
	want float64
}

// checkTitleFeats scores page with the embedded model and checks the
// features of its title candidates; it returns the analysis and the
// candidates' features by text.
func checkTitleFeats(t *testing.T, page string, cases []titleFeatCase) (*DumpAnalysis, map[string][]float64) {
	t.Helper()
	a := NewDumpAnalysis(page)
	m := a.Score(DefaultDumpModel())
	feats := map[string][]float64{}
	for _, c := range a.TitleCandidates(a.Kept(m)) {
		feats[c.Text] = c.Feats
	}
	for _, tt := range cases {
		f, ok := feats[tt.text]
		if !ok {
			t.Errorf("no candidate %q", tt.text)
			continue
		}
		if math.Abs(f[tt.feat]-tt.want) > 1e-9 {
			t.Errorf("%q: %s = %v, want %v", tt.text, TitleFeatureNames[tt.feat], f[tt.feat], tt.want)
		}
	}
	return a, feats
}

// TestTitleNeighbourFeatures checks the features of the lines around a
// candidate: a headline under a menu link, its standfirst under it in the
// same block, the block's ends, and a candidate on the dump's first line.
func TestTitleNeighbourFeatures(t *testing.T) {
	prose := strings.Repeat("The committee said on Monday that it would look again at the plan and its cost to the city. ", 6)
	page := "* Home\n\nMayor Opens New Bridge\nThe city's third crossing cost twice the estimate\n\n" + wrap(prose, 78)
	const unitsBefore, linkBefore, unitsAfter, pBefore, pAfter, blockStart, blockEnd = 45, 46, 47, 48, 49, 50, 51
	head, dek := "Mayor Opens New Bridge", "The city's third crossing cost twice the estimate"
	a, feats := checkTitleFeats(t, page, []titleFeatCase{
		{head, linkBefore, 1},
		{head, unitsBefore, math.Log1p(1)},
		{head, unitsAfter, math.Log1p(9)}, // "city's" is two units
		{head, blockStart, 1},
		{head, blockEnd, 0},
		{dek, linkBefore, 0},
		{dek, unitsBefore, math.Log1p(4)},
		{dek, blockStart, 0},
		{dek, blockEnd, 1},
		{"Home", unitsBefore, 0},
		{"Home", pBefore, 0},
		{"Home", blockStart, 1},
	})
	if feats[head] == nil || feats[dek] == nil {
		t.FailNow()
	}
	// The content probabilities are the neighbour lines' own.
	hl := -1
	for i, d := range a.Lines {
		if d.Text == head {
			hl = i
		}
	}
	if hl < 0 || hl+1 >= len(a.Lines) {
		t.Fatal("headline line not found")
	}
	if h, d := feats[head], feats[dek]; h[pAfter] != a.P2[hl+1] || d[pBefore] != a.P2[hl] {
		t.Errorf("content p: headline's line after %v, want %v; standfirst's line before %v, want %v",
			h[pAfter], a.P2[hl+1], d[pBefore], a.P2[hl])
	}
}
