package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// TestPlainEnglishAgrees checks the function-word shortcut against the
// trigram detector on every text of the shared BBC and text-dumps corpora
// (English, and French, Spanish, Portuguese, German, Czech, Chinese and
// more): wherever the shortcut says English, the detector, given the same
// sample, must say so too; and the shortcut must spare the detector on
// most of the BBC.
func TestPlainEnglishAgrees(t *testing.T) {
	if len(stopLangs) != len(stopWords) {
		t.Fatalf("stopLangs names %d languages, stopWords %d", len(stopLangs), len(stopWords))
	}
	for _, lang := range stopLangs {
		if stopWords[lang] == nil {
			t.Fatalf("stopLangs names %q, which stopWords has no list for", lang)
		}
	}
	for _, tt := range []struct {
		dir      string
		minShare float64 // of texts the shortcut decides
	}{
		{"bbc", 0.9},
		{"text-dumps", 0},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			root := corpus.Path(t, "corpus", tt.dir)
			texts, decided := 0, 0
			err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
					return err
				}
				raw, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				body := string(raw)
				if len(body) > langSample {
					body = strings.ToValidUTF8(body[:langSample], "")
				}
				texts++
				if !plainEnglish(body) {
					return nil
				}
				decided++
				if got := detectTrigrams(body); got != "en" {
					t.Errorf("%s: function words say English, the detector %q", path, got)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d texts, %d decided by function words", tt.dir, texts, decided)
			if float64(decided) < tt.minShare*float64(texts) {
				t.Errorf("%d of %d decided, want %.0f%%", decided, texts, 100*tt.minShare)
			}
		})
	}
}

// BenchmarkDetectLanguage measures language detection on a BBC article,
// with the function-word shortcut and with the trigram detector alone.
func BenchmarkDetectLanguage(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(corpus.Path(b, "corpus", "bbc", "business"), "001.txt"))
	if err != nil {
		b.Fatal(err)
	}
	body := strings.ToValidUTF8(string(raw[:min(len(raw), langSample)]), "")
	b.Run("shortcut", func(b *testing.B) {
		for b.Loop() {
			detectLanguage(body)
		}
	})
	b.Run("trigrams", func(b *testing.B) {
		for b.Loop() {
			detectTrigrams(body)
		}
	})
}

// TestLineShapes checks endsSentence, fieldsAtMost and collapseSpaces
// against the regular expressions and the split they replace, on lines of
// every shape.
func TestLineShapes(t *testing.T) {
	terminal := regexp.MustCompile(`[.!?…:;"”’')\]]$`)
	space := regexp.MustCompile(`[\t \x{a0}\x{2007}\x{202f}]+`)
	lines := []string{"", " ", "Hello.", "Hello", "He said “no”", "a (b)", "list:", "x]", "end…", "mid. dle",
		"trailing space. ", "\xff", "ok?\n", "tabs\tand  spaces  here", " a b c ", "©"}
	for _, l := range lines {
		if got, want := endsSentence(l), terminal.MatchString(l); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", l, got, want)
		}
		if got, want := collapseSpaces(l), space.ReplaceAllString(l, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", l, got, want)
		}
		for n := range 5 {
			if got, want := fieldsAtMost(l, n), len(strings.Fields(l)) <= n; got != want {
				t.Errorf("fieldsAtMost(%q, %d) = %v, want %v", l, n, got, want)
			}
		}
	}
}

// FuzzLineShapes checks collapseSpaces, endsSentence and fieldsAtMost
// against the forms they replace on any input.
func FuzzLineShapes(f *testing.F) {
	terminal := regexp.MustCompile(`[.!?…:;"”’')\]]$`)
	space := regexp.MustCompile(`[\t \x{a0}\x{2007}\x{202f}]+`)
	for _, s := range []string{"", "a  b", "x\u00a0\ty.", "\xff\t\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := collapseSpaces(l), space.ReplaceAllString(l, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", l, got, want)
		}
		if got, want := endsSentence(l), terminal.MatchString(l); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", l, got, want)
		}
		if got, want := fieldsAtMost(l, 3), len(strings.Fields(l)) <= 3; got != want {
			t.Errorf("fieldsAtMost(%q, 3) = %v, want %v", l, got, want)
		}
	})
}
