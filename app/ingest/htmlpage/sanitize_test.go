package htmlpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseSanitizes is findings 9 and 10 through the page parser: a
// <title> or meta tag carrying terminal escapes, bidi overrides or
// invisible runs gives clean fields, and a javascript: canonical link is
// not taken as the article's URL.
func TestParseSanitizes(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "hostile.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse(raw, "https://news.example.org/storm", "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://news.example.org/storm" {
		t.Errorf("URL %q", a.URL)
	}
	for name, v := range map[string]string{"title": a.Title, "byline": a.Byline, "source": a.Source, "body": a.Body} {
		if strings.ContainsAny(v, "\x1b\x07\u202e\u200b\u009b\ufeff") || strings.Contains(v, "[1m") || strings.Contains(v, "]0;") {
			t.Errorf("%s keeps escapes: %q", name, v)
		}
	}
	if !strings.Contains(a.Body, "closing the main road.") || !strings.Contains(a.Body, "<img src=x onerror=alert(1)>") {
		t.Errorf("body text lost: %q", a.Body)
	}
}
