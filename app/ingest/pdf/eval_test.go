package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
)

// TestEvalBBC measures extraction on PDFs typeset from the BBC corpus by
// testdata/make/eval.sh (run it first; the test skips without
// PDF_EVAL_DIR). For each PDF: word accuracy = LCS of the extracted words
// and the source's words over the source's length (order matters), and
// extra words (furniture, garbage) over the source's length; the same for
// the library's own GetPlainText as a baseline.
func TestEvalBBC(t *testing.T) {
	dir := os.Getenv("PDF_EVAL_DIR")
	if dir == "" {
		t.Skip("PDF_EVAL_DIR not set: run testdata/make/eval.sh DIR first")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no PDFs in %s", dir)
	}
	var ours, base, extra, baseExtra, titles, paras float64
	for _, f := range files {
		name, _, _ := strings.Cut(filepath.Base(f), ".") // NAME.pdf and NAME.pdfkit.pdf share NAME.txt
		src, err := os.ReadFile(filepath.Join(filepath.Dir(f), name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		head, body, _ := strings.Cut(strings.TrimSpace(string(src)), "\n")
		want := words(body)
		a, err := ParseFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		got := words(a.Body)
		l := float64(lcs(got, want))
		ours += l / float64(len(want))
		extra += (float64(len(got)) - l) / float64(len(want))
		if h := strings.TrimSpace(head); plainQuotes.Replace(a.Title) == h || plainQuotes.Replace(a.Headline) == h {
			titles++
		}
		if len(strings.Split(a.Body, "\n\n")) == len(strings.Split(strings.TrimSpace(body), "\n\n")) {
			paras++
		}
		bw := baseline(t, f)
		bl := float64(lcs(bw, want))
		base += bl / float64(len(want))
		baseExtra += (float64(len(bw)) - bl) / float64(len(want))
	}
	n := float64(len(files))
	t.Logf("%d PDFs: word accuracy %.3f (extra %.3f), headline exact %.3f, paragraph count exact %.3f; "+
		"library GetPlainText: word accuracy %.3f (extra %.3f)", len(files), ours/n, extra/n, titles/n, paras/n, base/n, baseExtra/n)
	if ours/n < 0.97 {
		t.Errorf("word accuracy %.3f under 0.97", ours/n)
	}
}

func baseline(t *testing.T, path string) []string {
	f, r, err := lpdf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		s, _ := r.Page(i).GetPlainText(nil)
		b.WriteString(s + "\n")
	}
	// The headline is not in want: drop what precedes the body's first words.
	return words(b.String())
}

func words(s string) []string {
	s = plainQuotes.Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		if w = strings.Trim(strings.ToLower(w), ".,;:!?\"'()-"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
