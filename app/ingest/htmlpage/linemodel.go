package htmlpage

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
	"sync"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// LineModel is a learned per-line decision for the vote: boosted trees
// over Ballots.LineFeatures give each line of the page a probability of
// being article text, and a line is kept when it reaches Threshold. It is
// learned from go-trafilatura's human references (htmleval.TrainLines,
// `go run ./cmd/evalhtml -human -train-lines -o FILE`).
type LineModel struct {
	Model     *ingest.Boosted `json:"model"`
	Threshold float64         `json:"threshold"`
	Scope     LineScope       `json:"scope"`
	// Features are the LineFeatureNames the model was trained on; a model
	// whose names differ from this build's is refused.
	Features []string `json:"features"`
}

// LineScope limits which lines the model decides: a line held by fewer
// than MinHeld ballots (firmly or loosely) is dropped, and with KeepAll a
// line every ballot holds firmly is kept; the model decides the rest.
type LineScope struct {
	MinHeld int  `json:"minHeld"`
	KeepAll bool `json:"keepAll"`
}

// scoped returns whether the scope decides line i and, if so, its
// verdict.
func (v *Ballots) scoped(i int, s LineScope) (decided, keep bool) {
	lv := v.verds[i]
	if lv.words == 0 || bits.OnesCount8(lv.held) < s.MinHeld {
		return true, false
	}
	strict := lv.held
	if !lv.long {
		strict = lv.line
	}
	if s.KeepAll && strict == uint8(1)<<v.n-1 {
		return true, true
	}
	return false, false
}

// InScope reports whether the model decides line i under s (the lines
// TrainLines learns from).
func (v *Ballots) InScope(i int, s LineScope) bool {
	decided, _ := v.scoped(i, s)
	return !decided
}

// Check reports an error when the model cannot be used with this build's
// features.
func (m *LineModel) Check() error {
	if m == nil || m.Model == nil {
		return fmt.Errorf("line model: no trees")
	}
	if !slices.Equal(m.Features, LineFeatureNames) {
		return fmt.Errorf("line model: trained on features %v, this build has %v", m.Features, LineFeatureNames)
	}
	for _, t := range m.Model.Trees {
		n := len(t.Feat)
		if n == 0 || len(t.Thresh) != n || len(t.Left) != n || len(t.Right) != n || len(t.Value) != n {
			return fmt.Errorf("line model: malformed tree")
		}
		for k, f := range t.Feat {
			if f >= len(LineFeatureNames) || f >= 0 && (t.Left[k] <= k || t.Left[k] >= n || t.Right[k] <= k || t.Right[k] >= n) {
				return fmt.Errorf("line model: malformed tree")
			}
		}
	}
	return nil
}

//go:embed linemodel.json
var lineModelJSON []byte

var defaultLineModel = sync.OnceValue(func() *LineModel {
	m, err := ReadLineModel(lineModelJSON)
	if err != nil {
		panic(fmt.Sprintf("htmlpage: embedded linemodel.json: %v", err))
	}
	return m
})

// DefaultLineModel is the embedded model (linemodel.json).
func DefaultLineModel() *LineModel { return defaultLineModel() }

// ReadLineModel decodes and checks a model written by WriteLineModel.
func ReadLineModel(raw []byte) (*LineModel, error) {
	m := &LineModel{}
	if err := json.Unmarshal(raw, m); err != nil {
		return nil, fmt.Errorf("read line model: %w", err)
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return m, nil
}

// Marshal encodes the model as JSON (ReadLineModel reads it back).
func (m *LineModel) Marshal() ([]byte, error) {
	return json.Marshal(m)
}

// LineProbs are the model's probabilities for the page's lines (0 for a
// blank line).
func (v *Ballots) LineProbs(m *LineModel) []float64 {
	rows := v.LineFeatures()
	p := make([]float64, len(rows))
	for i, r := range rows {
		if r != nil {
			p[i] = m.Model.Prob(r)
		}
	}
	return p
}

// Decide is the vote's text with the lines whose probability (LineProbs)
// reaches threshold kept, in page order, among the lines the scope s
// leaves to the model. The fallbacks are the vote's:
// when most ballots are empty the text is empty, and when the kept lines
// hold fewer than floor times the median ballot's words the medoid ballot
// is taken whole.
func (v *Ballots) Decide(probs []float64, s LineScope, threshold, floor float64) string {
	empty := 0
	for _, w := range v.words {
		if w == 0 {
			empty++
		}
	}
	if 2*empty > v.n {
		return ""
	}
	text, _ := v.assemble(v.LineKeeps(probs, s, threshold), floor)
	return text
}

// LineKeeps are Decide's verdicts on the lines, before its fallbacks.
func (v *Ballots) LineKeeps(probs []float64, s LineScope, threshold float64) []bool {
	keep := make([]bool, len(v.lines))
	for i, p := range probs {
		if decided, k := v.scoped(i, s); decided {
			keep[i] = k
		} else {
			keep[i] = p >= threshold
		}
	}
	return keep
}

// VoteKeeps are the 2-of-3 vote's verdicts on the lines (DefaultVote),
// before its medoid fallback.
func (v *Ballots) VoteKeeps() []bool { return v.keep(nil, DefaultVoteShare) }

// LineText is the text of the learned line decision m with the default
// vote's medoid floor; a page read by readability alone gives its text.
func (x *Extraction) LineText(m *LineModel) string {
	if x.page == "" {
		return x.texts[Readability]
	}
	v := x.Ballots()
	return v.Decide(v.LineProbs(m), m.Scope, m.Threshold, voteFloor)
}

// Lines are the page's lines, as the features and probabilities index
// them.
func (v *Ballots) Lines() []string { return v.lines }
