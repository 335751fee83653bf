package store

import (
	"strings"
	"testing"

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
