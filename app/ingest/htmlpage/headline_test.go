package htmlpage

import (
	"strings"
	"testing"
)

func TestChooseTitle(t *testing.T) {
	any1 := HeadOptions{Overlap: 0}
	tests := []struct {
		name string
		ev   TitleEvidence
		cut  string
		opt  HeadOptions
		want string
	}{
		{"same words, the h1's dash",
			TitleEvidence{H1s: []string{"Termine Whisky Tastings Januar – Mai 2020"}},
			"Termine Whisky Tastings Januar - Mai 2020", DefaultHead(), "Termine Whisky Tastings Januar – Mai 2020"},
		{"same words, the h1's quotes and spaces",
			TitleEvidence{H1s: []string{"  Les privatisations  d’intérêts privés "}},
			"Les privatisations d'intérêts privés", DefaultHead(), "Les privatisations d’intérêts privés"},
		{"other words: the default keeps the title",
			TitleEvidence{H1s: []string{"Ultium Cells erhöht Gigafactory-Kapazität in Tennessee"}},
			"Ultium Cells erhöht Gigafactory-Kapazität", DefaultHead(), "Ultium Cells erhöht Gigafactory-Kapazität"},
		{"other words taken at a lower overlap",
			TitleEvidence{H1s: []string{"Ultium Cells erhöht Gigafactory-Kapazität in Tennessee"}},
			"Ultium Cells erhöht Gigafactory-Kapazität", HeadOptions{Overlap: 0.8}, "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee"},
		{"below the overlap",
			TitleEvidence{H1s: []string{"Willkommen!"}},
			"Anwalt Niemeyer", HeadOptions{Overlap: 0.5}, "Anwalt Niemeyer"},
		{"the site's h1 is not a headline",
			TitleEvidence{H1s: []string{"Papaganda", "Minions malen – mit Malerrolle"}, Names: []string{"Papaganda"}},
			"Minions malen - mit Malerrolle", DefaultHead(), "Minions malen – mit Malerrolle"},
		{"the host's h1 is not a headline",
			TitleEvidence{H1s: []string{"Battery-News.de"}, Host: "battery-news.de"},
			"Ultium Cells", any1, "Ultium Cells"},
		{"the nearest of two h1s",
			TitleEvidence{H1s: []string{"Marktplatz für ein gutes Leben", "Alles hat seine Zeit…"}},
			"Alles hat seine Zeit...", DefaultHead(), "Alles hat seine Zeit…"},
		{"two h1s left: Single keeps the title",
			TitleEvidence{H1s: []string{"Marktplatz für ein gutes Leben", "Alles hat seine Zeit…"}},
			"Alles hat seine Zeit...", HeadOptions{Overlap: 1, Single: true}, "Alles hat seine Zeit..."},
		{"never",
			TitleEvidence{H1s: []string{"Alles hat seine Zeit…"}},
			"Alles hat seine Zeit...", HeadOptions{Overlap: 2}, "Alles hat seine Zeit..."},
		{"no letters, too long",
			TitleEvidence{H1s: []string{"2020 – 2021", strings.Repeat("a ", maxHeadRunes)}},
			"2020 - 2021", any1, "2020 - 2021"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChooseTitle(tt.ev, tt.cut, tt.opt); got != tt.want {
				t.Errorf("ChooseTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParseTitleFromH1: Parse gives the <h1>'s characters when its words
// are the cut title's.
func TestParseTitleFromH1(t *testing.T) {
	page := `<html><head><title>Termine Januar - Mai 2020 | Whiskyverkostung</title>
<meta property="og:site_name" content="Whiskyverkostung"></head><body><article>
<h1>Termine Januar – Mai 2020</h1>` + strings.Repeat("<p>Die Verkostung beginnt um acht Uhr am Abend im Saal des Hauses, bitte vorher anmelden.</p>\n", 8) +
		`</article></body></html>`
	a, err := Parse([]byte(page), "https://whiskyverkostung.example/termine", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Termine Januar – Mai 2020" || a.Source != "Whiskyverkostung" {
		t.Errorf("title %q source %q", a.Title, a.Source)
	}
}

func FuzzChooseTitle(f *testing.F) {
	f.Add("Headline - Site", "Headline – Site", "Site", 1.0, false)
	f.Add("A", "", "", 0.0, true)
	f.Fuzz(func(t *testing.T, cut, h1, name string, overlap float64, single bool) {
		ev := TitleEvidence{Title: cut, Names: []string{name}, H1s: []string{h1, name}}
		got := ChooseTitle(ev, cut, HeadOptions{Overlap: overlap, Single: single})
		if got != cut && got != collapseSpaces(h1) && got != collapseSpaces(name) {
			t.Fatalf("ChooseTitle(%q, h1 %q) = %q: neither", cut, h1, got)
		}
		if got != cut && overlap > 1 {
			t.Fatalf("overlap %g took %q", overlap, got)
		}
	})
}
