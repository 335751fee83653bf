package htmlpage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutTitle(t *testing.T) {
	tests := []struct {
		name       string
		ev         TitleEvidence
		head, site string
	}{
		{"site after, og:site_name",
			TitleEvidence{Title: "Klimavorreiter Oberland? - Tegernseerstimme", Names: []string{"Tegernseerstimme"}},
			"Klimavorreiter Oberland?", "Tegernseerstimme"},
		{"site before, host name",
			TitleEvidence{Title: "Street One Blog | Heaven Blue", Host: "blog.street-one.de"},
			"Heaven Blue", "Street One Blog"},
		{"host with its suffix",
			TitleEvidence{Title: "Lockdown: Gottesdienste bleiben möglich › evang.at", Host: "evang.at"},
			"Lockdown: Gottesdienste bleiben möglich", "evang.at"},
		{"host abbreviates the name",
			TitleEvidence{Title: "A Tale of Two Cities — The New York Times", Host: "www.nytimes.com"},
			"A Tale of Two Cities", "The New York Times"},
		{"accents and case",
			TitleEvidence{Title: "Kleine Schafskunde | Mäscot das Schaf", Host: "maescot.de", Names: []string{"MÄSCOT das Schaf"}},
			"Kleine Schafskunde", "Mäscot das Schaf"},
		{"the other part is the heading",
			TitleEvidence{Title: "Villa Galaxy · Ferienvilla in Florida", H1s: []string{"Villa Galaxy"}},
			"Villa Galaxy", "Ferienvilla in Florida"},
		{"copyright holder",
			TitleEvidence{Title: "Plejaden, M45 - Abenteuer Astronomie", Marks: []string{"Abenteuer Astronomie"}},
			"Plejaden, M45", "Abenteuer Astronomie"},
		{"headline with a dash of its own",
			TitleEvidence{Title: "Fogo Unia Leszno - RM Solar Falubaz - 57 : 33 - WP SportoweFakty", Host: "sportowefakty.wp.pl"},
			"Fogo Unia Leszno - RM Solar Falubaz - 57 : 33", "WP SportoweFakty"},
		{"section and site cut together, heading decides",
			TitleEvidence{Title: "Anglertalk mit Stephan Höferer - Fischerhütte | hejfish.com", Names: []string{"Fischerhütte | hejfish.com"}, H1s: []string{"Anglertalk mit Stephan Höferer"}},
			"Anglertalk mit Stephan Höferer", "Fischerhütte | hejfish.com"},
		{"Chinese, site after",
			TitleEvidence{Title: "武汉的声音：有英勇的你，才有英雄的城！ - 新华网", Marks: []string{"新华网"}},
			"武汉的声音：有英勇的你，才有英雄的城！", "新华网"},
		{"Japanese, site after",
			TitleEvidence{Title: "公衆無線LANを安全に使うためのアプリ - Yahoo!ニュース", Names: []string{"Yahoo!ニュース"}},
			"公衆無線LANを安全に使うためのアプリ", "Yahoo!ニュース"},
		{"no evidence: kept whole",
			TitleEvidence{Title: "Feuerwehr Oldenburg - Ausbildung", Host: "example.org"},
			"Feuerwehr Oldenburg - Ausbildung", ""},
		{"a dash in the headline, the site elsewhere",
			TitleEvidence{Title: "Merkel - die Bilanz", Names: []string{"Tagesspiegel"}, Host: "tagesspiegel.de"},
			"Merkel - die Bilanz", ""},
		{"all site",
			TitleEvidence{Title: "Global Voices - auf Deutsch", Names: []string{"Global Voices auf Deutsch"}},
			"Global Voices - auf Deutsch", ""},
		{"the heading is the whole title",
			TitleEvidence{Title: "UN-Klimakonferenz in Glasgow - DRK: Immer mehr Menschen auf Hilfe angewiesen", Host: "drk.de",
				H1s: []string{"UN-Klimakonferenz in Glasgow - DRK: Immer mehr Menschen auf Hilfe angewiesen"}},
			"UN-Klimakonferenz in Glasgow - DRK: Immer mehr Menschen auf Hilfe angewiesen", ""},
		{"a heading that is the site's name does not keep it",
			TitleEvidence{Title: "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::", Names: []string{"史蒂文的家_藍天"},
				Host: "stevenhgm.pixnet.net", H1s: []string{"痞客邦 PIXNET", "史蒂文的家_藍天"}},
			"新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::", ""},
		{"a slash inside the headline",
			TitleEvidence{Title: "Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’", Names: []string{"Tone Deaf"},
				H1s: []string{"LUBOKU – LIFT OFF TOUR"}, Heads: []string{"Record of The Week: Luboku, &#8216;Pale Blue Dot / Lift Off&#8217;"}},
			"Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’", ""},
		{"no separator", TitleEvidence{Title: "Tegernseerstimme", Names: []string{"Tegernseerstimme"}}, "Tegernseerstimme", ""},
		{"empty", TitleEvidence{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head, site := CutTitle(tt.ev, DefaultCut())
			if head != tt.head || site != tt.site {
				t.Errorf("CutTitle(%q) = %q, %q; want %q, %q", tt.ev.Title, head, site, tt.head, tt.site)
			}
		})
	}
}

