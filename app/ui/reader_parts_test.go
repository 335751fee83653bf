package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/store"
)

// TestPartEnd cuts bodies into parts: the parts cover the body in order,
// none is longer than the size, and each ends where the case says.
func TestPartEnd(t *testing.T) {
	tests := []struct {
		name string
		body string
		size int
		ends string // what each part but the last must end with ("" for any)
	}{
		{"short", "One paragraph only.", 100, ""},
		{"paragraphs", strings.Repeat("A paragraph of words.\n\n", 50), 100, "\n\n"},
		{"lines", strings.Repeat("a line of words\n", 50), 100, "\n"},
		{"words", strings.Repeat("word ", 100), 64, " "},
		{"one long word of runes", strings.Repeat("é漢", 200), 100, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for lo := 0; lo < len(tt.body); {
				hi := partEnd(tt.body, lo, tt.size)
				if hi <= lo || hi-lo > tt.size {
					t.Fatalf("part at %d ends at %d (size %d)", lo, hi, tt.size)
				}
				parts = append(parts, tt.body[lo:hi])
				lo = hi
			}
			if strings.Join(parts, "") != tt.body {
				t.Fatal("the parts do not make up the body")
			}
			for i, p := range parts {
				if !utf8.ValidString(p) {
					t.Errorf("part %d cuts a character: %q", i, p)
				}
				if i < len(parts)-1 && !strings.HasSuffix(p, tt.ends) {
					t.Errorf("part %d ends %q, want it to end with %q", i, p[max(0, len(p)-8):], tt.ends)
				}
			}
			if len(tt.body) <= tt.size && len(parts) != 1 {
				t.Errorf("a body shorter than a part came in %d parts", len(parts))
			}
		})
	}
}

// hugeBody is a body of about n bytes of paragraphs, mentions of Ann Lee
// in each, and one of Zoe Quist, in the second part only.
func hugeBody(n int) (string, []store.Mention) {
	var b strings.Builder
	var ms []store.Mention
	mention := func(name, typ string, id int64) {
		ms = append(ms, store.Mention{Start: b.Len(), End: b.Len() + len(name), Name: name, Type: typ, EntityID: id})
		b.WriteString(name)
	}
	for i := 0; b.Len() < n; i++ {
		b.WriteString("In the morning ")
		if b.Len() > readerPart+readerPart/4 && b.Len() < readerPart+readerPart/2 && !strings.Contains(b.String()[readerPart:], "Zoe") {
			mention("Zoe Quist", store.TypePerson, 2)
		} else {
			mention("Ann Lee", store.TypePerson, 1)
		}
		b.WriteString(" told the council that the harbour would be dredged before the winter storms came in.\n\n")
	}
	return b.String(), ms
}

// TestReaderHugeBody opens a 20 MB article: the reader draws one part of
// it, so the canvas objects made stay bounded (one per laid-out line of the
// whole body would be hundreds of thousands); the entities of the whole
// body are listed; the next part shows its own mentions, and a passage
// selected in it is anchored in the whole body.
func TestReaderHugeBody(t *testing.T) {
	w, _ := openWindow(t)
	r := w.articles.reader
	count := func(body string, ms []store.Mention) int {
		r.apply(articleData{art: store.Article{ID: 1, Title: "Huge", Body: body}, mentions: ms})
		return len(test.LaidOutObjects(r.content()))
	}
	small := count("A short article about Ann Lee.", nil)
	body, ms := hugeBody(20 << 20)
	huge := count(body, ms)
	// A part is some 600 paragraphs at this width: a few objects a line.
	t.Logf("canvas objects: %d for a short article, %d for 20 MB", small, huge)
	if limit := small + readerPart/8; huge > limit {
		t.Errorf("a 20 MB body made %d canvas objects (a short one %d), want at most %d", huge, small, limit)
	}
	if got := highlighted(r.entities); got["Zoe Quist"] != store.TypePerson || got["Ann Lee"] != store.TypePerson {
		t.Errorf("entities above the body %v; want Ann Lee and Zoe Quist (of part 2)", got)
	}
	if _, ok := r.body.LinkPos("Zoe Quist"); ok {
		t.Error("part 1 draws Zoe Quist, who is mentioned in part 2")
	}
	if !r.parts.bar.Visible() || !r.parts.prev.Disabled() || r.parts.next.Disabled() {
		t.Errorf("part 1: bar shown %v, previous enabled %v, next enabled %v", r.parts.bar.Visible(),
			!r.parts.prev.Disabled(), !r.parts.next.Disabled())
	}
	test.Tap(r.parts.next)
	lo := r.parts.lo()
	if lo == 0 || r.hl.base != lo || r.hl.body != body[lo:r.parts.hi] {
		t.Fatalf("part 2 starts at %d; the highlight panel has %d bytes from %d", lo, len(r.hl.body), r.hl.base)
	}
	var zoe string
	for _, l := range r.body.DrawnLinks() {
		if l.Name == "Zoe Quist" {
			zoe = l.Text
		}
	}
	if zoe != "Zoe Quist" {
		t.Errorf("part 2 draws Zoe Quist as %q", zoe)
	}
	if got := len(test.LaidOutObjects(r.content())); got > small+readerPart/8 {
		t.Errorf("part 2 made %d canvas objects", got)
	}
	test.Tap(r.parts.prev)
	if r.parts.lo() != 0 || !r.parts.prev.Disabled() {
		t.Errorf("back at %d, previous enabled %v", r.parts.lo(), !r.parts.prev.Disabled())
	}
	count("A short article again.", nil)
	if r.parts.bar.Visible() {
		t.Error("a short article shows the parts bar")
	}
}

// BenchmarkReaderOpenHuge opens a 20 MB article in the reader.
func BenchmarkReaderOpenHuge(b *testing.B) {
	w, _ := openWindow(b)
	r := w.articles.reader
	body, ms := hugeBody(20 << 20)
	small := articleData{art: store.Article{ID: 1, Title: "Short", Body: "A short article."}}
	huge := articleData{art: store.Article{ID: 1, Title: "Huge", Body: body}, mentions: ms}
	for b.Loop() {
		r.apply(huge)
		r.apply(small) // a different body each time: nothing is kept
	}
}
