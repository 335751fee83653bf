package ingest

import (
	"slices"
	"strings"
	"testing"
)

// TestSplitReferences checks that lynx's whole reference list goes, its
// visible links above a hidden part too, and that a numbered list of the
// article above it stays.
func TestSplitReferences(t *testing.T) {
	page := "Headline\n\nSteps:\n 1. Mix the flour.\n 2. Bake it.\n\nReferences\n\n   Visible links:\n   1. http://example.com/\n" +
		"   2. https://example.com/2015/02/the-sharing-economy-is-a-lie/\n\n   Hidden links:\n   3. http://example.com/x\n"
	body, refs := splitReferences(strings.Split(page, "\n"))
	if got := strings.Join(body, "\n"); !strings.HasSuffix(got, " 2. Bake it.\n") {
		t.Errorf("body ends %q", got[max(0, len(got)-40):])
	}
	if len(refs) == 0 || strings.TrimSpace(refs[0]) != "References" {
		t.Fatalf("references %q", refs)
	}
	slugs := refSlugs(refTargets(refs))
	if len(slugs) != 1 || !slices.Contains(slugs[0], "sharing") || !slices.Contains(slugs[0], "lie") || slices.Contains(slugs[0], "2015") {
		t.Fatalf("slugs %v", slugs)
	}
	x := newSlugIndex(slugs)
	ofTitle, ofSlug := x.cover(units(strings.ToLower("The sharing economy is a lie: Uber and Ayn Rand")))
	if ofTitle != 0.6 || ofSlug != 1 {
		t.Errorf("cover %v %v, want 6/10 and 1", ofTitle, ofSlug)
	}
	if a, b := x.cover([]string{"menu"}); a != 0 || b != 0 {
		t.Errorf("cover of an absent word %v %v", a, b)
	}
	if body, refs := splitReferences([]string{"Text", "References", "Some prose that is not a list."}); len(body) != 3 || refs != nil {
		t.Errorf("a heading with prose under it was cut: %q %q", body, refs)
	}
}

// BenchmarkSplitReferencesHeadings reads a hostile dump of 100,000
// "References" headings each over a line of prose: no list qualifies, and
// each heading once cost a scan of every line below it.
func BenchmarkSplitReferencesHeadings(b *testing.B) {
	var lines []string
	for range 100000 {
		lines = append(lines, "References", "some prose line here that is text")
	}
	for b.Loop() {
		if body, _ := splitReferences(lines); len(body) != len(lines) {
			b.Fatal("cut")
		}
	}
}
