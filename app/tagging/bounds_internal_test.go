package tagging

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/ner"
)

func TestCutAt(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want int
	}{
		{"short", 10, 5},
		{"one two three four", 10, 8},               // after "one two "
		{"para one.\n\nnext words here", 14, 11},    // after the paragraph break
		{"aaaaaaaaaaaaaaaaaaaa", 8, 8},              // no boundary: at max
		{"ééééééééé", 5, 4},                         // not inside a rune
		{"x. yyyyyyyyyyyyyyyyyyyy", 10, 10},         // a boundary too early: at max
		{"first sentence. second one goes", 20, 16}, // after the sentence end
	}
	for _, tt := range tests {
		if got := cutAt(tt.s, tt.max); got != tt.want {
			t.Errorf("cutAt(%q, %d) = %d, want %d", tt.s, tt.max, got, tt.want)
		}
	}
}

func FuzzCutAt(f *testing.F) {
	f.Add("one two three. four\n\nfive", 7)
	f.Add("ééé", 1)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max <= 0 || !utf8.ValidString(s) {
			return
		}
		n := cutAt(s, max)
		if n > len(s) || n > max || (len(s) <= max && n != len(s)) || (n < len(s) && !utf8.RuneStart(s[n])) || (len(s) > 0 && n == 0 && max >= utf8.UTFMax) {
			t.Fatalf("cutAt(%q, %d) = %d", s, max, n)
		}
	})
}

// BenchmarkTagBounded tags a 19 MB text without sentence punctuation
// within the default bounds (#15 finding 4): time and memory per article
// are those of its first DefaultMaxTagBytes.
func BenchmarkTagBounded(b *testing.B) {
	tg, err := ner.New()
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"the", "Council", "of", "Paris", "met", "John", "Smith", "and", "Acme", "Corp", "on", "Monday", "in", "London"}
	var sb strings.Builder
	for i := 0; sb.Len() < 19<<20; i++ {
		sb.WriteString(words[i%len(words)] + " ")
	}
	text := sb.String()
	bd := Options{}.bounds()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok, err := tagBounded(context.Background(), tg, nil, text, bd); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
