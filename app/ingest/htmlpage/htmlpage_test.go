package htmlpage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestParseNewsPage(t *testing.T) {
	a, err := Parse(readTestdata(t, "news-jsonld.html"), "https://gazette.example/news/breakwater?utm=x", "text/html")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"Title", a.Title, "Harbour authority votes to rebuild the 1898 northern breakwater"},
		{"Byline", a.Byline, "Ana Costa, Tom Reed"},
		{"Source", a.Source, "The Harbour Gazette"},
		{"URL", a.URL, "https://gazette.example/news/breakwater"},
		{"Language", a.Language, "en-GB"},
		{"Published", a.Published, "2021-03-02T10:15:00+01:00"},
		{"PublishedText", a.PublishedText, "2021-03-02T10:15:00+01:00"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, want := range []string{
		"The harbour authority voted on Tuesday",
		"The northern breakwater at low tide.",         // caption kept
		"- Phase one: survey and temporary protection", // list kept
		"For | Against",                  // table kept
		"\n\nEngineers told the meeting", // paragraphs split by a blank line
		"Construction is due to start next year and to last about three years.",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, unwanted := range []string{"Storm damage bill rises", "Related stories", "Copyright", "Home"} {
		if strings.Contains(a.Body, unwanted) {
			t.Errorf("body keeps %q:\n%s", unwanted, a.Body)
		}
	}
	if strings.Contains(a.Body, "\n\n\n") {
		t.Errorf("body has runs of blank lines:\n%q", a.Body)
	}
}

func TestParseCharsets(t *testing.T) {
	tests := []struct {
		name, file, contentType string
	}{
		{"charset only in the header", "latin1-header-only.html", "text/html; charset=ISO-8859-1"},
		{"no declaration: sniffed", "latin1-header-only.html", ""},
		{"meta charset after 1024 bytes", "latin1-meta-late.html", "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(readTestdata(t, tt.file), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "Câmara aprova orçamento" {
				t.Errorf("Title = %q", a.Title)
			}
			if !strings.Contains(a.Body, "próximo ano") || strings.ContainsRune(a.Body, '\uFFFD') {
				t.Errorf("accents lost: %q", a.Body[:80])
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name        string
		raw         []byte
		contentType string
		want        error
	}{
		{"empty", nil, "", ErrNotHTML},
		{"binary", readTestdata(t, "binary.bin"), "", ErrNotHTML},
		{"rss feed", readTestdata(t, "feed.rss"), "", ErrNotHTML},
		{"pdf content type", []byte("%PDF-1.4 ..."), "application/pdf", ErrNotHTML},
		{"no article text", readTestdata(t, "empty-article.html"), "", ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.raw, "https://example.org/x", tt.contentType)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v (article %+v)", err, tt.want, a)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2015-07-24T05:36:09+01:00", "2015-07-24T05:36:09+01:00"},
		{"2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z"},
		{"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
		{"2018-04-05T06:00", "2018-04-05T06:00:00"},
		{"2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"},
		{"2024-06-25", "2024-06-25"},
		{"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T04:00:00-05:00"},
		{"Sun, 6 Sep 2009 16:20:00 +0200", "2009-09-06T16:20:00+02:00"},
		{"Tue, 10 Jun 2003 04:00:00 XYZ", "2003-06-10T04:00:00"},
		{"April 28, 2019", "2019-04-28"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeDate(tt.in); got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One <b>two</b></p><p>Three</p>", "One two\n\nThree"},
		{"Line one<br>line two", "Line one\nline two"},
		{"<ul><li>a</li><li>b</li></ul>", "- a\n- b"},
		{"<p>x</p><script>alert(1)</script><p hidden>y</p>", "x"},
		{"<pre>a  b\n  c</pre>", "a  b\n  c"},
		{"Caf&eacute; &amp; bar", "Café & bar"},
	}
	for _, tt := range tests {
		if got := HTMLToText(tt.in); got != tt.want {
			t.Errorf("HTMLToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	raw := readTestdata(b, "news-jsonld.html")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse(raw, "https://gazette.example/", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"news-jsonld.html", "latin1-header-only.html", "latin1-meta-late.html", "empty-article.html", "feed.rss"} {
		f.Add(readTestdata(f, name), "")
	}
	f.Add([]byte("<html><body><p>x</p>"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		a, err := Parse(raw, "https://example.org/", contentType)
		if err == nil && strings.TrimSpace(a.Body) == "" {
			t.Fatal("nil error with an empty body")
		}
	})
}
