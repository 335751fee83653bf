package htmleval

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

func TestLineLabels(t *testing.T) {
	e := HumanEntry{
		With:    []string{"the council voted", "Engineers said the work would take months"},
		Without: []string{"Foto: dpa", "Share this story on social media"},
	}
	lines := []string{
		"On Tuesday the council voted to close the bridge.", // holds a With snippet
		"Engineers said the work",                           // inside a With snippet, 4 tokens
		"Engineers",                                         // inside, but one token
		"Foto: dpa",                                         // a Without snippet
		"Share this story",                                  // inside a Without snippet
		"",
		"Nothing to do with either.",
		"the council voted; Foto: dpa", // both
	}
	want := []int8{1, 1, 0, -1, -1, 0, 0, 0}
	if got := LineLabels(e, lines); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("LineLabels = %v, want %v", got, want)
	}
}

// captionBenchmark writes pages whose stories carry photo captions that
// the entries mark as boilerplate.
func captionBenchmark(t *testing.T, sites int) string {
	t.Helper()
	topics := []string{"bridge", "harbour", "school", "library", "market", "station", "museum", "theatre", "stadium", "airport", "hospital", "park"}
	var entries []HumanEntry
	stories := map[string]string{}
	for i := range sites {
		topic := topics[i%len(topics)]
		var story strings.Builder
		var with, without []string
		for s := range 10 {
			sentence := fmt.Sprintf("Paragraph %d of the report on the %s %d explains at length what the council decided and why the residents care about it.", s, topic, i)
			fmt.Fprintf(&story, "<p>%s</p>", sentence)
			if s%3 == 1 {
				caption := fmt.Sprintf("Photo: Agency %d / The %s seen from the south", i, topic)
				fmt.Fprintf(&story, `<figure><img src="p%d.jpg"><figcaption class="credit">%s</figcaption></figure>`, s, caption)
				without = append(without, caption)
			}
			with = append(with, sentence[:40])
		}
		file := fmt.Sprintf("%s-%d.html", topic, i)
		stories[file] = story.String()
		entries = append(entries, HumanEntry{URL: fmt.Sprintf("https://%s%d.example/story", topic, i), File: file, Title: "The " + topic,
			With: with, Without: without})
	}
	return writeBenchmark(t, entries, stories)
}

func TestTrainLines(t *testing.T) {
	r, err := RunHuman(captionBenchmark(t, 12), 2)
	if err != nil {
		t.Fatal(err)
	}
	free := htmlpage.LineScope{}
	opt := LineBoost
	opt.Trees = 20
	cv, err := CrossValidateLines(r, 3, free, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Held out, the captions go and the story stays.
	if c := cv.HeldOut; c.FP != 0 || c.FN != 0 {
		t.Errorf("held-out counts %+v: captions kept or story dropped", c)
	}
	if cv.HeldOut.F() <= cv.Default.F() {
		t.Errorf("held-out F %.3f, the 2-of-3 vote's %.3f: nothing learned", cv.HeldOut.F(), cv.Default.F())
	}
	if cv.Default != r.DefaultVote || cv.DiffLow > cv.DiffHigh || len(cv.Folds) != 3 {
		t.Errorf("default %+v (run %+v), interval %v .. %v, %d folds", cv.Default, r.DefaultVote, cv.DiffLow, cv.DiffHigh, len(cv.Folds))
	}
	// The fold plan is CrossValidateHuman's: sites dealt round-robin.
	fold, sites := siteFolds(r.Pages, 3)
	lines := 0
	for i, f := range cv.Folds {
		pages := 0
		for _, fo := range fold {
			if fo == i {
				pages++
			}
		}
		if f.Sites != sites[i] || f.Pages != pages {
			t.Errorf("fold %d: %d sites, %d pages; the plan has %d and %d", i+1, f.Sites, f.Pages, sites[i], pages)
		}
		lines += f.Lines
		if f.Lines == 0 || f.Threshold < LineThresholds[0] || f.Threshold > LineThresholds[len(LineThresholds)-1] {
			t.Errorf("fold %+v", f)
		}
	}
	m, err := TrainLines(r, free, opt)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := htmlpage.ReadLineModel(raw)
	if err != nil {
		t.Fatal(err)
	}
	// Training is deterministic and the model survives its JSON.
	again, _ := TrainLines(r, free, opt)
	raw2, _ := again.Marshal()
	if string(raw) != string(raw2) || back.Threshold != m.Threshold || len(back.Model.Trees) != opt.Trees {
		t.Error("training twice gave two models, or the JSON lost something")
	}
	if _, err := CrossValidateLines(r, 30, free, opt); err == nil {
		t.Error("30 folds of 12 pages: no error")
	}
}

func TestDiffLineModel(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "html-pages")
	sentences := 0
	for i, topic := range []string{"bridge", "harbour", "school"} {
		writePage(t, dir, topic, topic, 8+i)
		sentences += 8 + i
	}
	r, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	constant := func(base float64) *htmlpage.LineModel {
		return &htmlpage.LineModel{Model: &ingest.Boosted{Base: base}, Threshold: 0.5, Features: htmlpage.LineFeatureNames}
	}
	// A model that keeps nothing drops every line the vote keeps: the
	// story's sentences (long lines) and its <h1>.
	none := DiffLineModel(r, constant(-50))
	if none.AddedLines != 0 || none.Dropped["long line"][0] != sentences || none.Dropped["heading"][0] != 3 {
		t.Errorf("keeping nothing: %+v", none)
	}
	// One that keeps everything adds the menu and the footer, drops nothing.
	all := DiffLineModel(r, constant(50))
	if all.AddedLines != 6 || len(all.Dropped) != 0 {
		t.Errorf("keeping everything: %+v", all)
	}
}
