package store

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/store/query"
)

func TestMakeSnippet(t *testing.T) {
	long := strings.Repeat("filler words here ", 20)
	tests := []struct {
		name, title, body, query, want string
	}{
		{"word", "T", "The storm closed the port.", "storm", "The [storm] closed the port."},
		{"accent and case", "T", "A café in Zürich opened.", "CAFE zurich", "A [café] in [Zürich] opened."},
		{"prefix", "T", "The economy and economists.", "econ*", "The [economy] and [economists]."},
		{"phrase words", "T", "He bought a mobile phone today.", `"mobile phone"`, "He bought a [mobile] [phone] today."},
		{"cut around the match", "T", long + "the storm came " + long, "storm", "…words here the [storm] came filler words here filler words here filler words here filler words here filler words here filler words here filler…"},
		{"title only", "Storm warning", "Nothing to see.", "storm", "[Storm] warning"},
		{"no match", "T", "Nothing here.", "zebra", "Nothing here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := makeSnippet(tt.title, tt.body, query.Parse(tt.query).Highlights())
			got = strings.NewReplacer(MarkStart, "[", MarkEnd, "]").Replace(got)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzMakeSnippet checks that a snippet never panics and only marks words.
func FuzzMakeSnippet(f *testing.F) {
	f.Add("Café storm", "A storm in the café, économie", "stor* café")
	f.Fuzz(func(t *testing.T, title, body, q string) {
		if strings.ContainsAny(title+body, MarkStart+MarkEnd) {
			return
		}
		s := makeSnippet(title, body, query.Parse(q).Highlights())
		if strings.Count(s, MarkStart) != strings.Count(s, MarkEnd) {
			t.Errorf("unbalanced marks in %q", s)
		}
	})
}

// TestSnippetScansBoundedWindow: a snippet reads only the start of a huge
// body (issue #15, finding 12): a match 1 MB in is not looked for, the
// snippet comes from the start, and a multi-byte rune at the cut is kept
// whole.
func TestSnippetScansBoundedWindow(t *testing.T) {
	filler := strings.Repeat("plain filler words here ", 1<<20/24)
	tests := []struct {
		name, body, query, want string
	}{
		{"match inside the window", "The storm came. " + filler, "storm", MarkStart + "storm" + MarkEnd},
		{"match beyond the window", filler + " the storm came", "storm", "plain filler words here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := makeSnippet("T", tt.body, query.Parse(tt.query).Highlights())
			if !strings.Contains(got, tt.want) {
				t.Errorf("snippet %q lacks %q", got, tt.want)
			}
			if strings.Contains(tt.name, "beyond") && strings.Contains(got, MarkStart) {
				t.Errorf("snippet %q marks a match beyond the window", got)
			}
		})
	}
	body := strings.Repeat("a", maxSnippetScan-1) + "é and more"
	if w := snippetWindow(body); len(w) != maxSnippetScan-1 || !utf8.ValidString(w) {
		t.Errorf("window cut inside a rune: %d bytes", len(w))
	}
}

// BenchmarkSnippetHugeBody: a snippet of a 19 MB body with no match costs
// what a 64 KB one does (before the window: about a second each).
func BenchmarkSnippetHugeBody(b *testing.B) {
	body := strings.Repeat("filler words without the term ", 19<<20/30)
	terms := query.Parse("storm").Highlights()
	b.SetBytes(int64(maxSnippetScan))
	for b.Loop() {
		makeSnippet("Title", body, terms)
	}
}
