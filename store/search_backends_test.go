package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// The tests in this file pin down how search reads words that punctuation,
// accents, digits and markup make awkward. The expected hits are what the
// SQLite index (FTS5, unicode61) finds; the PostgreSQL pass of the same
// tests checks that the tsvector index finds the same articles.

// awkwardArticles is a small archive of such words, one article a day, so
// that newest-first order is fixed.
var awkwardArticles = []struct{ title, body string }{
	{"Trade", "The U.S. trade deficit grew in 2004, officials said."},
	{"Hyphens", "The well-known singer met a co-operative of farmers."},
	{"Numbers", "Growth reached 3.5% as profits hit £15.8m and 1,000 jobs were added."},
	{"Addresses", "Read more at news.bbc.co.uk or write to editor@example.com today."},
	{"Apostrophes", "Don't stop: the Prime Minister's rock'n'roll years."},
	{"Accents", "Café owners in Zürich met São Paulo's naïve mayor."},
	{"Scores", "The vote on 2004-05-06 ended 17-28 for the B-52 crew."},
	{"Paths", "Files in /usr/local/bin and version 2.6.11 of the kernel, see http://kernel.org/pub/linux.html now."},
	{"Scripts", "Talks in Ελλάδα, Москва and 北京 went on."},
	{"Markup", "Text with <b>bold</b> markup and C++ code."},
	{"Decomposed", "The bank of Zu\u0308rich opened."},
}

// awkwardArchive creates awkwardArticles and returns their ids by title.
func awkwardArchive(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s := openTest(t)
	arts := make([]Article, len(awkwardArticles))
	for i, a := range awkwardArticles {
		arts[i] = dated(a.title, a.body, "2010-01-"+string(rune('1'+i/9))+string(rune('1'+i%9)), "Wire")
	}
	ids := mustCreate(t, s, arts...)
	byTitle := map[string]int64{}
	for i, a := range awkwardArticles {
		byTitle[a.title] = ids[i]
	}
	return s, byTitle
}

// titlesOf returns the titles of the hits.
func titlesOf(res SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Title)
	}
	return out
}

// newestFirstTitles orders titles of awkwardArticles newest first (the
// later in the list, the newer).
func newestFirstTitles(titles []string) []string {
	pos := map[string]int{}
	for i, a := range awkwardArticles {
		pos[a.title] = i
	}
	out := slices.Clone(titles)
	slices.SortFunc(out, func(a, b string) int { return pos[b] - pos[a] })
	return out
}

