package dumpeval

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

func TestFoldPlans(t *testing.T) {
	var pages []Page
	for i, g := range []string{"a", "b", "a", "c", "d", "e", "e", "f"} {
		pages = append(pages, Page{Name: fmt.Sprint(i), Gold: g})
	}
	// Pages 0-4 are the development set (0 and 2 are two saves of one
	// article), 5-7 extra (5 and 6 likewise).
	dev := DevFolds(pages, 5, 2)
	if want := []int{0, 1, 0, 0, 1, -1, -1, -1}; !reflect.DeepEqual(dev, want) {
		t.Errorf("DevFolds = %v, want %v", dev, want)
	}
	if !reflect.DeepEqual(dev[:5], pageFolds(pages[:5], 2)) {
		t.Error("development folds differ from CrossValidate's")
	}
	if got, want := ExtraFolds(pages, 5, 2), []int{-1, -1, -1, -1, -1, 0, 0, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("ExtraFolds = %v, want %v", got, want)
	}
}

func TestPickFrom(t *testing.T) {
	seen := map[string]int{}
	for i := range 200 {
		name := fmt.Sprintf("page-%d", i)
		one := PickFrom(name, 1, Renderers)
		if len(one) != 1 || !reflect.DeepEqual(one, PickFrom(name, 1, Renderers)) {
			t.Fatalf("PickFrom(%q, 1) = %v, not one fixed renderer", name, one)
		}
		seen[one[0]]++
		if two := PickFrom(name, 2, Renderers); len(two) != 2 || two[0] != one[0] || two[1] == two[0] {
			t.Errorf("PickFrom(%q, 2) = %v", name, two)
		}
	}
	for _, r := range Renderers {
		if seen[r] < 20 {
			t.Errorf("%s picked for %d of 200 pages", r, seen[r])
		}
	}
	if n := len(PickFrom("x", 9, Renderers)); n != len(Renderers) {
		t.Errorf("9 renderers asked: %d", n)
	}
}

// TestCrossValidateFolds trains on a few corpus pages with others as extra
// pages: the development estimate scores the development pages only (all
// five dumps), the extra estimate the extra pages' chosen dumps only.
func TestCrossValidateFolds(t *testing.T) {
	if testing.Short() {
		t.Skip("trains four small models")
	}
	all, err := Load(corpus.Path(t, "corpus", "text-dumps"))
	if err != nil {
		t.Fatal(err)
	}
	var dev, extra []Page
	for i := 0; i < len(all) && len(dev)+len(extra) < 10; i += 9 {
		if len(dev) < 6 {
			dev = append(dev, all[i])
		} else {
			extra = append(extra, all[i])
		}
	}
	pages, samples := Join(dev, extra, 1)
	if len(samples) != 5*len(dev)+len(extra) {
		t.Fatalf("%d samples for %d + %d pages", len(samples), len(dev), len(extra))
	}
	rows, _, err := CrossValidateFolds(pages, samples, DevFolds(pages, len(dev), 2), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Renderers {
		if rows[r] == nil || rows[r].Pages != len(dev) {
			t.Errorf("%s: %+v, want %d development pages", r, rows[r], len(dev))
		}
	}
	_, scores, err := CrossValidateFolds(pages, samples, ExtraFolds(pages, len(dev), 2), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != len(extra) {
		t.Fatalf("%d dumps scored, want the %d extra pages'", len(scores), len(extra))
	}
	for i, s := range scores {
		if s.Page != extra[i].Name || s.Renderer != PickFrom(s.Page, 1, Renderers)[0] {
			t.Errorf("scored %s/%s", s.Page, s.Renderer)
		}
	}
}
