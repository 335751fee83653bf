package htmlpage

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// constantModel is a real model of no trees whose every line has
// probability p.
func constantModel(p float64, s LineScope) *LineModel {
	return &LineModel{Model: &ingest.Boosted{Base: logit(p)}, Threshold: 0.5, Scope: s, Features: LineFeatureNames}
}

func logit(p float64) float64 {
	switch p {
	case 0:
		return -50
	case 1:
		return 50
	}
	return 0
}

func TestDecideScope(t *testing.T) {
	story1 := "The council voted on Tuesday to close the old bridge for repairs."
	story2 := "Engineers said the work would take at least six months to finish."
	caption := "The old bridge seen from the river bank in March last year."
	menu := "Subscribe to our daily newsletter today"
	page := menu + "\n\n" + caption + "\n\n" + story1 + "\n\n" + story2
	texts := []string{ // story1 held by all, story2 and the caption by two, the menu by one
		caption + "\n\n" + story1 + "\n\n" + story2, caption + "\n\n" + story1 + "\n\n" + story2, menu + "\n\n" + story1,
	}
	tests := []struct {
		name  string
		p     float64
		scope LineScope
		want  string
	}{
		{"free model keeping everything", 1, LineScope{}, page},
		{"free model keeping nothing: the medoid", 0, LineScope{}, texts[0]},
		{"min 2 keeping all it decides", 1, LineScope{MinHeld: 2}, caption + "\n\n" + story1 + "\n\n" + story2},
		{"min 2, keep-all, dropping all it decides: the line all hold", 0, LineScope{MinHeld: 2, KeepAll: true}, texts[0]},
		{"min 1, keep-all, keeping all it decides", 1, LineScope{MinHeld: 1, KeepAll: true}, page},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newBallots(page, texts)
			m := constantModel(tt.p, tt.scope)
			if got := v.Decide(v.LineProbs(m), m.Scope, m.Threshold, voteFloor); got != tt.want {
				t.Errorf("Decide = %q\nwant     %q", got, tt.want)
			}
		})
	}
	// Most ballots empty: nothing, whatever the model says.
	v := newBallots(page, []string{"", "", story1})
	if got := v.Decide(v.LineProbs(constantModel(1, LineScope{})), LineScope{}, 0.5, voteFloor); got != "" {
		t.Errorf("two empty ballots of three: %q", got)
	}
}

func TestLineFeatures(t *testing.T) {
	raw := `<html><body><nav><a href="/">Home</a> <a href="/n">News</a></nav><article>` +
		`<p>The council voted on Tuesday to close the old bridge for repairs, and the mayor agreed.</p>` +
		`<figure><img src="b.jpg"><figcaption class="photo-credit">Foto: Agency © 2024</figcaption></figure>` +
		`<p>Engineers said the work would take at least six months to finish, perhaps more.</p></article></body></html>`
	text, info := pageText(mustParse(t, raw))
	v := newBallotsInfo(text, info, []string{text, text, ""})
	rows := v.LineFeatures()
	col := map[string]int{}
	for i, n := range LineFeatureNames {
		col[n] = i
	}
	if len(col) != len(LineFeatureNames) {
		t.Fatal("two features share a name")
	}
	for i, l := range v.Lines() {
		r := rows[i]
		if l == "" {
			if r != nil {
				t.Errorf("blank line %d has features", i)
			}
			continue
		}
		if len(r) != len(LineFeatureNames) {
			t.Fatalf("line %q: %d features, %d names", l, len(r), len(LineFeatureNames))
		}
		caption := strings.HasPrefix(l, "Foto")
		if got := r[col["in-caption"]] == 1 && r[col["in-credit"]] == 1 && r[col["copyright-sign"]] == 1 && r[col["colon-head"]] == 1; got != caption {
			t.Errorf("line %q: caption features %v", l, got)
		}
		if got := r[col["link-share"]] == 1 && r[col["in-chrome"]] == 1; got != strings.HasPrefix(l, "Home") {
			t.Errorf("line %q: nav link features %v", l, got)
		}
		if r[col["held-share"]] != 2.0/3 || r[col["ballots-empty"]] != 1.0/3 {
			t.Errorf("line %q: held share %v, empty ballots %v", l, r[col["held-share"]], r[col["ballots-empty"]])
		}
	}
}

