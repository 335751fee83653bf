package simhash

import (
	"os"
	"path/filepath"
	"testing"
)

// referenceFingerprint is Fingerprint as first written, from the list of
// Words, with a vote per bit: fingerprints are stored in archives, so the
// faster one must give the same.
func referenceFingerprint(body string) uint64 {
	words := Words(body)
	if len(words) == 0 {
		return 0
	}
	var votes [64]int
	n := max(len(words)-ShingleSize+1, 1)
	for i := range n {
		h := hashShingle(words[i:min(i+ShingleSize, len(words))])
		for b := range 64 {
			if h&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var fp uint64
	for b, v := range votes {
		if v > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// TestFingerprintAsReference checks Fingerprint against the reference on
// the test articles and on texts of every length and alphabet.
func TestFingerprintAsReference(t *testing.T) {
	texts := []string{"", "   ", "one", "two words", "three words here", "Four, words: here!", "x\xffy z\xfe",
		"Ünïcödé wörds ἀλφα 北京 ２０２６", "a  b\n\nc\td-e_f"}
	files, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := Fingerprint(s), referenceFingerprint(s); got != want {
			t.Errorf("Fingerprint(%.40q) = %016x, reference %016x", s, got, want)
		}
	}
}

// FuzzFingerprintAsReference checks Fingerprint against the reference on
// any input.
func FuzzFingerprintAsReference(f *testing.F) {
	for _, s := range []string{"", "a", "a b", "a b c d", "É\xff b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fingerprint(s), referenceFingerprint(s); got != want {
			t.Errorf("Fingerprint(%q) = %016x, reference %016x", s, got, want)
		}
	})
}
