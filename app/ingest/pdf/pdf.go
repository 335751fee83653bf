// Package pdf turns a PDF with a text layer (a clipping, an e-paper page, a
// saved article) into one ingest.Article: the title from the document's
// metadata or its first large line, the text in reading order (columns
// read one after the other, a headline spanning them first), words cut by
// end-of-line hyphenation rejoined, and page furniture — running headers
// and footers repeated across pages, page numbers — removed.
//
// Glyph positions come from github.com/ledongthuc/pdf (pure Go, BSD); the
// layout analysis is here. A PDF without text (a scan) is an error wrapping
// ErrNoText. Input is bounded by MaxSize, MaxPages and MaxGlyphs.
//
// The package is pure: no database, no network, no globals.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Limits on untrusted input.
const (
	MaxSize   = 256 << 20
	MaxPages  = 1000
	MaxGlyphs = 4_000_000
)

// Errors, to be matched with errors.Is.
var (
	// ErrNoText means the PDF has pages but no text layer.
	ErrNoText = errors.New("no text layer: OCR it first")
	// ErrMalformed means the file is not a PDF the reader can parse.
	ErrMalformed = errors.New("malformed PDF")
	// ErrTooLarge means the file passes one of the limits.
	ErrTooLarge = errors.New("PDF too large")
)

// ParseFile reads the PDF at path as one article.
func ParseFile(path string) (ingest.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return ingest.Article{}, fmt.Errorf("read PDF: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return ingest.Article{}, fmt.Errorf("read PDF %s: %w", path, err)
	}
	a, err := Parse(f, st.Size())
	if err != nil {
		return a, fmt.Errorf("read PDF %s: %w", path, err)
	}
	return a, nil
}

// Parse reads a PDF of size bytes as one article. Body paragraphs are
// separated by a blank line; Title comes from the metadata /Title when it
// is a real title, else from the largest line at the top of page 1, which
// is then Headline too and left out of the body. Byline is the /Author.
func Parse(r io.ReaderAt, size int64) (art ingest.Article, err error) {
	if size > MaxSize {
		return art, fmt.Errorf("%d bytes, limit %d: %w", size, MaxSize, ErrTooLarge)
	}
	defer func() { // the reader panics on some broken files
		if p := recover(); p != nil {
			art, err = ingest.Article{}, fmt.Errorf("%v: %w", p, ErrMalformed)
		}
	}()
	doc, err := lpdf.NewReader(r, size)
	if err != nil {
		return art, fmt.Errorf("%v: %w", err, ErrMalformed)
	}
	n := doc.NumPage()
	if n > MaxPages {
		return art, fmt.Errorf("%d pages, limit %d: %w", n, MaxPages, ErrTooLarge)
	}
	if n == 0 {
		return art, fmt.Errorf("no pages: %w", ErrMalformed)
	}
	pages := make([]page, 0, n)
	glyphs := 0
	for i := 1; i <= n; i++ {
		p := doc.Page(i)
		if p.V.IsNull() {
			continue
		}
		gs := pageGlyphs(p, MaxGlyphs-glyphs+1)
		if glyphs += len(gs); glyphs > MaxGlyphs {
			return art, fmt.Errorf("over %d glyphs: %w", MaxGlyphs, ErrTooLarge)
		}
		pages = append(pages, newPage(gs))
	}
	lay := layout(pages)
	if lay.empty() {
		return art, ErrNoText
	}
	info := doc.Trailer().Key("Info")
	art.Headline = lay.headline
	art.Title = metaTitle(info.Key("Title").Text())
	if art.Title == "" || art.Title == art.Headline {
		art.Title, art.Headline = lay.headline, ""
	}
	art.Byline = strings.TrimSpace(info.Key("Author").Text())
	art.Body = lay.body()
	if art.Body == "" {
		return art, ErrNoText
	}
	return art, nil
}

// metaTitle keeps a metadata title unless it is a placeholder or a file
// name left by the producing program.
func metaTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	low := strings.ToLower(t)
	for _, junk := range []string{"untitled", "microsoft word - ", "document", "title"} {
		if low == junk || strings.HasPrefix(low, "microsoft word - ") {
			return ""
		}
	}
	for _, ext := range []string{".doc", ".docx", ".pdf", ".indd", ".qxd", ".txt", ".ps", ".dvi"} {
		if strings.HasSuffix(low, ext) {
			return ""
		}
	}
	return t
}
