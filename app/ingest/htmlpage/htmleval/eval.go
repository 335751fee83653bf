// Package htmleval scores htmlpage.Parse against a corpus of saved pages
// with expected extractions (Mozilla readability's test pages layout: one
// folder per page holding source.html, expected.html and
// expected-metadata.json). The scoring rules are described in
// docs/extraction.md.
package htmleval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// Expected is the part of expected-metadata.json that is scored.
type Expected struct {
	Title         string `json:"title"`
	Byline        string `json:"byline"`
	Lang          string `json:"lang"`
	SiteName      string `json:"siteName"`
	PublishedTime string `json:"publishedTime"`
}

// Page is the score of one page.
type Page struct {
	Name              string
	Err               error // Parse's error, if any
	Precision, Recall float64
	F1                float64 // body token F1 (0 when Err != nil)
	TitleOK, BylineOK bool
	// TitleCut: our title is the expected one or it with the site's part
	// cut off (ingest.TitleMatches, the text-dumps corpus's rule).
	TitleCut             bool
	DateOK, LangOK       bool
	Want                 Expected
	GotTitle, GotByline  string
	GotDate, GotLanguage string
	// Bodies scores each extractor's body (by htmlpage.Extractor; Vote is
	// Parse's body, the one F1 above scores).
	Bodies [htmlpage.Distiller + 1]Body

	x        *htmlpage.Extraction // kept for re-voting (CrossValidate)
	wantBag  []string             // expected tokens (html-pages)
	wantDump []string             // expected tokens of text-dumps/NAME/expected.txt, nil if none
}

// Body is the score of one extractor's body on one page: the bag-of-tokens
// F1 against expected.html and, when the page is also in the text-dumps
// corpus, the 4-gram shingle F1 against its expected.txt.
type Body struct {
	F1, Shingle float64
	HasDump     bool
}

// Means are an extractor's mean scores over a corpus: Bag over all pages,
// Shingle over the DumpPages pages that are in text-dumps too.
type Means struct {
	Bag, Shingle float64
	Pages        int
	DumpPages    int
}

// Report is the score of a whole corpus.
type Report struct {
	Pages                        []Page
	MeanF1                       float64
	TitleAcc, BylineAcc, DateAcc float64
	// TitleCutAcc: titles right by ingest.TitleMatches; DumpTitle and
	// DumpTitleCut: the two title accuracies over the pages that are in
	// text-dumps too (its expected titles are these pages').
	TitleCutAcc, DumpTitle, DumpTitleCut float64
	// BylineSet and DateSet are the accuracies over the pages whose
	// expected value is not empty.
	BylineSet, DateSet float64
	// LangSet is the language accuracy over the pages with an expected
	// language (primary subtag compared).
	LangSet float64
	Errors  int
	// ByExtractor are the mean body scores of each extractor (Vote: Parse).
	ByExtractor [htmlpage.Distiller + 1]Means
}

// Run scores every page folder under dir. Pages that are also in the
// text-dumps corpus (a sibling folder of dir) are scored against its
// expected.txt too.
func Run(dir string) (Report, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Report{}, fmt.Errorf("read corpus %s: %w", dir, err)
	}
	var r Report
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p, err := ScorePage(filepath.Join(dir, e.Name()), filepath.Join(filepath.Dir(dir), "text-dumps", e.Name(), "expected.txt"))
		if err != nil {
			return r, err
		}
		r.Pages = append(r.Pages, p)
	}
	sort.Slice(r.Pages, func(i, j int) bool { return r.Pages[i].Name < r.Pages[j].Name })
	r.summarise()
	return r, nil
}

