package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// gold builds a sentence from "word/TAG" pairs ("O" when no tag is given).
func gold(s string) GoldSentence {
	var g GoldSentence
	for _, f := range strings.Fields(s) {
		w, tag, ok := strings.Cut(f, "/")
		if !ok {
			tag = "O"
		}
		g.Words = append(g.Words, w)
		g.POS = append(g.POS, "")
		g.Tags = append(g.Tags, tag)
	}
	return g
}

func TestCueWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"firm", "firm"}, {"state-run", "state-run"}, {"Firm", ""}, {"'s", ""}, {"-run", ""},
		{"run-", ""}, {"2-1", ""}, {"", ""}, {"caf\u00e9", ""}, {"#tag", ""},
	}
	for _, tc := range tests {
		if got := cueWord(tc.in); got != tc.want {
			t.Errorf("cueWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCountCues(t *testing.T) {
	sents := []GoldSentence{
		gold("the oil firm Rosneft/B-org said ."),
		gold("the oil firm Yukos/B-org shares fell ."),
		gold("he saw the film Sideways/B-art on Monday/B-tim ."),
		gold("in Iraqi/B-gpe towns and in Iraq/B-gpe"),
		gold("copies of Windows/B-misc"),
		gold("Mr/B-per Blair/I-per said"),
	}
	c := CountCues(sents, nil)
	tests := []struct {
		pos, key, typ string
		want          int
	}{
		{CueBefore, "firm", Org, 2},
		{CueBefore2, "oil firm", Org, 2},
		{CueAfter, "said", Org, 1},
		{CueAfter, "said", Person, 1},
		{CueAfter, "shares", Org, 1},
		{CueBefore, "film", Misc, 1},
		{CueBefore, "on", Misc, 0},  // time is no name
		{CueBefore, "in", Place, 0}, // gpe without an NNP tag ("Iraqi") is a demonym: not counted
		{CueBefore2, "copies of", Misc, 1},
	}
	for _, tc := range tests {
		if got := c[tc.pos][tc.key][tc.typ]; got != tc.want {
			t.Errorf("count %s %q %s = %d, want %d", tc.pos, tc.key, tc.typ, got, tc.want)
		}
	}
	iraq := gold("in Iraq/B-gpe")
	iraq.POS[1] = "NNP"
	if got := CountCues([]GoldSentence{iraq}, nil)[CueBefore]["in"][Place]; got != 1 {
		t.Errorf("a gpe proper noun after %q counted %d times as a place, want 1", "in", got)
	}
}

func TestLexiconThresholds(t *testing.T) {
	c := CueCounts{}
	c.add(CueBefore, "firm", Org, 9)
	c.add(CueBefore, "firm", Person, 1) // (9+1)/(10+4) = 0.71
	c.add(CueBefore, "band", Org, 2)    // (2+1)/(2+4) = 0.5
	c.add(CueAfter, "film", Misc, 20)   // 21/24 = 0.875
	tests := []struct {
		th   map[string]CueThreshold
		want []string
	}{
		{map[string]CueThreshold{Org: {0.7, 5}, Misc: {0.8, 5}}, []string{"before firm ORG", "after film MISC"}},
		{map[string]CueThreshold{Org: {0.75, 5}, Misc: {0.8, 5}}, []string{"after film MISC"}},
		{map[string]CueThreshold{Org: {0.7, 10}}, nil},
		{map[string]CueThreshold{Org: {0.5, 1}}, nil}, // p must be over 0.5
		{map[string]CueThreshold{Misc: {0.9, 1}}, nil},
	}
	for i, tc := range tests {
		var got []string
		for _, e := range c.Lexicon(tc.th).Entries {
			got = append(got, e.Pos+" "+e.Key+" "+e.Type)
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%d: lexicon %q, want %q", i, got, tc.want)
		}
	}
}

// TestCrossValidateCues checks that cross-validation keeps a word that
// always comes before one type and drops one that comes before any.
func TestCrossValidateCues(t *testing.T) {
	var set []GoldSentence
	for i := range 200 {
		set = append(set, gold(fmt.Sprintf("the firm Acme%d/B-org rose", i)))
		typ := []string{"B-per", "B-org", "B-geo"}[i%3]
		set = append(set, gold(fmt.Sprintf("after that Name%d/%s spoke", i, typ)))
	}
	pts := CrossValidateCues([][]GoldSentence{set}, nil, 5, []float64{0.6, 0.9}, []int{3})
	th := ChooseCueThresholds(pts, 0.9)
	if _, ok := th[Org]; !ok {
		t.Fatalf("no ORG threshold chosen: %+v", pts)
	}
	for _, p := range pts {
		if p.Type == Org && p.CueThreshold == th[Org] && (p.Precision() < 0.99 || p.Recall() < 0.6) {
			t.Errorf("ORG cues held out: precision %.2f recall %.2f, want 1 and 2/3 (the firm's spans)", p.Precision(), p.Recall())
		}
	}
	for _, typ := range []string{Person, Place, Misc} {
		if _, ok := th[typ]; ok {
			t.Errorf("%s threshold chosen, want none (\"that\" types nothing)", typ)
		}
	}
	lex := CountCues(set, nil).Lexicon(th)
	if lex.Type(CueBefore, "firm") != Org || lex.Type(CueBefore, "that") != "" || lex.Type(CueBefore, "firms") != Org {
		t.Errorf("lexicon %+v: want firm (and firms) ORG only", lex.Entries)
	}
}

func TestReadCueLexicon(t *testing.T) {
	tests := []struct {
		name, in, err string
		n             int
	}{
		{"good", "# header\nbefore\tfirm\tORG\t14\t19\nbefore2\tcopies of\tMISC\t3\t3\r\nafter\tshares\tORG\t9\t12\n\n", "", 3},
		{"fields", "before\tfirm\tORG\t14\n", "5 tab-separated", 0},
		{"position", "inside\tfirm\tORG\t1\t1\n", "unknown position", 0},
		{"type", "before\tfirm\tGPE\t1\t1\n", "unknown type", 0},
		{"upper case", "before\tFirm\tORG\t1\t1\n", "no lower-case word", 0},
		{"words", "before\toil firm\tORG\t1\t1\n", "takes 1 word", 0},
		{"two words", "before2\tfirm\tORG\t1\t1\n", "takes 2 word", 0},
		{"counts", "before\tfirm\tORG\t5\t4\n", "bad counts", 0},
		{"negative", "before\tfirm\tORG\t-1\t4\n", "bad counts", 0},
		{"twice", "before\tfirm\tORG\t1\t1\nbefore\tfirm\tMISC\t1\t1\n", "given twice", 0},
		{"long line", "before\t" + strings.Repeat("a", maxCueLine) + "\tORG\t1\t1\n", "too long", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lex, err := ReadCueLexicon(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || lex.Len() != tc.n {
				t.Fatalf("%d cues, err %v; want %d", lex.Len(), err, tc.n)
			}
			var buf bytes.Buffer
			if err := lex.Write(&buf, []string{"again"}); err != nil {
				t.Fatal(err)
			}
			back, err := ReadCueLexicon(&buf)
			if err != nil || fmt.Sprint(back.Entries) != fmt.Sprint(lex.Entries) {
				t.Errorf("round trip: %v, %v; want %v", back.Entries, err, lex.Entries)
			}
		})
	}
}

func FuzzReadCueLexicon(f *testing.F) {
	f.Add([]byte("before\tfirm\tORG\t14\t19\nbefore2\tcopies of\tMISC\t3\t3\n"))
	f.Add(embeddedCues)
	f.Add([]byte("after\t\tORG\t1\t1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lex, err := ReadCueLexicon(bytes.NewReader(b))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := lex.Write(&buf, nil); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCueLexicon(&buf)
		if err != nil || fmt.Sprint(back.Entries) != fmt.Sprint(lex.Entries) {
			t.Fatalf("round trip of %q: %v", b, err)
		}
		for _, e := range lex.Entries {
			if lex.Type(e.Pos, e.Key) != e.Type {
				t.Fatalf("%+v: Type = %q", e, lex.Type(e.Pos, e.Key))
			}
		}
	})
}

// TestEmbeddedCues checks the two embedded lexicons and how the tagger
// joins them: a hand-written word keeps its type, a learned one is added.
func TestEmbeddedCues(t *testing.T) {
	learned, err := LearnedCues()
	if err != nil || learned.Len() == 0 {
		t.Fatalf("learned cues: %d, %v", learned.Len(), err)
	}
	hand, err := HandCues()
	if err != nil || hand.Len() == 0 {
		t.Fatalf("hand cues: %d, %v", hand.Len(), err)
	}
	tg := loadTagger(t)
	for _, e := range hand.Entries {
		if got := tg.cues.Type(e.Pos, e.Key); got != e.Type {
			t.Errorf("tagger's %s %q = %q, want the hand-written %s", e.Pos, e.Key, got, e.Type)
		}
	}
	for _, e := range learned.Entries {
		if _, ok := hand.byPos[e.Pos][e.Key]; !ok && tg.cues.Type(e.Pos, e.Key) != e.Type {
			t.Errorf("tagger's %s %q = %q, want the learned %s", e.Pos, e.Key, tg.cues.Type(e.Pos, e.Key), e.Type)
		}
	}
}

// thresholdLine is a threshold line of cues.tsv's header.
var thresholdLine = regexp.MustCompile(`^# ([A-Z]+): p ([0-9.]+) n ([0-9]+);`)

// TestLearnedCuesReproduce relearns the lexicon from the training splits
// with the thresholds its header records and checks that it is the
// committed cues.tsv (regenerate with `make cues` when the data or the
// learner changes).
func TestLearnedCuesReproduce(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the training sets; skipped with -short")
	}
	sets := loadSharedSets(t)
	th := map[string]CueThreshold{}
	sc := bufio.NewScanner(bytes.NewReader(embeddedCues))
	for sc.Scan() {
		if m := thresholdLine.FindStringSubmatch(sc.Text()); m != nil {
			p, _ := strconv.ParseFloat(m[2], 64)
			n, _ := strconv.Atoi(m[3])
			th[m[1]] = CueThreshold{P: p, N: n}
		}
	}
	if len(th) == 0 {
		t.Fatal("cues.tsv records no thresholds")
	}
	var train []GoldSentence
	for _, s := range sets {
		tr, _ := Split(s.Sents)
		train = append(train, tr...)
	}
	got := CountCues(train, loadTagger(t).NameCut()).Lexicon(th)
	want, err := LearnedCues()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got.Entries) != fmt.Sprint(want.Entries) {
		t.Errorf("relearned %d cues differ from the %d of cues.tsv: run `make cues`", got.Len(), want.Len())
	}
}

