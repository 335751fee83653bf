package ingest

import (
	"fmt"
	"reflect"
	"testing"
)

func TestLexTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"Share this: Share on Twitter", []string{"share", "this", "on", "twitter", "^share"}},
		{"(BUTTON) Reply", []string{"button", "reply", "^button"}},
		{"北京时间", []string{"北", "京", "时", "间", "^北"}},
	}
	for _, tt := range tests {
		if got := lexTerms(tt.in, false); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("lexTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := ""
	for i := 0; i < 200; i++ {
		long += fmt.Sprintf("w%d ", i)
	}
	if got := len(lexTerms(long, false)); got != lexMaxTerms+1 {
		t.Errorf("a 200-word line gives %d terms, want %d", got, lexMaxTerms+1)
	}
}

// TestFitLexicon learns furniture words from lines of many documents: a
// word of the furniture lines gets a negative weight, a word of the prose a
// positive one, a word of one document none, and the same data gives the
// same lexicon.
func TestFitLexicon(t *testing.T) {
	var texts []string
	var y []bool
	var w []float64
	var doc []int
	for d := 0; d < 20; d++ {
		add := func(s string, label bool) {
			texts, y, w, doc = append(texts, s), append(y, label), append(w, 1), append(doc, d)
		}
		add(fmt.Sprintf("Reply to comment %d", d), false)
		add("Share on Facebook", false)
		add(fmt.Sprintf("The council said on Tuesday that the plan for district %d would be approved.", d), true)
		add("Officials said the vote was expected next month, after the hearings.", true)
		if d == 3 {
			add("Zanzibar zanzibar", false)
		}
	}
	// A word of two documents whose lines alternate counts as in two, not six.
	for k := 0; k < 6; k++ {
		texts, y, w, doc = append(texts, "Quokka quokka"), append(y, false), append(w, 1), append(doc, 1+k%2)
	}
	o := LexOptions{MinDocs: 5, Epochs: 5, Rate: 0.1, L2: 1e-6}
	lex, err := FitLexicon(texts, y, w, doc, o)
	if err != nil {
		t.Fatal(err)
	}
	if lex.Weights["reply"] >= 0 || lex.Weights["share"] >= 0 {
		t.Errorf("furniture words weigh reply %.3f, share %.3f: want negative", lex.Weights["reply"], lex.Weights["share"])
	}
	if lex.Weights["said"] <= 0 {
		t.Errorf("prose word 'said' weighs %.3f: want positive", lex.Weights["said"])
	}
	if _, ok := lex.Weights["zanzibar"]; ok {
		t.Error("a word of one document is in the vocabulary")
	}
	if _, ok := lex.Weights["quokka"]; ok {
		t.Error("a word of two documents, their lines interleaved, is in the vocabulary")
	}
	if lex.Logit("Reply to this comment") >= 0 || lex.Logit("The mayor said the council would vote.") <= 0 {
		t.Errorf("logits: furniture %.2f, prose %.2f", lex.Logit("Reply to this comment"), lex.Logit("The mayor said the council would vote."))
	}
	again, err := FitLexicon(texts, y, w, doc, o)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lex, again) {
		t.Error("two fits of the same data differ")
	}
	for _, bad := range []struct {
		name  string
		texts []string
		y     []bool
	}{
		{"no lines", nil, nil},
		{"lengths differ", []string{"a"}, []bool{true, false}},
		{"one class", []string{"a", "b"}, []bool{true, true}},
	} {
		ws, ds := make([]float64, len(bad.texts)), make([]int, len(bad.texts))
		for i := range ws {
			ws[i] = 1
		}
		if _, err := FitLexicon(bad.texts, bad.y, ws, ds, o); err == nil {
			t.Errorf("%s: no error", bad.name)
		}
	}
}

// TestSetLex checks the lexical features of a dump's lines: the logit, the
// mean over the line's block and over three lines either side; and that
// Score sets them from the model's lexicon.
func TestSetLex(t *testing.T) {
	a := NewDumpAnalysis("First line of a block\nsecond line of it\n\nA line alone\n\nReply\nShare\nMore\nLast")
	if len(a.Lines) != 7 {
		t.Fatalf("%d lines, want 7: %+v", len(a.Lines), a.Lines)
	}
	logit := []float64{1, 3, -2, 0, 4, 0, 0}
	a.SetLex(logit)
	// Blocks: lines 0-1, line 2, lines 3-6; windows of three lines either side.
	blockMean := []float64{2, 2, -2, 1, 1, 1, 1}
	for i := range a.Lines {
		lo, hi := max(i-3, 0), min(i+4, len(logit))
		sum := 0.0
		for j := lo; j < hi; j++ {
			sum += logit[j]
		}
		got := a.F1[i][LexFeature : LexFeature+3]
		want := []float64{logit[i], blockMean[i], sum / float64(hi-lo)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d (%q): lexical features %v, want %v", i, a.Lines[i].Text, got, want)
		}
	}
	lex := &Lexicon{Bias: 0.5, Weights: map[string]float64{"reply": -4}}
	m := DefaultDumpModel()
	withLex := *m
	withLex.Lexicon = lex
	a.Score(&withLex)
	if a.Lines[3].Text != "Reply" {
		t.Fatalf("line 3 is %q", a.Lines[3].Text)
	}
	if got, want := a.F1[3][LexFeature], lex.Logit("Reply"); got != want || want >= 0 {
		t.Errorf("after Score, 'Reply' has lexical logit %v, want the lexicon's %v (negative)", got, want)
	}
}

// TestDumpModelFor reads a page in a language the lexicon does not know
// with the plain model, and one it knows with the lexicon's.
func TestDumpModelFor(t *testing.T) {
	known := map[string]float64{}
	for _, w := range []string{"the", "council", "said", "on", "tuesday", "that", "plan", "would", "be", "approved", "after", "a", "long", "debate"} {
		known[w] = 0.1
	}
	plain := DefaultDumpModel().Plain
	if plain == nil {
		t.Fatal("the embedded model has no plain model")
	}
	m := &DumpModel{Lexicon: &Lexicon{Weights: known}, Plain: plain, MinCoverage: 0.5}
	en := NewDumpAnalysis("The council said on Tuesday that the plan would be approved after a long debate.")
	pl := NewDumpAnalysis("Rada miasta poinformowała we wtorek, że plan zostanie przyjęty po długiej debacie.")
	if got := m.Lexicon.Coverage(en.Lines); got != 1 {
		t.Errorf("coverage of the English line %.2f, want 1", got)
	}
	if got := m.Lexicon.Coverage(pl.Lines); got != 1.0/12 { // "plan" alone of its 12 words
		t.Errorf("coverage of the Polish line %.3f, want 1/12", got)
	}
	if m.For(en) != m {
		t.Error("an English page is not read with the lexicon's model")
	}
	if m.For(pl) != plain {
		t.Error("a Polish page is not read with the plain model")
	}
	m.MinCoverage = 0
	if m.For(pl) != m {
		t.Error("with no minimum coverage the plain model is used")
	}
}