func TestSearchAwkwardWords(t *testing.T) {
	s, _ := awkwardArchive(t)
	ctx := context.Background()
	all := make([]string, 0, len(awkwardArticles))
	for _, a := range awkwardArticles {
		all = append(all, a.title)
	}
	except := func(drop ...string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(s string) bool { return slices.Contains(drop, s) })
	}
	tests := []struct {
		query string
		want  []string // titles, any order
		note  string
	}{
		{"U.S.", []string{"Trade"}, ""},
		{`"U.S. trade"`, []string{"Trade"}, ""},
		{"us", nil, ""},
		{"2004", []string{"Trade", "Scores"}, ""},
		{"well-known", []string{"Hyphens"}, ""},
		{`"the well"`, []string{"Hyphens"}, ""},
		{`"well known singer"`, []string{"Hyphens"}, ""},
		{"known", []string{"Hyphens"}, ""},
		{"operative", []string{"Hyphens"}, ""},
		{"co-op*", []string{"Hyphens"}, ""},
		{"3.5", []string{"Numbers"}, ""},
		{"5", []string{"Numbers"}, ""},
		{"15.8m", []string{"Numbers"}, ""},
		{"8m", []string{"Numbers"}, ""},
		{`"1,000 jobs"`, []string{"Numbers"}, ""},
		{"000", []string{"Numbers"}, ""},
		{"bbc", []string{"Addresses"}, ""},
		{"news.bbc.co.uk", []string{"Addresses"}, ""},
		{"example", []string{"Addresses"}, ""},
		{"editor@example.com", []string{"Addresses"}, ""},
		{"don't", []string{"Apostrophes"}, ""},
		{"minister's", []string{"Apostrophes"}, ""},
		{"rock'n'roll", []string{"Apostrophes"}, ""},
		{"roll", []string{"Apostrophes"}, ""},
		{"cafe", []string{"Accents"}, ""},
		{"CAFÉ", []string{"Accents"}, ""},
		{"zurich", []string{"Accents", "Decomposed"}, ""},
		{"Zürich", []string{"Accents", "Decomposed"}, ""},
		{"zür*", []string{"Accents", "Decomposed"}, ""},
		{`"sao paulo"`, []string{"Accents"}, ""},
		{"naive", []string{"Accents"}, ""},
		{"05", []string{"Scores"}, ""},
		{"28", []string{"Scores"}, ""},
		{"52", []string{"Scores"}, ""},
		{"b-52", []string{"Scores"}, ""},
		{"usr", []string{"Paths"}, ""},
		{"bin", []string{"Paths"}, ""},
		{"2.6.11", []string{"Paths"}, ""},
		{"11", []string{"Paths"}, ""},
		{"kernel.org", []string{"Paths"}, ""},
		{"linux", []string{"Paths"}, ""},
		{"html", []string{"Paths"}, ""},
		{"http", []string{"Paths"}, ""},
		{"Ελλάδα", []string{"Scripts"}, ""},
		{"МОСКВА", []string{"Scripts"}, ""},
		{"北京", []string{"Scripts"}, ""},
		{"bold", []string{"Markup"}, ""},
		{"b", []string{"Scores", "Markup"}, ""},
		{"c", []string{"Markup"}, ""},
		{"c*", []string{"Markup"}, "one-letter"},
		{"-the", []string{"Numbers", "Addresses", "Accents", "Scripts", "Markup"}, "only exclusions"},
		{"-the -and", []string{"Addresses", "Accents"}, "only exclusions"},
		{"2004 -trade", []string{"Scores"}, ""},
		{"the -well-known", except("Hyphens", "Numbers", "Addresses", "Accents", "Scripts", "Markup"), ""},
		{"bank OR bbc OR bold", []string{"Decomposed", "Addresses", "Markup"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			want := newestFirstTitles(tt.want)
			q := query.Parse(tt.query)
			res := search(t, s, Search{Query: q, Sort: ByDate})
			if got := titlesOf(res); !slices.Equal(got, want) || res.Total != len(want) {
				t.Errorf("by date: %q (total %d), want %q", got, res.Total, want)
			}
			if !strings.Contains(res.Note, tt.note) {
				t.Errorf("note %q, want %q", res.Note, tt.note)
			}
			rel := titlesOf(search(t, s, Search{Query: q}))
			if slices.Sort(rel); !slices.Equal(rel, slices.Sorted(slices.Values(want))) {
				t.Errorf("by relevance: %q, want %q", rel, want)
			}
			if tt.note == "one-letter" {
				return // exports read a one-letter prefix as a prefix
			}
			n, err := s.CountArticles(ctx, ExportScope{Query: q})
			if err != nil || n != len(want) {
				t.Errorf("export scope: %d articles (%v), want %d", n, err, len(want))
			}
		})
	}
}

// TestSearchAwkwardSnippets checks that the snippets mark the words found.
func TestSearchAwkwardSnippets(t *testing.T) {
	s, _ := awkwardArchive(t)
	tests := []struct{ query, marked string }{
		{"U.S.", MarkStart + "U" + MarkEnd + "." + MarkStart + "S" + MarkEnd},
		{`"sao paulo"`, MarkStart + "São" + MarkEnd + " " + MarkStart + "Paulo" + MarkEnd},
		{"well-known", MarkStart + "well" + MarkEnd + "-" + MarkStart + "known" + MarkEnd},
		{"3.5", MarkStart + "3" + MarkEnd + "." + MarkStart + "5" + MarkEnd},
	}
	for _, tt := range tests {
		res := search(t, s, Search{Query: query.Parse(tt.query), Limit: 1})
		if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, tt.marked) {
			t.Errorf("%q: hits %+v, want a snippet with %q", tt.query, res.Hits, tt.marked)
		}
	}
}
