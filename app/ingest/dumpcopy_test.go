package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCopyShape checks the page shape a copied page is read by: ten short
// lines with four of them adjacent (a menu), and what is not one.
func TestCopyShape(t *testing.T) {
	menu := "Home\nNews\nSport\nWeather\nCulture\n"
	prose := "The council approved the plan on Tuesday after a long debate about its cost.\n\n"
	tests := []struct {
		name, text string
		want       bool
	}{
		{"menu, prose, footer", menu + "\n" + prose + prose + "Share\nTweet\nEmail\n\nAbout us\nContact\nJobs\n", true},
		{"a clean article", "Council approves plan\n\nBy Jane Smith\n\n" + strings.Repeat(prose, 6), false},
		{"short lines apart", strings.Repeat("A subheading\n\n"+prose, 12), false},
		{"one short menu", menu + "\n" + strings.Repeat(prose, 5), false},
		{"list items end sentences", strings.Repeat("Buy milk.\nCall Anna.\nPay rent!\n", 5), false},
		{"a numbered ranking", "Rankings\n\n" + strings.Repeat("1. Finland\n2. Norway\n3. Canada\n4. Spain\n", 3), false},
		{"figures", strings.Repeat("Arsenal 2\nChelsea 1\nLeeds 0\nFulham 3\n", 4), false},
	}
	for _, tt := range tests {
		if got := copyShape(tt.text); got != tt.want {
			t.Errorf("%s: copyShape %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCopiedPage imports a page's text as a browser's select-all copy gives
// it (cmd/dumpsilver -copy of a development page: no wrap, no markers):
// the menus go, the note says so; a clean article with a menu-like list
// the model keeps stays whole.
func TestCopiedPage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "dumppages", "heise", "copy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if IsScrapedDump(string(raw)) {
		t.Fatal("the copied page is taken for a text browser's dump: the test no longer tests the copy path")
	}
	a, err := ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Note != CopiedPage {
		t.Errorf("note %q, want %q", a.Note, CopiedPage)
	}
	for _, menu := range []string{"Technology Review", "Stellenmarkt", "Zeitschriften-Abo"} {
		if strings.Contains(a.Body, menu) {
			t.Errorf("the menu item %q is kept", menu)
		}
	}
	// Ingredients, one per line, in a clean recipe: short adjacent lines
	// the model reads as the article's.
	recipe := "Lentil soup\n\nThis soup is the one my grandmother made every winter, and it takes less than an hour.\n\n" +
		"200 g red lentils\nOne onion\nTwo carrots\nA bay leaf\nOlive oil\nSalt and pepper\nOne lemon\nFresh parsley\nCumin\nA litre of stock\n\n" +
		strings.Repeat("Fry the onion and the carrots in the oil until they are soft, then add the lentils and the stock. ", 4) + "\n\n" +
		strings.Repeat("Let it simmer for half an hour, season it and serve it with the lemon and the parsley. ", 4) + "\n"
	b, err := ParseText([]byte(recipe))
	if err != nil {
		t.Fatal(err)
	}
	if b.Note != "" || b.Title != "Lentil soup" || !strings.Contains(b.Body, "Olive oil") {
		t.Errorf("the recipe: note %q, title %q, body %q", b.Note, b.Title, b.Body)
	}
}
