package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestValidUTF8 checks the replacement against Python's
// bytes.decode('utf-8', 'replace'), which build.py used (counts from
// Python 3.11).
func TestValidUTF8(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		n    int
	}{
		{"plain ascii", "plain ascii", 0},
		{"caf\xc3\xa9", "café", 0},
		{"\xe4\xb8", "\uFFFD", 1},                 // a cut three-byte character: one
		{"a\xe4\xb8b", "a\uFFFDb", 1},             // ... inside text
		{"\xf0\x9f\x98x", "\uFFFDx", 1},           // a cut four-byte character
		{"\xff\xfe", "\uFFFD\uFFFD", 2},           // stray bytes: one each
		{"\xc0\xaf", "\uFFFD\uFFFD", 2},           // overlong: invalid lead
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD", 3}, // a surrogate
		{"\xe4\xb8\xe4\xb8\xad", "\uFFFD中", 1},
	} {
		got, n := ValidUTF8([]byte(c.in))
		if got != c.want || n != c.n {
			t.Errorf("ValidUTF8(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.n)
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "\xe4\xb8", "\xed\xa0\x80", "中文\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, n := ValidUTF8(b)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid output %q", got)
		}
		if utf8.Valid(b) != (n == 0) || utf8.Valid(b) && got != string(b) {
			t.Fatalf("ValidUTF8(%q) = %q, %d", b, got, n)
		}
		if n > len(b) {
			t.Fatalf("%d replacements for %d bytes", n, len(b))
		}
	})
}

func TestRenameStage(t *testing.T) {
	in := "1. file:///w/0/pages/a.html#top\n2. file://localhost/w/0/pages/a.html\n3. file:///w/0/up.html\n" +
		"4. file:///w/x.html\n5. file:///elsewhere/y.html\n6. file:///w/0/pagesx/z\n"
	want := "1. file:///pages/a.html#top\n2. file://localhost/pages/a.html\n3. file:///up.html\n" +
		"4. file:///x.html\n5. file:///elsewhere/y.html\n6. file:///pagesx/z\n"
	if got := string(renameStage([]byte(in), "/w/0/pages")); got != want {
		t.Errorf("renameStage:\n%s\nwant:\n%s", got, want)
	}
}

func needTools(t *testing.T) {
	t.Helper()
	for _, r := range Renderers {
		tool := strings.Fields(r.Cmd)[0]
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian packages lynx, w3m, links, html2text)", tool)
		}
	}
}

// TestGenerate renders and labels a folder laid out as corpus/html-pages:
// the test page is written with its five dumps and labels; a page with no
// article and a short one are skipped and counted; a stale folder of a
// skipped page goes.
func TestGenerate(t *testing.T) {
	needTools(t)
	in, out := t.TempDir(), t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	short := strings.Replace(string(page), "<p>Engineers", "<p hidden>x</p><!--", 1)
	short = strings.Replace(short, "</article>", "--></article>", 1)
	for name, text := range map[string]string{"harbour page": string(page), "empty": "<html><body></body></html>", "short": short} {
		if err := os.MkdirAll(filepath.Join(in, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name, "source.html"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(out, "short"), 0o755); err != nil {
		t.Fatal(err)
	}
	srcs, err := HTMLPagesSources(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := generate(srcs, out, 2, Renderer{Timeout: 30 * time.Second}); err != nil {
		t.Fatal(err)
	}
	for _, r := range Renderers {
		b, err := os.ReadFile(filepath.Join(out, "harbour page", r.Name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(strings.Fields(string(b)), " "), "The harbour authority voted on Tuesday") {
			t.Errorf("%s dump lacks the article:\n%s", r.Name, b)
		}
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "harbour.expected.txt"))
	got, err := os.ReadFile(filepath.Join(out, "harbour page", "expected.txt"))
	if err != nil || string(got) != string(want) {
		t.Errorf("expected.txt = %q, %v; want the label of TestMakeLabel", got, err)
	}
	if _, err := os.Stat(filepath.Join(out, "short")); !os.IsNotExist(err) {
		t.Errorf("short page's folder: %v", err)
	}
	rep, err := os.ReadFile(filepath.Join(out, "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 pages, 1 written, 2 skipped", "skipped empty: no article", "skipped short: under 150 words"} {
		if !strings.Contains(string(rep), want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
}
