package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestPostTitle(t *testing.T) {
	tests := []struct {
		name, in, title, site string
	}{
		{"English", "The Harbour Post » Feed The Harbour Post » Comments Feed The Harbour Post » Council approves the new bridge Comments Feed alternate alternate",
			"Council approves the new bridge", "The Harbour Post"},
		{"German, the previous post's title after it", "Telebasel » Feed Telebasel » Kommentar-Feed Telebasel » Junge Lenker schrotten zwei Autos Kommentar-Feed Voriger Beitrag alternate",
			"Junge Lenker schrotten zwei Autos", "Telebasel"},
		{"a link type before the site", "publisher The Seattle Times » Feed The Seattle Times » Comments Feed The Seattle Times » Halibut season opens Comments Feed",
			"Halibut season opens", "The Seattle Times"},
		{"the site's feed titled without the separator", "Res Publica Nowa Feed Res Publica Nowa » Kanał z wpisami Res Publica Nowa » Kanał z komentarzami Res Publica Nowa » Finowie odkrywają wino Kanał z komentarzami",
			"Finowie odkrywają wino", "Res Publica Nowa"},
		{"a title with the separator in it", "Site » Feed Site » Comments Feed Site » Q&A: why » matters Comments Feed",
			"Q&A: why » matters", "Site"},
		{"a home page: the site's two feeds only", "The Harbour Post » Feed The Harbour Post » Comments Feed alternate alternate", "", ""},
		{"a category page", "Site » Feed Site » Comments Feed Site » Sport Category Feed", "", ""},
		{"no title before the phrase", "Site » Feed Site » Comments Feed Site » Comments Feed", "", ""},
		{"feeds of different sites", "One » Feed Two » Comments Feed Three » A post Comments Feed", "", ""},
		{"no relations", "alternate alternate", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, site := postTitle(tt.in)
			if title != tt.title || site != tt.site {
				t.Errorf("postTitle(%q) = %q, %q; want %q, %q", tt.in, title, site, tt.title, tt.site)
			}
		})
	}
}

// A lynx dump whose feeds state the post's title: the importer takes it
// and the site's name from them, where the ranker alone (the same dump
// without its relations line) takes the standfirst.
func TestDumpFeedTitle(t *testing.T) {
	rel := "   #The Harbour Post » Feed The Harbour Post » Comments Feed The Harbour\n" +
		"   Post » Council approves the bridge Comments Feed alternate alternate\n\n"
	page := "   Council approves the bridge\n\n   [1]News [2]Sport [3]Weather\n\n   Harbour news\n\n" +
		"A long debate ends in a clear vote\n\n   By Ann Smith\n   12 May 2024\n\n" +
		"   The town council voted on Monday evening to approve the new bridge over\n" +
		"   the harbour, after a debate that lasted for more than four hours and that\n" +
		"   drew a crowd of residents to the hall of the old school on the quay.\n\n" +
		"   The bridge will be built next spring and it is expected to open to the\n" +
		"   public in the autumn of the following year, the mayor said afterwards.\n"
	art, err := ParseText([]byte(rel + page))
	if err != nil {
		t.Fatal(err)
	}
	if art.Title != "Council approves the bridge" || art.Source != "The Harbour Post" {
		t.Errorf("title %q, source %q", art.Title, art.Source)
	}
	if strings.Contains(art.Body, "Council approves") {
		t.Errorf("the headline stayed in the body: %q", art.Body)
	}
	if alone, _ := ParseText([]byte(page)); alone.Title == art.Title {
		t.Errorf("the ranker alone finds the title; the test no longer shows the feeds' part")
	}
}

func TestRelationTitle(t *testing.T) {
	tests := []struct {
		name, rel, want string
	}{
		{"one titled relation", "#alternate alternate As Debt Rises, the Government Will Soon Spend More", "As Debt Rises, the Government Will Soon Spend More"},
		{"a link type after it", "#alternate Minecraft 1.8 - The Bountiful Update alternate", "Minecraft 1.8 - The Bountiful Update"},
		{"a site's name and a link type", "#alternate alternate CNET Search", ""},
		{"a feed", "#alternate The Harbour Post RSS Feed", ""},
		{"nothing untitled before it", "#The Harbour Post", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &DumpAnalysis{Lines: []DumpLine{{Text: tt.rel}, {Text: "Body", Block: 1}}}
			got, end := a.relationTitle()
			if got != tt.want || got != "" && end != 1 {
				t.Errorf("relationTitle(%q) = %q, %d; want %q, 1", tt.rel, got, end, tt.want)
			}
		})
	}
}

