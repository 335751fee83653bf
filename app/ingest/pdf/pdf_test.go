package pdf

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// source reads an article text of testdata/make: its headline and its
// paragraphs, typographic quotes made plain.
func source(t testing.TB, name string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "make", name))
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	return head, paras
}

var plainQuotes = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

func TestParseFile(t *testing.T) {
	tests := []struct {
		file, src, title string
		headline         bool // the long headline differs from the metadata title
	}{
		{"ferry-2col.pdf", "ferry.txt", "Harbour council approves new ferry terminal", true},
		{"library-1col.pdf", "library.txt", "Library reopens after flood repairs", false},
		// PDFKit: Helvetica without /Widths, its own column flow, A5.
		{"ferry-pdfkit.pdf", "ferry.txt", "Harbour council approves new ferry terminal after four-year dispute", false},
		// PDFKit with an embedded TrueType font: Identity-H two-byte codes, /W widths.
		{"library-cid.pdf", "library.txt", "Library reopens after flood repairs", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := ParseFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			head, paras := source(t, tt.src)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if tt.headline && a.Headline != head {
				t.Errorf("headline = %q, want %q", a.Headline, head)
			}
			got := strings.Split(plainQuotes.Replace(a.Body), "\n\n")
			if len(got) != len(paras) {
				t.Fatalf("%d paragraphs, want %d:\n%s", len(got), len(paras), a.Body)
			}
			for i := range paras {
				if got[i] != paras[i] {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i, got[i], paras[i])
				}
			}
			for _, furniture := range []string{"COAST COURIER", "NEWS ARCHIVE", "Page 1", "Page 2", "March 2025", "March 2005"} {
				if strings.Contains(a.Body, furniture) {
					t.Errorf("page furniture %q left in the body", furniture)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/library-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"scanned", mustRead(t, "testdata/scanned.pdf"), ErrNoText},
		{"truncated", good[:len(good)/2], ErrMalformed},
		{"not a PDF", []byte("<html><body>hello</body></html>"), ErrMalformed},
		{"empty", nil, ErrMalformed},
		{"garbled body", garble(good), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(bytes.NewReader(tt.data), int64(len(tt.data)))
			if tt.want == nil {
				return // any outcome but a panic
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Parse(bytes.NewReader(nil), MaxSize+1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized: err = %v", err)
	}
	_, err = ParseFile("testdata/scanned.pdf")
	if err == nil || !strings.Contains(err.Error(), "no text layer: OCR it first") || !strings.Contains(err.Error(), "scanned.pdf") {
		t.Errorf("scanned: err = %v", err)
	}
}

func TestMetaTitle(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Harbour  council\tvotes", "Harbour council votes"},
		{"Untitled", ""},
		{"Microsoft Word - draft3.doc", ""},
		{"clipping.pdf", ""},
		{"", ""},
	} {
		if got := metaTitle(tt.in); got != tt.want {
			t.Errorf("metaTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHyphenation(t *testing.T) {
	lx := newLexicon([]line{{text: "a four-year plan over a year or four and the ferry terminal"}})
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"the termi-", "nal opened"}, "the terminal opened"},
		{[]string{"a four-", "year dispute"}, "a four-year dispute"},
		{[]string{"the Anglo-", "Saxon"}, "the Anglo-Saxon"},
		{[]string{"pages 4 -", "5"}, "pages 4 - 5"},
		{[]string{"ends here.", "Next"}, "ends here. Next"},
	} {
		if got := joinLines(tt.lines, lx); got != tt.want {
			t.Errorf("joinLines(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// garble flips bytes in the middle of a file (its compressed streams).
func garble(b []byte) []byte {
	out := append([]byte{}, b...)
	for i := len(out) / 3; i < len(out)/3+200 && i < len(out); i += 7 {
		out[i] ^= 0xA5
	}
	return out
}

func TestStdWidth(t *testing.T) {
	for _, tt := range []struct {
		font string
		code int
		want float64
	}{
		{"Helvetica", 'm', 833}, {"Helvetica-Bold", 'm', 889}, {"Times-Roman", 'm', 778},
		{"ABCDEF+Courier", 'i', 600}, {"Helvetica", ' ', 278}, {"Times-Bold", 0xE9, 500}, {"SomeSans", 'W', 944},
	} {
		if got := stdWidth(tt.font, tt.code); got != tt.want {
			t.Errorf("stdWidth(%q, %d) = %v, want %v", tt.font, tt.code, got, tt.want)
		}
	}
}
