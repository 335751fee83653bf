package simhash

import (
	"os"
	"strings"
	"testing"
)

func readArticle(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func paragraphs(s string) []string { return strings.Split(strings.TrimSpace(s), "\n\n") }

// edits are the light edits a re-published story goes through.
var edits = []struct {
	name string
	fn   func(string) string
}{
	{"changed sentence", func(s string) string {
		p := paragraphs(s)
		i := len(p) / 2
		words := strings.Fields(p[i])
		if len(words) > 12 {
			words = append(append(words[:4:4], "officials", "said", "on", "Monday", "that"), words[12:]...)
		}
		p[i] = strings.Join(words, " ")
		return strings.Join(p, "\n\n")
	}},
	{"reordered paragraphs", func(s string) string {
		p := paragraphs(s)
		if len(p) >= 4 {
			p[1], p[2] = p[2], p[1]
			p[len(p)-1], p[len(p)-2] = p[len(p)-2], p[len(p)-1]
		}
		return strings.Join(p, "\n\n")
	}},
	{"added boilerplate line", func(s string) string {
		return s + "\n\nShare this story on Facebook, Twitter or by email. Sign up for our daily newsletter."
	}},
	{"rewrapped and quotes", func(s string) string {
		return strings.NewReplacer("\"", "\u201c", "'", "\u2019", ". ", ".\n").Replace(s)
	}},
}

func TestEdits(t *testing.T) {
	base := readArticle(t, "article-a.txt")
	fp := Fingerprint(base)
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			edited := e.fn(base)
			if edited == base {
				t.Fatal("edit changed nothing")
			}
			if d := Distance(fp, Fingerprint(edited)); d > NearThreshold {
				t.Errorf("distance %d > %d", d, NearThreshold)
			}
		})
	}
}

func TestDifferentArticlesAreFar(t *testing.T) {
	a, b := Fingerprint(readArticle(t, "article-a.txt")), Fingerprint(readArticle(t, "article-b.txt"))
	if d := Distance(a, b); d <= 2*NearThreshold {
		t.Errorf("distance between different articles %d <= %d", d, 2*NearThreshold)
	}
}

func TestFingerprintBasics(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case and punctuation ignored", "The cat sat, on the mat!", "the cat sat on the mat", true},
		{"whitespace ignored", "one two\n\nthree  four", "one two three four", true},
		{"different text", "one two three four", "five six seven eight", false},
	}
	for _, tt := range tests {
		if got := Fingerprint(tt.a) == Fingerprint(tt.b); got != tt.same {
			t.Errorf("%s: same = %v", tt.name, got)
		}
	}
	if Fingerprint("") != 0 || Fingerprint(" ,. ") != 0 {
		t.Error("empty body should give 0")
	}
	if Fingerprint("short") == 0 {
		t.Error("one-word body should give a fingerprint")
	}
	if Distance(0, ^uint64(0)) != 64 || Distance(5, 5) != 0 {
		t.Error("Distance wrong")
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text := readArticle(b, "article-a.txt")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text)
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(readArticle(f, "article-a.txt"), readArticle(f, "article-b.txt"))
	f.Add("", "x")
	f.Add("ünïcödé wörds 東京", "ÜNÏCÖDÉ WÖRDS 東京")
	f.Fuzz(func(t *testing.T, a, b string) {
		fa, fb := Fingerprint(a), Fingerprint(b)
		if fa != Fingerprint(a) {
			t.Fatal("not deterministic")
		}
		if d := Distance(fa, fb); d != Distance(fb, fa) || d < 0 || d > 64 {
			t.Fatalf("bad distance %d", d)
		}
		if strings.Join(Words(a), " ") == strings.Join(Words(b), " ") && fa != fb {
			t.Fatal("same words, different fingerprints")
		}
	})
}
