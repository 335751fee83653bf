package opml

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		file  string
		title string
		want  []Subscription
	}{
		{"nested.opml", "Research feeds", []Subscription{
			{Title: "Coast Courier", XMLURL: "https://courier.example/feed.xml", HTMLURL: "https://courier.example/", Type: "rss", Folder: []string{"News", "Local"}},
			{Title: "Valley Gazette", XMLURL: "https://gazette.example/rss", Type: "rss", Folder: []string{"News", "Local"}, Categories: []string{"/Regional", "weekly"}},
			{Title: "World Desk & Co", XMLURL: "https://world.example/atom.xml?lang=en&section=all", Type: "rss", Folder: []string{"News"}},
			{Title: "Top-level blog", XMLURL: "http://blog.example/index.rss", HTMLURL: "http://blog.example/", Type: "rss", Folder: []string{}},
		}},
		{"v1-latin1.opml", "Abonnements", []Subscription{
			{Title: "Le Républicain", XMLURL: "https://republicain.example/rss.xml", HTMLURL: "https://republicain.example", Type: "rss", Folder: []string{"Presse régionale"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := parseFile(t, tt.file)
			if doc.Title != tt.title {
				t.Errorf("title = %q, want %q", doc.Title, tt.title)
			}
			if len(doc.Subscriptions) != len(tt.want) {
				t.Fatalf("got %d subscriptions, want %d: %+v", len(doc.Subscriptions), len(tt.want), doc.Subscriptions)
			}
			for i, w := range tt.want {
				g := doc.Subscriptions[i]
				if len(g.Folder) == 0 && len(w.Folder) == 0 {
					g.Folder, w.Folder = nil, nil
				}
				if !reflect.DeepEqual(g, w) {
					t.Errorf("subscription %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	for _, file := range []string{"nested.opml", "v1-latin1.opml"} {
		t.Run(file, func(t *testing.T) {
			doc := parseFile(t, file)
			var buf bytes.Buffer
			if err := Write(&buf, doc, time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			back, err := Parse(&buf)
			if err != nil {
				t.Fatalf("reparse: %v\n%s", err, buf.String())
			}
			if !equalDocs(doc, back) {
				t.Errorf("round trip differs:\n%+v\n%+v", doc, back)
			}
		})
	}
}

func TestWriteGolden(t *testing.T) {
	doc := parseFile(t, "nested.opml")
	var buf bytes.Buffer
	if err := Write(&buf, doc, time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "nested.golden.opml")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Write output differs from %s (run with -update):\n%s", golden, buf.String())
	}
}

func TestMalformed(t *testing.T) {
	deep := "<opml><body>" + strings.Repeat("<outline text='x'>", MaxDepth+5) + strings.Repeat("</outline>", MaxDepth+5) + "</body></opml>"
	tests := []struct {
		name, input, msg string
	}{
		{"doctype with entities", read(t, "doctype.opml"), "DTD not allowed"},
		{"unclosed outline", read(t, "unclosed.opml"), "line 5"},
		{"rss not opml", read(t, "rss.opml"), "not <opml>"},
		{"empty", "", "no <opml> root"},
		{"undefined entity", `<opml><head><title>&bogus;</title></head></opml>`, "entity"},
		{"too deep", deep, "nested deeper"},
		{"too big", "<opml><body>" + strings.Repeat(" ", MaxSize) + "</body></opml>", "larger than"},
		{"binary", "\x00\x01\x02PK", "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input))
			if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want ErrMalformed mentioning %q", err, tt.msg)
			}
		})
	}
}

func TestWriteRejectsMissingURL(t *testing.T) {
	err := Write(&bytes.Buffer{}, Document{Subscriptions: []Subscription{{Title: "x"}}}, time.Time{})
	if err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("err = %v", err)
	}
}

func parseFile(t testing.TB, name string) Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}

func read(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// equalDocs compares documents treating nil and empty slices alike.
func equalDocs(a, b Document) bool {
	if a.Title != b.Title || len(a.Subscriptions) != len(b.Subscriptions) {
		return false
	}
	for i := range a.Subscriptions {
		x, y := a.Subscriptions[i], b.Subscriptions[i]
		if x.Title != y.Title || x.XMLURL != y.XMLURL || x.HTMLURL != y.HTMLURL || x.Type != y.Type ||
			strings.Join(x.Folder, "\x00") != strings.Join(y.Folder, "\x00") || len(x.Folder) != len(y.Folder) ||
			strings.Join(x.Categories, "\x00") != strings.Join(y.Categories, "\x00") || len(x.Categories) != len(y.Categories) {
			return false
		}
	}
	return true
}
