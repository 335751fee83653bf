package opml

import (
	"bytes"
	"flag"
	"sort"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// FuzzParse checks that any input parses or fails without panic, and that
// whatever parses survives a Write/Parse round trip.
func FuzzParse(f *testing.F) {
	for _, n := range []string{"nested.opml", "v1-latin1.opml", "doctype.opml", "unclosed.opml"} {
		f.Add(read(f, n))
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, doc, time.Time{}); err != nil {
			return // a subscription the writer cannot express (e.g. no URL)
		}
		back, err := Parse(&buf)
		if err != nil {
			t.Fatalf("reparse of written OPML: %v\n%s", err, buf.String())
		}
		if !equalDocs(canonical(doc), canonical(back)) {
			t.Fatalf("round trip differs:\n%+v\n%+v", doc, back)
		}
	})
}

// canonical is doc with its subscriptions sorted: Write regroups them by
// folder, so only the set is kept by a round trip.
func canonical(doc Document) Document {
	subs := append([]Subscription(nil), doc.Subscriptions...)
	key := func(s Subscription) string {
		return strings.Join(append(append([]string{s.XMLURL, s.Title, s.HTMLURL, s.Type}, s.Folder...), s.Categories...), "\x00")
	}
	sort.SliceStable(subs, func(i, j int) bool { return key(subs[i]) < key(subs[j]) })
	doc.Subscriptions = subs
	return doc
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>big</title></head><body>`)
	for i := 0; i < 50; i++ {
		sb.WriteString(`<outline text="folder">`)
		for j := 0; j < 20; j++ {
			sb.WriteString(`<outline type="rss" text="Feed" xmlUrl="https://example.com/feed.xml" htmlUrl="https://example.com/"/>`)
		}
		sb.WriteString(`</outline>`)
	}
	sb.WriteString(`</body></opml>`)
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(strings.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}
