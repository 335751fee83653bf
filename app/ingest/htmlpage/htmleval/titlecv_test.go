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

// TestCrossValidateHead: pages whose human title is their <h1>, the cut
// title's words with another dash, are right only when the <h1> is taken;
// a page whose <h1> is other words is right only when it is not, so a grid
// of "never", "same words" and "any words" chooses "same words" on every
// fold.
func TestCrossValidateHead(t *testing.T) {
	var r HumanReport
	for i := range 20 {
		title := fmt.Sprintf("Council votes %d - budget", i)
		h1 := fmt.Sprintf("Council votes %d – budget", i)
		r.Pages = append(r.Pages, HumanPage{
			Entry:   HumanEntry{Title: h1},
			Site:    fmt.Sprintf("gazette%d.example", i),
			TitleEv: htmlpage.TitleEvidence{Title: title, H1s: []string{h1}},
		})
	}
	for i := range 4 {
		title := fmt.Sprintf("Mayor resigns %d", i)
		r.Pages = append(r.Pages, HumanPage{Entry: HumanEntry{Title: title}, Site: fmt.Sprintf("herald%d.example", i),
			TitleEv: htmlpage.TitleEvidence{Title: title, H1s: []string{"Latest news"}}})
	}
	same, never, anyWords := htmlpage.HeadOptions{Overlap: 1}, htmlpage.HeadOptions{Overlap: 2}, htmlpage.HeadOptions{Overlap: 0}
	cv, err := CrossValidateHead(r, 4, []htmlpage.HeadOptions{never, anyWords, same})
	if err != nil {
		t.Fatal(err)
	}
	if cv.Titled != 24 || cv.Uncut != 4 || cv.Default != 4 || cv.HeldOut != 24 || cv.All != same || cv.AllOK != 24 {
		t.Errorf("titled %d uncut %d default %d held-out %d all %+v %d; want 24 4 4 24 %+v 24", cv.Titled, cv.Uncut, cv.Default, cv.HeldOut, cv.All, cv.AllOK, same)
	}
	for f, o := range cv.Chosen {
		if o != same {
			t.Errorf("fold %d chose %+v", f, o)
		}
	}
	if g := HeadGrid(); len(g) < 2 || g[0] != htmlpage.DefaultHead() {
		t.Errorf("grid of %d does not start with the default", len(g))
	}
}
