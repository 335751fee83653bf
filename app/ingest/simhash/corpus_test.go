package simhash

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// maxCrossSection bounds the pairs grouped across BBC sections (false
// positives for certain); 3 were measured at NearThreshold 12.
const maxCrossSection = 5

type doc struct {
	name, text string
	fp         uint64
}

func loadBBC(t *testing.T) []doc {
	t.Helper()
	dir := corpus.Path(t, "corpus", "bbc")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no BBC files: %v", err)
	}
	docs := make([]doc, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		docs = append(docs, doc{name: rel, text: string(b), fp: Fingerprint(string(b))})
	}
	return docs
}

// TestBBCGroups checks on the BBC corpus that every byte-identical
// duplicate is within NearThreshold, and logs the other pairs it groups
// (run with -v to read them) and the distance distribution.
func TestBBCGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide pair scan")
	}
	docs := loadBBC(t)
	var identical, missed, other, crossSection int
	hist := make([]int, 65)
	var others []string
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			d := Distance(docs[i].fp, docs[j].fp)
			hist[d]++
			same := docs[i].text == docs[j].text
			switch {
			case same && d <= NearThreshold:
				identical++
			case same:
				missed++
				t.Errorf("identical %s and %s at distance %d", docs[i].name, docs[j].name, d)
			case d <= NearThreshold:
				other++
				if filepath.Dir(docs[i].name) != filepath.Dir(docs[j].name) {
					crossSection++ // business vs sport: surely different stories
				}
				others = append(others, docs[i].name+" ~ "+docs[j].name+" d="+itoa(d)+" | "+firstLine(docs[i].text)+" | "+firstLine(docs[j].text))
			}
		}
	}
	sort.Strings(others)
	for _, o := range others {
		t.Log(o)
	}
	t.Logf("identical pairs grouped %d, missed %d; non-identical pairs grouped %d", identical, missed, other)
	var cum int
	for d := 0; d <= 24; d++ {
		cum += hist[d]
		t.Logf("distance %2d: %6d pairs (cumulative %d)", d, hist[d], cum)
	}
	if crossSection > maxCrossSection {
		t.Errorf("%d pairs from different sections grouped, want <= %d", crossSection, maxCrossSection)
	}
	if identical == 0 {
		t.Error("no identical pairs found: corpus changed?")
	}
}

// TestBBCEdits applies the light edits of TestEdits to every 10th BBC
// article and checks that they stay near.
func TestBBCEdits(t *testing.T) {
	docs := loadBBC(t)
	worst := 0
	for i := 0; i < len(docs); i += 10 {
		for _, e := range edits {
			edited := e.fn(docs[i].text)
			d := Distance(docs[i].fp, Fingerprint(edited))
			worst = max(worst, d)
			if d > NearThreshold {
				t.Errorf("%s, %s: distance %d", docs[i].name, e.name, d)
			}
		}
	}
	t.Logf("worst distance over edits: %d", worst)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
