package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestDropMath(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"lynx's MathML and the TeX after it, inline: the sentence's lines join",
			"   If the transpose of a matrix\n   [MATH: <semantics> <mi> A </mi>\n   </semantics> :MATH]\n   {\\displaystyle A}\n   A is denoted by",
			[]string{"If the transpose of a matrix A is denoted by"}},
		{"a display formula keeps the blank lines around it",
			"for all i and j:\n\n   [MATH: <mi> a </mi> :MATH]\n   {\\displaystyle a_{ij}={\\overline\n   {a_{ji}}}}\n\nor in matrix form:",
			[]string{"for all i and j:", "", "", "or in matrix form:"}},
		{"w3m: the source twice, the second wrapped inside its opening",
			"are A ∗ {\\displaystyle A^{\\ast }} {\\\ndisplaystyle A^{\\ast }}, although",
			[]string{"are A ∗ , although"}},
		{"html2text's bracketed alternative text",
			"j-th column:\n[{\\displaystyle A{\\text{ Hermitian}}}]\nor in matrix form:",
			[]string{"j-th column:", "or in matrix form:"}},
		{"inline style and an escaped brace",
			"the set {\\textstyle \\{x\\}} is empty",
			[]string{"the set is empty"}},
		{"unclosed source stays", "a {\\displaystyle {x} and more", []string{"a {\\displaystyle {x} and more"}},
		{"unclosed MathML stays", "a [MATH: <mi> x </mi> and more", []string{"a [MATH: <mi> x </mi> and more"}},
		{"a brace group that is not a formula stays", "config {\\foo {x}} here", []string{"config {\\foo {x}} here"}},
		{"no formula", "Plain text\n\nand more", []string{"Plain text", "", "and more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Spaces are compared collapsed: cleanDump collapses them.
			got := dropMath(strings.Split(tt.in, "\n"))
			for i, l := range got {
				got[i] = strings.Join(strings.Fields(l), " ")
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("dropMath(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// A page of formulas reads as its prose: lynx's dump of a Wikipedia page
// with MathML keeps the sentences around each formula in one block.
func TestCleanDumpMath(t *testing.T) {
	dump := "   In mathematics, a Hermitian matrix is a complex square matrix that\n" +
		"   is equal to its own conjugate transpose, for all indices i and j:\n\n" +
		"   [MATH: <semantics> <mrow class=\"MJX-TeXAtom-ORD\"> <mstyle\n" +
		"   displaystyle=\"true\" scriptlevel=\"0\"> <mi> A </mi> </mstyle> </mrow>\n" +
		"   <annotation encoding=\"application/x-tex\"> {\\displaystyle A}\n" +
		"   </annotation> </semantics> :MATH]\n" +
		"   {\\displaystyle A}\n\n" +
		"   If the conjugate transpose of a matrix\n" +
		"   [MATH: <semantics> <mi> A </mi> </semantics> :MATH]\n" +
		"   {\\displaystyle A}\n" +
		"   A is denoted by H, the property can be written concisely.\n"
	var texts []string
	blocks := map[int]bool{}
	for _, l := range CleanDump(dump) {
		texts = append(texts, l.Text)
		blocks[l.Block] = true
		if strings.ContainsAny(l.Text, "<>{}\\") || strings.Contains(l.Text, "MATH") {
			t.Errorf("formula markup left: %q", l.Text)
		}
	}
	want := []string{
		"In mathematics, a Hermitian matrix is a complex square matrix that",
		"is equal to its own conjugate transpose, for all indices i and j:",
		"If the conjugate transpose of a matrix A is denoted by H, the property can be written concisely.",
	}
	if !slices.Equal(texts, want) || len(blocks) != 2 {
		t.Errorf("lines %q in %d blocks, want %q in 2", texts, len(blocks), want)
	}
}

// Openings that never close cost a bounded read each: the text stays as it
// is (BenchmarkDropMathUnclosed keeps the time in sight).
func TestDropMathUnclosed(t *testing.T) {
	for _, open := range []string{"{\\displaystyle {", "[MATH: <mi> "} {
		in := strings.Split(strings.Repeat(open+"x\n", 20000), "\n")
		if got := dropMath(in); !slices.Equal(got, in) {
			t.Errorf("%q: unclosed openings changed the text", open)
		}
	}
}