func TestCutOptionsDisable(t *testing.T) {
	ev := TitleEvidence{Title: "Plejaden, M45 - Abenteuer Astronomie", Marks: []string{"Abenteuer Astronomie"}, H1s: []string{"Plejaden, M45"}}
	tests := []struct {
		name string
		opt  CutOptions
		want string
	}{
		{"both", CutOptions{Site: 0.75, Head: 0.8, Marks: true}, "Plejaden, M45"},
		{"heading alone", CutOptions{Site: 2, Head: 0.8}, "Plejaden, M45"},
		{"marks alone", CutOptions{Site: 0.75, Head: 2, Marks: true}, "Plejaden, M45"},
		{"neither", CutOptions{Site: 0.75, Head: 2}, ev.Title},
	}
	for _, tt := range tests {
		if head, _ := CutTitle(ev, tt.opt); head != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, head, tt.want)
		}
	}
}

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		label, name string
		want        bool
	}{
		{"nytimes", "The New York Times", true},
		{"faz", "Frankfurter Allgemeine Zeitung", true},
		{"aoc", "Analyse Opinion Critique", true},
		{"bbc", "British Broadcasting Corporation", true},
		{"drk", "DRK: Immer mehr Menschen wegen Klimawandel", false},
		{"daheimsolar", "Batteriespeicher daheim Solar", false},
		{"taz", "Tagesschau", false},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.label, normWords(tt.name)); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.label, tt.name, got, tt.want)
		}
	}
}

// TestParseCutsTitle: Parse stores the headline and, without og:site_name,
// the cut part as Source.
func TestParseCutsTitle(t *testing.T) {
	page := `<html><head><title>Council votes to close the pool | Springfield Shopper</title></head><body>
<header><a href="/"><img src="/l.png" alt="Springfield Shopper"></a></header>
<article><h1>Council votes to close the pool</h1>` + strings.Repeat("<p>The council voted on Tuesday to close the public pool for a year while the roof is repaired, a decision residents criticised.</p>", 6) +
		`</article><footer>© 2024 Springfield Shopper</footer></body></html>`
	a, err := Parse([]byte(page), "https://www.shopper.example/pool", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Council votes to close the pool" || a.Source != "Springfield Shopper" {
		t.Errorf("title %q source %q", a.Title, a.Source)
	}
}

func FuzzCutTitle(f *testing.F) {
	f.Add("Headline - Site", "Site", "site.example", "Headline")
	f.Add("Site | A - B | C", "Site | A", "www.a.b.c", "")
	f.Add("新竹 :: 痞客邦 PIXNET ::", "痞客邦", "pixnet.net", "新竹")
	f.Add(" - | - ", "", "", "")
	f.Fuzz(func(t *testing.T, title, name, host, h1 string) {
		ev := TitleEvidence{Title: title, Names: []string{name}, Marks: []string{name}, Host: host, H1s: []string{h1}, Heads: []string{h1}}
		head, site := CutTitle(ev, DefaultCut())
		whole := collapseSpaces(title)
		if site == "" {
			if head != whole {
				t.Fatalf("nothing cut but %q is not the title %q", head, whole)
			}
			return
		}
		if !utf8.ValidString(title) {
			return
		}
		if !strings.Contains(whole, head) || !strings.Contains(whole, site) || head == "" {
			t.Fatalf("cut %q into %q and %q", whole, head, site)
		}
	})
}
