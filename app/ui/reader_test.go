package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// TestReaderHeader imports a page with a byline, date, source and link and
// checks that the reader's header shows each of them.
func TestReaderHeader(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	if _, err := a.Importer.Import(ctx, []string{filepath.Join("testdata", "header-article.html")}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	// Not tagged: the golden image shows the header, not the tagger's output.
	list, err := a.Search.Articles(ctx, store.SortID, 1, 0)
	if err != nil || len(list) != 1 {
		t.Fatalf("articles after the import: %+v, %v", list, err)
	}
	art, err := a.Search.Article(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	w.openArticle(art.ID)
	r := w.articles.reader
	header := r.header.String()
	for _, want := range []struct{ field, text string }{
		{"title", art.Title}, {"byline", art.Byline}, {"date", displayDate(art.Published, art.PublishedText)},
		{"source", art.Source},
	} {
		if want.text == "" {
			t.Errorf("the import left the %s empty: %+v", want.field, art)
			continue
		}
		if !strings.Contains(header, want.text) {
			t.Errorf("header %q lacks the %s %q", header, want.field, want.text)
		}
	}
	if !r.link.Visible() || r.link.Text != art.URL || art.URL == "" {
		t.Errorf("link %q (shown %v), want %q", r.link.Text, r.link.Visible(), art.URL)
	}
	golden(t, w, "reader-header.png")
}

// TestBodyRuns checks how mentions become links in paragraphs.
func TestBodyRuns(t *testing.T) {
	body := "Ann Lee met Bob.\n\nThen Acme Corp hired Ann.\nNew line."
	m := func(start, end int, name, typ string) store.Mention {
		return store.Mention{Start: start, End: end, Name: name, Type: typ, EntityID: int64(start + 1)}
	}
	tests := []struct {
		name     string
		mentions []store.Mention
		want     []string // each paragraph, links in [brackets]
	}{
		{"none", nil, []string{"Ann Lee met Bob.", "Then Acme Corp hired Ann.\nNew line."}},
		{"two paragraphs", []store.Mention{m(0, 7, "Ann Lee", store.TypePerson), m(23, 32, "Acme", store.TypeOrg)},
			[]string{"[Ann Lee] met Bob.", "Then [Acme Corp] hired Ann.\nNew line."}},
		{"unsorted and overlapping", []store.Mention{m(12, 15, "Bob", store.TypePerson), m(0, 7, "Ann Lee", store.TypePerson), m(4, 7, "Lee", store.TypePerson)},
			[]string{"[Ann Lee] met [Bob].", "Then Acme Corp hired Ann.\nNew line."}},
		{"spanning paragraphs or out of range", []store.Mention{m(12, 25, "x", store.TypeOrg), m(40, 99, "y", store.TypeOrg), m(5, 5, "empty", store.TypeOrg)},
			[]string{"Ann Lee met Bob.", "Then Acme Corp hired Ann.\nNew line."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tapped []string
			paras, links := bodyRuns(body, tt.mentions, func(m store.Mention) { tapped = append(tapped, m.Name) })
			var got []string
			for _, p := range paras {
				var b strings.Builder
				for _, r := range p {
					if r.Link >= 0 {
						b.WriteString("[" + r.Text + "]")
						links[r.Link].OnTap()
					} else {
						b.WriteString(r.Text)
					}
				}
				got = append(got, b.String())
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs %q, want %q", got, tt.want)
			}
			if len(tapped) != len(links) {
				t.Errorf("tapping %d links opened %v", len(links), tapped)
			}
		})
	}
}

// TestDisplayDate checks how dates are shown in the reader's header.
func TestDisplayDate(t *testing.T) {
	tests := []struct{ iso, written, want string }{
		{"2025-05-23T05:30:00", "May 23, 2025, 5:30 a.m.", "May 23, 2025, 5:30 a.m."},
		{"2024-03-14T09:15:00Z", "2024-03-14T09:15:00Z", "14 March 2024, 09:15"},
		{"2024-03-14", "", "14 March 2024"},
		{"2024-03-14T00:00:00", "2024-03-14", "14 March 2024"},
		{"", "last Tuesday", "last Tuesday"},
		{"2024-03", "", "2024-03"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := displayDate(tt.iso, tt.written); got != tt.want {
			t.Errorf("displayDate(%q, %q) = %q, want %q", tt.iso, tt.written, got, tt.want)
		}
	}
}
