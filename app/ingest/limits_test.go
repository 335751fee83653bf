package ingest

import (
	"bytes"
	"strings"
	"testing"
)

// Inputs that once cost far more than their size: a line of numbers sent
// the date parser through every locale it has (seconds per line), and a
// very long line was split into words on every look (half a gigabyte for
// ten megabytes of text). These benchmarks keep both in sight.

func BenchmarkParseDateNumbers(b *testing.B) {
	lines := []string{
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 2024-11-02 16 17 18 19 20 21",
		"2024-11-02 2024-11-02 2024-11-02 2024-11-02 2024-11-02 2024-11-02 2024-11-02 2024-11-02",
		"Posted on 2 24-11-02 by the newsroom",
	}
	for b.Loop() {
		for _, l := range lines {
			ParseDate(l)
		}
	}
}

func BenchmarkParseTextLongLine(b *testing.B) {
	sentence := []byte("The council met again on Monday and talked about the bridge, the budget and the school. ")
	raw := bytes.Repeat(sentence, 1<<20/len(sentence)+1)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseText(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDropMathUnclosed(b *testing.B) {
	in := strings.Split(strings.Repeat("{\\displaystyle {x [MATH: y\n", 40000), "\n")
	b.ReportAllocs()
	for b.Loop() {
		dropMath(in)
	}
}
