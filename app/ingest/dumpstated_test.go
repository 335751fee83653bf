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
			rel, end := a.relations()
			if got := relationTitle(rel); got != tt.want || end != 1 {
				t.Errorf("relationTitle(%q) = %q (relations end %d); want %q (1)", rel, got, end, tt.want)
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
	got := shareTitles(refTargets(refs))
	want := []string{"Council approves the bridge", "Ferry keeps running all winter"}
	if !slices.Equal(got, want) {
		t.Errorf("shareTitles = %q, want %q", got, want)
	}
}

// standfirstPage is a page on which the ranker alone takes the standfirst
// (the line over the byline) for the title; the headline is its first line.
const standfirstPage = "   Council approves the bridge\n\n   [1]News [2]Sport [3]Weather\n\n   Harbour news\n\n" +
	"A long debate ends in a clear vote\n\n   By Ann Smith\n   12 May 2024\n\n" +
	"   The town council voted on Monday evening to approve the new bridge over\n" +
	"   the harbour, after a debate that lasted for more than four hours and that\n" +
	"   drew a crowd of residents to the hall of the old school on the quay.\n\n" +
	"   The bridge will be built next spring and it is expected to open to the\n" +
	"   public in the autumn of the following year, the mayor said afterwards.\n\n"

// Titles the page states decide over the ranker: the feeds' post title
// (with the site), the title the share links carry, one post's feed after a
// " » ". The headline leaves the body.
func TestDumpStatedTitle(t *testing.T) {
	const want = "Council approves the bridge"
	if alone, _ := ParseText([]byte(standfirstPage)); alone.Title == want {
		t.Fatalf("the ranker alone finds the title; the page no longer shows the stated titles' part")
	}
	tests := []struct {
		name, before, after, source string
	}{
		{"the feeds' post title",
			"   #The Harbour Post » Feed The Harbour Post » Comments Feed The Harbour\n" +
				"   Post » Council approves the bridge Comments Feed alternate alternate\n\n", "", "The Harbour Post"},
		{"share links", "",
			"References\n\n   1. https://harbour.example/news/\n   2. https://harbour.example/sport/\n   3. https://harbour.example/weather/\n" +
				"   4. https://twitter.com/intent/tweet?text=Council%20approves%20the%20bridge\n" +
				"   5. mailto:?subject=Council%20approves%20the%20bridge\n", ""},
		{"one post's feed, the site's titled otherwise",
			"   #home copyright The Harbour Post RSS Feed The Harbour Post » Council\n" +
				"   approves the bridge Comments Feed Ferry keeps running\n\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := ParseText([]byte(tt.before + standfirstPage + tt.after))
			if err != nil {
				t.Fatal(err)
			}
			if art.Title != want || tt.source != "" && art.Source != tt.source {
				t.Errorf("title %q, source %q; want %q, %q", art.Title, art.Source, want, tt.source)
			}
			if strings.Contains(art.Body, want) {
				t.Errorf("the headline stayed in the body: %q", art.Body)
			}
		})
	}
}
