package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func mustParse(tb testing.TB, s string) *html.Node {
	tb.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}