func TestShareTitles(t *testing.T) {
	refs := []string{
		"References",
		"   1. https://harbour.example/news/",
		"   2. https://twitter.com/intent/tweet?text=Council%20approves%20the%20bridge%20https%3A%2F%2Fharbour.example%2Fb%20via%20%40harbourpost",
		"   3. https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Fharbour.example%2Fb&title=Council+approves+the+bridge",
		"   4. mailto:?subject=Council%20approves%20the%20bridge&body=https%3A%2F%2Fharbour.example%2Fb",
		"   5. https://twitter.com/intent/tweet?text=Ferry%20keeps%20running%20all%20winter",
		"   6. https://www.facebook.com/sharer.php?u=https%3A%2F%2Fharbour.example%2Fb&t=Share",
		"   7. https://harbour.example/search?q=bridge%20vote%20news",
		"   8. not a reference ?text=Ignored%20because%20no%20address",
	}
	got := shareTitles(refs)
	want := []string{"Council approves the bridge", "Ferry keeps running all winter"}
	if !slices.Equal(got, want) {
		t.Errorf("shareTitles = %q, want %q", got, want)
	}
}

// The title the page's share links carry decides among the candidates
// that show it, over the ranker's choice.
func TestDumpShareTitle(t *testing.T) {
	head := "   Council approves the bridge\n\n   [1]News [2]Sport [3]Weather\n\n   Harbour news\n\n" +
		"A long debate ends in a clear vote\n\n   By Ann Smith\n   12 May 2024\n\n"
	body := "   The town council voted on Monday evening to approve the new bridge over\n" +
		"   the harbour, after a debate that lasted for more than four hours and that\n" +
		"   drew a crowd of residents to the hall of the old school on the quay.\n\n" +
		"   The bridge will be built next spring and it is expected to open to the\n" +
		"   public in the autumn of the following year, the mayor said afterwards.\n\n"
	refs := "References\n\n   1. https://harbour.example/news/\n   2. https://harbour.example/sport/\n   3. https://harbour.example/weather/\n" +
		"   4. https://twitter.com/intent/tweet?text=Council%20approves%20the%20bridge\n" +
		"   5. mailto:?subject=Council%20approves%20the%20bridge\n"
	art, err := ParseText([]byte(head + body + refs))
	if err != nil {
		t.Fatal(err)
	}
	if art.Title != "Council approves the bridge" {
		t.Errorf("title %q", art.Title)
	}
	// Without the share links the ranker takes the standfirst over the
	// byline: the case the stated title decides.
	a := NewDumpAnalysis(head + body + refs)
	a.share = nil
	if art, _ := a.Article(DefaultDumpModel()); art.Title == "Council approves the bridge" {
		t.Errorf("the ranker alone finds the title; the test no longer shows the share links' part")
	}
}

// One post's feed named after a " » " (the site's feeds titled otherwise):
// the candidate whose words begin that title is the title.
func TestDumpRelationItemTitle(t *testing.T) {
	rel := "   #home copyright The Harbour Post RSS Feed The Harbour Post » Council\n" +
		"   approves the bridge Comments Feed Ferry keeps running\n\n"
	page := "   Council approves the bridge\n\n   [1]News [2]Sport [3]Weather\n\n   Harbour news\n\n" +
		"A long debate ends in a clear vote\n\n   By Ann Smith\n   12 May 2024\n\n" +
		"   The town council voted on Monday evening to approve the new bridge over\n" +
		"   the harbour, after a debate that lasted for more than four hours and that\n" +
		"   drew a crowd of residents to the hall of the old school on the quay.\n\n" +
		"   The bridge will be built next spring and it is expected to open to the\n" +
		"   public in the autumn of the following year, the mayor said afterwards.\n"
	art, err := ParseText([]byte(rel + page))
	if err != nil {
		t.Fatal(err)
	}
	if art.Title != "Council approves the bridge" {
		t.Errorf("title %q", art.Title)
	}
	if alone, _ := ParseText([]byte(page)); alone.Title == art.Title {
		t.Errorf("the ranker alone finds the title; the test no longer shows the relations' part")
	}
}
