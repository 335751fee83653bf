package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestBodyText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"paragraphs", "<p>One  two\nthree</p><p>Four</p>", "One two three\n\nFour\n"},
		{"div text is one paragraph", "<div>Lead <b>bold</b> end<p>Inner</p>tail</div>", "Lead bold end\n\nInner\n\ntail\n"},
		{"br is a line break", "<p>Line one<br>line two<br><br>three</p>", "Line one\nline two\nthree\n"},
		{"cells joined by a space", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\n\nc\n"},
		{"pre blank line ends a paragraph", "<pre>one\n  two\n \nthree</pre>", "one two\n\nthree\n"},
		{"nbsp stays", "<p>a\u00a0b </p><p>\u00a0</p>", "a\u00a0b\n"},
		{"skipped elements", "<p>x<script>var a</script><style>p{}</style>y</p><noscript>no</noscript>", "xy\n"},
		{"img alt is not text", `<p>see <img alt="a cat"> here</p>`, "see here\n"},
		{"empty", "", "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + c.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := BodyText(doc); got != c.want {
				t.Errorf("BodyText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one two\nthree\u00a0four", 4},
		{"日本語の文章", 3},
		{"mixed 日本 text", 3},
		{"漢", 0},
	} {
		if got := Words(c.in); got != c.want {
			t.Errorf("Words(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestMakeLabel labels the project's own test page: the article's text by
// the expected.txt rule, without the navigation, banner, related links and
// footer, and readability's metadata (golden files; -update rewrites them).
func TestMakeLabel(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	lb, err := MakeLabel(string(raw), "https://gazette.example/news/breakwater")
	if err != nil {
		t.Fatal(err)
	}
	if !lb.Readerable {
		t.Error("page not readerable")
	}
	if n := Words(lb.Body); n < 150 {
		t.Errorf("body has %d words, want >= 150 (the selection's floor)", n)
	}
	for _, want := range []string{"The harbour authority voted on Tuesday", "fail in a single severe storm.",
		"after the vote.\n“Every winter", "11 4 2", "Phase one: survey and temporary protection\n\nPhase two"} {
		if !strings.Contains(lb.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, bad := range []string{"Home", "cookies", "Related stories", "Copyright", "tracking"} {
		if strings.Contains(lb.Body, bad) {
			t.Errorf("body has %q", bad)
		}
	}
	if lb.Title == nil || *lb.Title != "Breakwater to be rebuilt after decade of delay" {
		t.Errorf("title %v", lb.Title)
	}
	js, err := json.MarshalIndent(lb, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "harbour.expected.txt", lb.Body)
	golden(t, "harbour.expected.json", string(js)+"\n")
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestMakeLabelNoArticle(t *testing.T) {
	if _, err := MakeLabel("<html><body></body></html>", ""); err == nil {
		t.Error("empty page labelled")
	}
}