func (r *Report) summarise() {
	n := float64(len(r.Pages))
	if n == 0 {
		return
	}
	var f1, title, byline, date, bylineN, bylineOK, dateN, dateOK, langN, langOK float64
	var titleCut, dumpN, dumpTitle, dumpTitleCut float64
	for _, p := range r.Pages {
		titleCut += b2f(p.TitleCut)
		if p.wantDump != nil {
			dumpN++
			dumpTitle += b2f(p.TitleOK)
			dumpTitleCut += b2f(p.TitleCut)
		}
		if p.Err != nil {
			r.Errors++
		}
		f1 += p.F1
		title += b2f(p.TitleOK)
		byline += b2f(p.BylineOK)
		date += b2f(p.DateOK)
		if p.Want.Byline != "" {
			bylineN++
			bylineOK += b2f(p.BylineOK)
		}
		if p.Want.Lang != "" {
			langN++
			langOK += b2f(p.LangOK)
		}
		if p.Want.PublishedTime != "" {
			dateN++
			dateOK += b2f(p.DateOK)
		}
	}
	r.MeanF1, r.TitleAcc, r.BylineAcc, r.DateAcc = f1/n, title/n, byline/n, date/n
	for ex := range r.ByExtractor {
		bodies := make([]Body, 0, len(r.Pages))
		for _, p := range r.Pages {
			bodies = append(bodies, p.Bodies[ex])
		}
		r.ByExtractor[ex] = means(bodies)
	}
	r.BylineSet, r.DateSet = bylineOK/max(bylineN, 1), dateOK/max(dateN, 1)
	r.TitleCutAcc, r.DumpTitle, r.DumpTitleCut = titleCut/n, dumpTitle/max(dumpN, 1), dumpTitleCut/max(dumpN, 1)
	r.LangSet = langOK / max(langN, 1)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// ScorePage parses one page folder and compares the result with its
// expected files, and each extractor's body with dumpExpected (the
// text-dumps corpus's expected.txt of the page) when that file exists. The
// returned error is about reading the corpus; Parse's own error is
// recorded in Page.Err.
func ScorePage(dir, dumpExpected string) (Page, error) {
	p := Page{Name: filepath.Base(dir)}
	src, err := os.ReadFile(filepath.Join(dir, "source.html"))
	if err != nil {
		return p, fmt.Errorf("read page: %w", err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "expected.html"))
	if err != nil {
		return p, fmt.Errorf("read expected text: %w", err)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
	if err != nil {
		return p, fmt.Errorf("read expected metadata: %w", err)
	}
	if err := json.Unmarshal(meta, &p.Want); err != nil {
		return p, fmt.Errorf("decode %s metadata: %w", p.Name, err)
	}
	p.wantBag = Tokens(ExpectedText(want))
	if dump, err := os.ReadFile(dumpExpected); err == nil {
		p.wantDump = ShingleTokens(string(dump))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return p, fmt.Errorf("read text-dumps expected body: %w", err)
	}
	var a ingest.Article
	p.x, p.Err = htmlpage.Extract(src, "http://fakehost/test/page.html", "")
	if p.Err == nil {
		a, p.Err = p.x.Article(htmlpage.Vote)
	}
	p.GotTitle, p.GotByline, p.GotDate, p.GotLanguage = a.Title, a.Byline, a.Published, a.Language
	p.Precision, p.Recall, p.F1 = TokenF1(p.wantBag, Tokens(a.Body))
	p.TitleOK = SameTitle(p.Want.Title, a.Title)
	p.TitleCut = p.TitleOK || ingest.TitleMatches(a.Title, p.Want.Title)
	p.BylineOK = SameByline(p.Want.Byline, a.Byline)
	p.DateOK = SameDate(p.Want.PublishedTime, a.Published)
	p.LangOK = SameLanguage(p.Want.Lang, a.Language)
	if p.x != nil {
		for ex := range p.Bodies {
			p.Bodies[ex] = p.score(p.x.Text(htmlpage.Extractor(ex)))
		}
	} else {
		for ex := range p.Bodies {
			p.Bodies[ex] = Body{HasDump: p.wantDump != nil} // an error scores 0
		}
	}
	return p, nil
}

// score scores one body of the page.
func (p Page) score(body string) Body {
	_, _, f1 := TokenF1(p.wantBag, Tokens(body))
	b := Body{F1: f1, HasDump: p.wantDump != nil}
	if b.HasDump {
		b.Shingle = ShingleF1(p.wantDump, ShingleTokens(body))
	}
	return b
}

func means(bodies []Body) Means {
	var m Means
	for _, b := range bodies {
		m.Pages++
		m.Bag += b.F1
		if b.HasDump {
			m.DumpPages++
			m.Shingle += b.Shingle
		}
	}
	m.Bag /= float64(max(m.Pages, 1))
	m.Shingle /= float64(max(m.DumpPages, 1))
	return m
}

// ExpectedText is the text content of an expected.html: all text nodes
// outside scripts and styles, with a space at each block element's
// boundaries (inline elements join their text as a browser would).
func ExpectedText(raw []byte) string {
	doc, err := html.Parse(strings.NewReader(string(raw)))
	if err != nil {
		return string(raw)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		block := n.Type == html.ElementNode && !inline[n.Data]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	walk(doc)
	return b.String()
}

// inline elements do not separate words.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "dfn": true, "em": true, "font": true, "i": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strong": true, "sub": true,
	"sup": true, "time": true, "u": true, "var": true, "strike": true, "tt": true, "big": true,
}

// Tokens splits text into lower-cased tokens: runs of letters, digits and
// combining marks, with each Han, kana or Hangul character a token alone.
func Tokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// TokenF1 compares two token bags (multisets) and returns precision,
// recall and F1 of got against want. Two empty bags score 1.
func TokenF1(want, got []string) (precision, recall, f1 float64) {
	if len(want) == 0 && len(got) == 0 {
		return 1, 1, 1
	}
	if len(want) == 0 || len(got) == 0 {
		return 0, 0, 0
	}
	bag := make(map[string]int, len(want))
	for _, t := range want {
		bag[t]++
	}
	common := 0
	for _, t := range got {
		if bag[t] > 0 {
			bag[t]--
			common++
		}
	}
	if common == 0 {
		return 0, 0, 0
	}
	precision = float64(common) / float64(len(got))
	recall = float64(common) / float64(len(want))
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func norm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// SameTitle: equal after whitespace collapsing and case folding.
func SameTitle(want, got string) bool { return norm(want) == norm(got) }

// SameLanguage: the same primary language subtag ("en-US" and "en_gb"
// agree), case folded; two empty languages agree.
func SameLanguage(want, got string) bool {
	primary := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		if i := strings.IndexAny(s, "-_"); i >= 0 {
			s = s[:i]
		}
		return s
	}
	return primary(want) == primary(got)
}

// SameByline: equal after whitespace collapsing, case folding and dropping
// a leading "by"; two empty bylines agree.
func SameByline(want, got string) bool {
	strip := func(s string) string {
		s = norm(s)
		s = strings.TrimPrefix(s, "by ")
		return strings.TrimSpace(strings.TrimPrefix(s, "by:"))
	}
	return strip(want) == strip(got)
}

// SameDate: both absent, or the same calendar day and, when both carry a
// time of day, the same hour and minute as written (offsets are not
// converted: both sides keep the source's local time).
func SameDate(want, got string) bool {
	w := htmlpage.NormalizeDate(want)
	if want != "" && w == "" {
		w = want
	}
	if w == "" || got == "" {
		return w == got
	}
	if len(w) < 10 || len(got) < 10 || w[:10] != got[:10] {
		return false
	}
	if len(w) >= 16 && len(got) >= 16 {
		return w[11:16] == got[11:16]
	}
	return true
}
