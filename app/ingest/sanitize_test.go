package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanURL(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"", "", nil},
		{"  https://example.org/a?b=1#c ", "https://example.org/a?b=1#c", nil},
		{"http://example.org", "http://example.org", nil},
		{"HTTPS://Example.org/x", "https://Example.org/x", nil},
		{"file:///etc/passwd", "", ErrURLScheme},
		{"javascript:alert(1)", "", ErrURLScheme},
		{"data:text/html,<script>x</script>", "", ErrURLScheme},
		{"gopher://example.org/", "", ErrURLScheme},
		{"/relative/path", "", ErrURLScheme},
		{"http://user:pw@example.org/", "", ErrURLCredentials},
		{"http://bbc.co.uk@evil.example/", "", ErrURLCredentials},
		{"http:///nohost", "", ErrURLInvalid},
		{"http://exa mple.org/\x00", "", ErrURLInvalid},
		{"https://example.org/" + strings.Repeat("a", MaxURLBytes), "", ErrURLInvalid},
	}
	for _, tt := range tests {
		got, err := CleanURL(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
			t.Errorf("CleanURL(%.60q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestSanitize(t *testing.T) {
	in := Article{
		Title:         "\x1b]0;pwned\x07Storm \u202ehits\u202c coast",
		Headline:      "Storm\x00hits\ncoast",
		Byline:        "Jane\u200b\u200b Doe",
		Source:        "\ufeffThe Daily\x1b[31m News",
		Published:     "2025-05-23",
		PublishedText: "May 23,\t2025",
		URL:           "file:///etc/passwd",
		Language:      "en",
		Body:          "First para.\x1b[2J\r\n\r\nSecond\tpara\x07 \u202eright.",
	}
	want := Article{
		Title:         "Storm hits coast",
		Headline:      "Storm hits coast",
		Byline:        "Jane Doe",
		Source:        "The Daily News",
		Published:     "2025-05-23",
		PublishedText: "May 23, 2025",
		Language:      "en",
		Body:          "First para.\n\nSecond\tpara \u202eright.",
		Dropped:       `link "file:///etc/passwd" dropped: scheme "file": only http and https links are kept`,
	}
	got := Sanitize(in)
	if got != want {
		t.Errorf("Sanitize:\n got %+v\nwant %+v", got, want)
	}
	if again := Sanitize(got); again != got {
		t.Errorf("not idempotent:\n%+v\n%+v", got, again)
	}
	clean := Article{Title: "Storm", URL: "https://example.org/a", Body: "Text.\n\nMore."}
	if Sanitize(clean) != clean {
		t.Errorf("clean article changed: %+v", Sanitize(clean))
	}
}

// TestParseTextSanitizes is finding 9 through the text parser: escape
// sequences and bidi overrides in a saved page never reach the article.
func TestParseTextSanitizes(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "hostile", "escapes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Storm hits the coast" {
		t.Errorf("title %q", a.Title)
	}
	for name, v := range map[string]string{"title": a.Title, "byline": a.Byline, "body": a.Body, "source": a.Source} {
		if strings.ContainsAny(v, "\x1b\x07\u202e\u200b") {
			t.Errorf("%s keeps controls: %q", name, v)
		}
	}
	if !strings.Contains(a.Body, "closing the main road.") || !strings.Contains(a.Body, "officials said.") {
		t.Errorf("body lost text: %q", a.Body)
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("\x1b]0;t\x07T", "b\x1b[2J\r\nc", "javascript:x")
	f.Add("a\u202eb", "\u009b1m", "http://u:p@h/")
	f.Add("\u200d", "\xff", "https://example.org/")
	f.Fuzz(func(t *testing.T, title, body, link string) {
		a := Sanitize(Article{Title: title, Body: body, URL: link, Byline: title})
		if Sanitize(a) != a {
			t.Fatalf("not idempotent: %+v", a)
		}
		if strings.ContainsFunc(a.Title+a.Byline, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }) {
			t.Fatalf("controls left in %q", a.Title)
		}
		if strings.ContainsFunc(a.Body, func(r rune) bool {
			return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f)
		}) {
			t.Fatalf("controls left in body %q", a.Body)
		}
		if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
			t.Fatalf("kept link %q", a.URL)
		}
		if (a.URL == "") != (a.Dropped != "" || strings.TrimSpace(link) == "") {
			t.Fatalf("link %q -> %q without a reason (%q)", link, a.URL, a.Dropped)
		}
	})
}

func BenchmarkSanitize(b *testing.B) {
	a := Article{Title: "Storm hits coast", Byline: "Jane Doe", URL: "https://example.org/news/1",
		Body: strings.Repeat("A plain paragraph of an article with nothing to strip.\n\n", 200)}
	b.SetBytes(int64(len(a.Body)))
	for b.Loop() {
		Sanitize(a)
	}
}