// TestCuesFromLexicon checks that the cue rules read their words from the
// lexicon the tagger is given: a made-up word cues only through it.
func TestCuesFromLexicon(t *testing.T) {
	lex, err := ReadCueLexicon(strings.NewReader("before\tgizmo\tMISC\t5\t5\nafter\twidgeteers\tORG\t5\t5\n" +
		"before2\tfans of\tORG\t5\t5\nbefore\tbeside\tPLACE\t5\t5\n"))
	if err != nil {
		t.Fatal(err)
	}
	tg := loadTagger(t)
	tests := []struct {
		name, text, entity, want string
	}{
		{"before", "Critics in London said the gizmo Zorblax was the best of the year.", "Zorblax", Misc},
		{"before, plural", "Shops sold gizmos like Zorblax in London on Monday.", "Zorblax", Misc},
		{"after", "Officials said Quantrell widgeteers met in London on Monday.", "Quantrell", Org},
		{"two words before", "Thousands of fans of Quantrell marched in London on Monday.", "Quantrell", Org},
		{"place evidence", "The meeting was held beside Zorbington on Monday, officials said.", "Zorbington", Place},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range []struct {
				tg   *Tagger
				want string
			}{{tg.WithCues(lex), tc.want}, {tg.WithCues(&CueLexicon{}), ""}} {
				var all []string
				found := false
				for _, e := range c.tg.Tag(tc.text, nil) {
					all = append(all, e.Type+" "+e.Text+" cue "+e.Cue)
					if e.Text == tc.entity {
						found = true
						if e.Cue != c.want {
							t.Errorf("%q cue %q, want %q (all: %q)", e.Text, e.Cue, c.want, all)
						}
					}
				}
				if !found {
					t.Errorf("%q not found (all: %q)", tc.entity, all)
				}
			}
		})
	}
}
