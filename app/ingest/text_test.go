package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestParseTextGolden parses each page in testdata/text and compares the
// article with testdata/text/NAME.golden.json.
func TestParseTextGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/text/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParseText(raw)
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			got, _ := json.MarshalIndent(a, "", "  ")
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("article differs from %s:\n%s", golden, got)
			}
		})
	}
}

// TestSeed checks the seed page against the acceptance criteria directly, so
// a golden file updated by mistake cannot hide a regression.
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile("testdata/text/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	const title = "U.S., China Hold First Call Since Geneva Meeting, Signaling Progress in Trade Talks"
	if a.Title != title {
		t.Errorf("title %q, want %q", a.Title, title)
	}
	if a.Published != "2025-05-23T05:30:00" || a.PublishedText != "May 23, 2025, 5:30 a.m." {
		t.Errorf("published %q (%q)", a.Published, a.PublishedText)
	}
	if !strings.HasPrefix(a.Body, "The United States and China have resumed") {
		t.Errorf("body starts %q", a.Body[:min(60, len(a.Body))])
	}
	if !strings.HasSuffix(a.Body, "between the world’s two largest economies.") {
		t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-60):])
	}
	for _, bad := range []string{"0 Comments", "Table of Contents", "Like this article", "Recent Comments",
		"Get in touch", "Other News", "whatsapp", "U.S., China Hold First Call\n"} {
		if strings.Contains(strings.ToLower(a.Body), strings.ToLower(bad)) {
			t.Errorf("body contains furniture %q", bad)
		}
	}
	if n := strings.Count(a.Body, "\n\n") + 1; n != 8 {
		t.Errorf("body has %d paragraphs, want 8", n)
	}
}

func TestFurniture(t *testing.T) {
	tests := []struct {
		line      string
		furniture bool
		endsBody  bool
	}{
		{"0 Comments", true, false},
		{"1,204 shares", true, false},
		{"Comments (12)", true, false},
		{"Table of Contents", true, false},
		{"Like this article ? Spread the word ...", true, false},
		{"Recent Comments:", true, true},
		{"Get in touch", true, true},
		{"Other News", true, true},
		{"You may also like", true, false},
		{"whatsapp", true, false},
		{"Facebook Twitter LinkedIn Email", true, false},
		{"Home | World | Business | Sport", true, false},
		{"Home > News > Europe", true, false},
		{"https://example.com/story/123", true, false},
		{"© 2025 The Northern Ledger. All rights reserved.", true, true},
		{"Sign up for our newsletter", true, true},
		{"Trade talks resume in Geneva", false, false},
		{"The minister said the talks would resume next week in Geneva.", false, false},
		{"Mr Ma met the ambassador.", false, false},
		{"Analysis", false, false},
	}
	for _, tt := range tests {
		f, end := furniture(tt.line)
		if f != tt.furniture || (f && end != tt.endsBody) {
			t.Errorf("furniture(%q) = %v, %v; want %v, %v", tt.line, f, end, tt.furniture, tt.endsBody)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"May 23, 2025, 5:30 a.m.", "2025-05-23T05:30:00"},
		{"23 May 2025", "2025-05-23"},
		{"2025-05-23", "2025-05-23"},
		{"Published: Friday, May 23, 2025 5:30 PM EDT", "2025-05-23T17:30:00-04:00"},
		{"Updated 2025-05-23T10:00:00+02:00", "2025-05-23T10:00:00+02:00"},
		{"Mai 23, 2025", "2025-05-23"},
		{"Posted on May 23, 2025 by admin", "2025-05-23"},
		{"Friday 23 May 2025 09.12 BST", "2025-05-23T09:12:00+01:00"},
		{"Oct 18, 2019 · 8 min read", "2019-10-18"},
		{"World | 23 May 2025", "2025-05-23"},
		{"Mar 3, 2021 · 12 min read · Listen", "2021-03-03"},
		// Dotted dates are day first (heise: 8 April, not 4 August).
		{"08.04.2015 12:46", "2015-04-08T12:46:00"},
		{"03.02.2021", "2021-02-03"},
		// A two-digit year the parser does not read back (it gave 1976)
		// is no date rather than a wrong one.
		{"Publié le 02/11/23 à 16h33", ""},
		// A dateline too long for a date line, divided by separators.
		{"Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", "2015-05-04T13:36:00"},
		{"2 hours ago", ""},
		{"0 Comments", ""},
		{"Italy 17-28 Ireland", ""},
		{"The talks of 2025 went on for many hours and ended without any agreement at all on tariffs", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestBBC parses every BBC file: each parses, its title is its first line,
// and the Latin-1 file keeps its pound sign.
func TestBBC(t *testing.T) {
	dir := corpus.Path(t, "corpus", "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) < 2000 {
		t.Fatalf("found %d BBC files", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseText(raw)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		text, _, _ := Decode(raw)
		first, _, _ := strings.Cut(strings.TrimLeft(text, "\ufeff"), "\n")
		if a.Title != strings.Join(strings.Fields(first), " ") {
			t.Errorf("%s: title %q, want first line %q", f, a.Title, first)
		}
		if len(a.Body) < len(text)/2 {
			t.Errorf("%s: body keeps %d of %d bytes", f, len(a.Body), len(text))
		}
		if strings.HasSuffix(f, filepath.Join("sport", "199.txt")) && !strings.Contains(a.Body, "£15.8m") {
			t.Errorf("sport/199.txt lost its pound sign")
		}
	}
}

func FuzzParseText(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, p := range files {
		if raw, err := os.ReadFile(p); err == nil {
			f.Add(raw)
		}
	}
	f.Add([]byte("Title\n\nBody."))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := ParseText(raw)
		if err != nil {
			return
		}
		if a.Body == "" || a.Title == "" {
			t.Fatalf("article without title or body and no error: %+v", a)
		}
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in output")
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"May 23, 2025, 5:30 a.m.", "2025-05-23", "Published: Friday, May 23, 2025 5:30 PM EDT", "13/13/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, ok := ParseDate(s)
		if ok && len(iso) < 10 {
			t.Fatalf("ParseDate(%q) = %q", s, iso)
		}
	})
}

func BenchmarkParseText(b *testing.B) {
	raw, err := os.ReadFile("testdata/text/dump-menus.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ParseText(raw); err != nil {
			b.Fatal(err)
		}
	}
}
