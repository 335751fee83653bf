package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// TestParseSanitizes is findings 9 and 10 through the feed parser: escape
// sequences, bidi overrides and invisible runs leave titles and texts, and
// links other than http(s) without credentials are dropped with a reason.
func TestParseSanitizes(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "hostile.rss"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(raw, "https://news.example.org/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Hostile feed" || f.Link != "" || !strings.Contains(f.Dropped, "javascript") {
		t.Errorf("feed: title %q link %q dropped %q", f.Title, f.Link, f.Dropped)
	}
	if len(f.Items) != 3 {
		t.Fatalf("%d items", len(f.Items))
	}
	tests := []struct {
		title, link string
		dropped     error
	}{
		{"Local file txt.exe", "", ingest.ErrURLScheme},
		{"Credentials", "", ingest.ErrURLCredentials},
		{"Fine story", "https://news.example.org/story?id=3", nil},
	}
	for i, tt := range tests {
		it := f.Items[i]
		if it.Title != tt.title || it.Link != tt.link {
			t.Errorf("item %d: title %q link %q", i, it.Title, it.Link)
		}
		if (it.Dropped != "") != (tt.dropped != nil) {
			t.Errorf("item %d: dropped %q", i, it.Dropped)
		}
		if tt.dropped != nil {
			_, err := ingest.CleanURL(map[int]string{0: "file:///etc/passwd", 1: "http://bbc.co.uk@evil.example/story"}[i])
			if !errors.Is(err, tt.dropped) || !strings.Contains(it.Dropped, err.Error()) {
				t.Errorf("item %d: reason %q, want %v", i, it.Dropped, tt.dropped)
			}
		}
		for _, v := range []string{it.Title, it.Author, it.Summary, it.Content} {
			if strings.ContainsAny(v, "\x1b\x07\u202e\u200b\u009b") {
				t.Errorf("item %d keeps controls: %q", i, v)
			}
		}
	}
	if s := f.Items[0].Summary; s != "Teaser with a hidden link." {
		t.Errorf("summary %q", s)
	}
}