// TestLineDecisionGolden is the embedded model's decision on a small page:
// each line's probability and verdict (go test -run LineDecisionGolden
// -update after retraining).
func TestLineDecisionGolden(t *testing.T) {
	x, err := Extract(readTestdata(t, "news-jsonld.html"), "https://gazette.example/", "")
	if err != nil {
		t.Fatal(err)
	}
	m := DefaultLineModel()
	v := x.Ballots()
	probs := v.LineProbs(m)
	var sb strings.Builder
	fmt.Fprintf(&sb, "threshold %g, scope %+v\n", m.Threshold, m.Scope)
	for i, l := range v.Lines() {
		if v.verds[i].words == 0 {
			continue
		}
		verdict := "drop"
		if decided, keep := v.scoped(i, m.Scope); decided && keep || !decided && probs[i] >= m.Threshold {
			verdict = "keep"
		}
		fmt.Fprintf(&sb, "%s %.2f %s\n", verdict, probs[i], l)
	}
	fmt.Fprintf(&sb, "--- Parse's body\n%s\n", x.Text(Vote))
	golden := filepath.Join("testdata", "news-jsonld.lines.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if sb.String() != string(want) {
		t.Errorf("line decision:\n%s\nwant (%s):\n%s", sb.String(), golden, want)
	}
}

func TestReadLineModel(t *testing.T) {
	good, err := constantModel(1, LineScope{}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	names := fmt.Sprintf("%q", LineFeatureNames)
	names = strings.ReplaceAll(names, `" "`, `","`)
	tests := []struct {
		name string
		raw  string
		ok   bool
	}{
		{"written by Marshal", string(good), true},
		{"the embedded one", string(lineModelJSON), true},
		{"not JSON", "{", false},
		{"no model", `{"threshold":0.5,"features":` + names + `}`, false},
		{"other features", `{"model":{"base":0},"features":["a"]}`, false},
		{"a split on a feature that does not exist", `{"model":{"trees":[{"f":[99,-1,-1],"t":[0,0,0],"l":[1,-1,-1],"r":[2,-1,-1],"v":[0,1,2]}]},"features":` + names + `}`, false},
		{"a child before its parent", `{"model":{"trees":[{"f":[0,-1,-1],"t":[0,0,0],"l":[0,-1,-1],"r":[2,-1,-1],"v":[0,1,2]}]},"features":` + names + `}`, false},
		{"ragged arrays", `{"model":{"trees":[{"f":[0,-1,-1],"t":[0],"l":[1,-1,-1],"r":[2,-1,-1],"v":[0,1,2]}]},"features":` + names + `}`, false},
		{"a good split", `{"model":{"trees":[{"f":[0,-1,-1],"t":[0,0,0],"l":[1,-1,-1],"r":[2,-1,-1],"v":[0,1,2]}]},"features":` + names + `}`, true},
	}
	for _, tt := range tests {
		if _, err := ReadLineModel([]byte(tt.raw)); (err == nil) != tt.ok {
			t.Errorf("%s: err = %v", tt.name, err)
		}
	}
}

// FuzzReadLineModel: a model that reads must decide any page without a
// panic.
func FuzzReadLineModel(f *testing.F) {
	f.Add(`{"model":{"trees":[{"f":[0,-1,-1],"t":[0,0,0],"l":[1,-1,-1],"r":[2,-1,-1],"v":[0,1,2]}]},"threshold":0.5}`)
	f.Add(`{"model":{"base":3},"scope":{"minHeld":2,"keepAll":true}}`)
	page := "Home\n\nThe council voted on Tuesday to close the old bridge.\n\nShare"
	v := newBallots(page, []string{page, page, ""})
	f.Fuzz(func(t *testing.T, raw string) {
		var m LineModel
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return
		}
		m.Features = LineFeatureNames
		if m.Check() != nil {
			return
		}
		_ = v.Decide(v.LineProbs(&m), m.Scope, m.Threshold, voteFloor)
	})
}
