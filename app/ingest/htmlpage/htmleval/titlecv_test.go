package htmleval

import (
	"fmt"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// TestCrossValidateCut: pages whose human title is the headline of
// "Headline | Site" with the site's name among the page's names are right
// only when the cut is made, so a grid holding the default and a cut that
// never fires chooses the default on every fold; one page whose human title
// keeps the site's name is right only uncut.
func TestCrossValidateCut(t *testing.T) {
	var r HumanReport
	for i := range 20 {
		site := fmt.Sprintf("Gazette %c", 'A'+i)
		head := fmt.Sprintf("Council votes on budget number %d", i)
		r.Pages = append(r.Pages, HumanPage{
			Entry:   HumanEntry{Title: head},
			Site:    fmt.Sprintf("gazette%d.example", i),
			TitleEv: htmlpage.TitleEvidence{Title: head + " | " + site, Names: []string{site}},
		})
	}
	r.Pages = append(r.Pages,
		HumanPage{Entry: HumanEntry{Title: "What we do - Creative Commons"}, Site: "creativecommons.org",
			TitleEv: htmlpage.TitleEvidence{Title: "What we do - Creative Commons", Names: []string{"Creative Commons"}}},
		HumanPage{Entry: HumanEntry{}, Site: "untitled.example", TitleEv: htmlpage.TitleEvidence{Title: "A | B"}})
	never := htmlpage.CutOptions{Site: 2, Head: 2}
	cv, err := CrossValidateCut(r, 4, []htmlpage.CutOptions{htmlpage.DefaultCut(), never})
	if err != nil {
		t.Fatal(err)
	}
	if cv.Titled != 21 || cv.Uncut != 1 || cv.Default != 20 || cv.HeldOut != 20 || cv.AllOK != 20 {
		t.Errorf("titled %d uncut %d default %d held-out %d all %d; want 21 1 20 20 20", cv.Titled, cv.Uncut, cv.Default, cv.HeldOut, cv.AllOK)
	}
	for f, o := range cv.Chosen {
		if o != htmlpage.DefaultCut() {
			t.Errorf("fold %d chose %+v", f, o)
		}
	}
	if _, err := CrossValidateCut(r, 1, CutGrid()); err == nil {
		t.Error("one fold accepted")
	}
	if g := CutGrid(); len(g) < 2 || g[0] != htmlpage.DefaultCut() {
		t.Errorf("grid of %d does not start with the default", len(g))
	}
}
