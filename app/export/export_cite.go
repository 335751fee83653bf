package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// citation is what every citation format says of an article.
type citation struct {
	id               int64
	title, source    string
	url, language    string
	authors          []string
	year, month, day int // 0 when unknown
	accessed         [3]int
	tags             []string
	provenance       []string // where it came from, for the RIS note
}

var isoDateRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)

// splitDate reads year, month and day from the start of an ISO date.
func splitDate(s string) (y, m, d int) {
	p := isoDateRe.FindStringSubmatch(s)
	if p == nil {
		return 0, 0, 0
	}
	y, _ = strconv.Atoi(p[1])
	m, _ = strconv.Atoi(p[2])
	d, _ = strconv.Atoi(p[3])
	return y, m, d
}

var bylinePrefixRe = regexp.MustCompile(`(?i)^\s*(by|von|par|por|di|door)\s+`)

// authorsOf splits a byline into author names: "By A, B and C" gives A, B
// and C.
func authorsOf(byline string) []string {
	b := bylinePrefixRe.ReplaceAllString(strings.TrimSpace(byline), "")
	if b == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(b, " and ", ", "), ",") {
		if n := strings.TrimSpace(part); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func citationOf(r *store.ArticleRecord) citation {
	a := r.Article
	c := citation{id: a.ID, title: a.Title, source: a.Source, url: a.URL, language: a.Language,
		authors: authorsOf(a.Byline), tags: r.Tags}
	if c.title == "" {
		c.title = a.Headline
	}
	for _, p := range r.Provenance {
		c.provenance = append(c.provenance, p.String())
	}
	c.year, c.month, c.day = splitDate(a.Published)
	at := a.ImportedAt.UTC()
	c.accessed = [3]int{at.Year(), int(at.Month()), at.Day()}
	return c
}

// writeCitations writes the scope's articles as newspaper-article citations.
func (a *Exporter) writeCitations(ctx context.Context, w io.Writer, sc store.ExportScope, f Format, p *progress) error {
	first := true
	if f == FormatCSLJSON {
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
	}
	err := a.st.ExportArticles(ctx, sc, store.ExportParts{Tags: true, Provenance: true}, func(r *store.ArticleRecord) error {
		c := citationOf(r)
		var err error
		switch f {
		case FormatRIS:
			err = writeRIS(w, c)
		case FormatBibTeX:
			err = writeBibTeX(w, c, first)
		default:
			err = writeCSL(w, c, first)
		}
		first = false
		p.article()
		return err
	})
	if err != nil {
		return err
	}
	if f == FormatCSLJSON {
		_, err = io.WriteString(w, "\n]\n")
	}
	return err
}

// writeRIS writes one RIS record of type NEWS.
func writeRIS(w io.Writer, c citation) error {
	var b strings.Builder
	tag := func(t, v string) {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
		}
	}
	tag("TY", "NEWS")
	tag("TI", c.title)
	for _, au := range c.authors {
		tag("AU", au)
	}
	if c.year != 0 {
		tag("PY", strconv.Itoa(c.year))
		tag("DA", risDate(c.year, c.month, c.day))
	}
	tag("T2", c.source)
	tag("UR", c.url)
	tag("LA", c.language)
	tag("Y2", risDate(c.accessed[0], c.accessed[1], c.accessed[2]))
	for _, t := range c.tags {
		tag("KW", t)
	}
	for _, pv := range c.provenance {
		tag("N1", "Provenance: "+pv)
	}
	tag("ID", "newsarchive-"+strconv.FormatInt(c.id, 10))
	b.WriteString("ER  - \r\n\r\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// risDate renders YYYY/MM/DD/ with the parts known.
func risDate(y, m, d int) string {
	s := fmt.Sprintf("%04d/", y)
	if m > 0 {
		s += fmt.Sprintf("%02d/", m)
		if d > 0 {
			s += fmt.Sprintf("%02d/", d)
		}
	} else {
		s += "/"
	}
	return s
}

// bibValue escapes text for a BibTeX field.
func bibValue(s string) string { return safetext.BibTeX(s) }

// bibKey makes a citation key: the first word of the title, the year and
// the article id, in ASCII letters and digits.
func bibKey(c citation) string {
	word := ""
	for _, f := range strings.Fields(c.title) {
		f = strings.Map(func(r rune) rune {
			if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return unicode.ToLower(r)
			}
			return -1
		}, f)
		if len(f) > 2 {
			word = f
			break
		}
	}
	if word == "" {
		word = "article"
	}
	if c.year != 0 {
		word += strconv.Itoa(c.year)
	}
	return word + "-" + strconv.FormatInt(c.id, 10)
}

// writeBibTeX writes one entry: @article with the source as journal when
// the source is known, else @misc with howpublished.
func writeBibTeX(w io.Writer, c citation, first bool) error {
	var b strings.Builder
	if !first {
		b.WriteString("\n")
	}
	kind := "misc"
	if c.source != "" {
		kind = "article"
	}
	fmt.Fprintf(&b, "@%s{%s,\n", kind, bibKey(c))
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", k, v)
		}
	}
	field("title", "{"+bibValue(c.title)+"}")
	if len(c.authors) > 0 {
		as := make([]string, len(c.authors))
		for i, au := range c.authors {
			as[i] = "{" + bibValue(au) + "}" // kept whole: bylines are not always "First Last"
		}
		field("author", strings.Join(as, " and "))
	}
	if kind == "article" {
		field("journal", bibValue(c.source))
	} else if u := safetext.BibTeXURL(c.url); u != "" {
		field("howpublished", `\url{`+u+`}`)
	}
	if c.year != 0 {
		field("year", strconv.Itoa(c.year))
		if c.month > 0 {
			field("month", strconv.Itoa(c.month))
		}
		field("date", strings.ReplaceAll(strings.TrimSuffix(risDate(c.year, c.month, c.day), "/"), "/", "-"))
	}
	field("url", safetext.BibTeXURL(c.url))
	field("urldate", fmt.Sprintf("%04d-%02d-%02d", c.accessed[0], c.accessed[1], c.accessed[2]))
	field("language", bibValue(c.language))
	if len(c.tags) > 0 {
		field("keywords", bibValue(strings.Join(c.tags, ", ")))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

type cslName struct {
	Literal string `json:"literal"`
}

type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Author         []cslName `json:"author,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	Accessed       *cslDate  `json:"accessed,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Language       string    `json:"language,omitempty"`
	Keyword        string    `json:"keyword,omitempty"`
}

func datePartsOf(y, m, d int) *cslDate {
	if y == 0 {
		return nil
	}
	parts := []int{y}
	if m > 0 {
		parts = append(parts, m)
		if d > 0 {
			parts = append(parts, d)
		}
	}
	return &cslDate{DateParts: [][]int{parts}}
}

// writeCSL writes one CSL-JSON item of type article-newspaper, as an
// element of the array writeCitations opens.
func writeCSL(w io.Writer, c citation, first bool) error {
	it := cslItem{ID: "newsarchive-" + strconv.FormatInt(c.id, 10), Type: "article-newspaper", Title: c.title,
		ContainerTitle: c.source, Issued: datePartsOf(c.year, c.month, c.day),
		Accessed: datePartsOf(c.accessed[0], c.accessed[1], c.accessed[2]), URL: c.url, Language: c.language,
		Keyword: strings.Join(c.tags, ", ")}
	for _, au := range c.authors {
		it.Author = append(it.Author, cslName{Literal: au})
	}
	b, err := json.Marshal(it)
	if err != nil {
		return err
	}
	sep := ",\n"
	if first {
		sep = "\n"
	}
	_, err = io.WriteString(w, sep+string(b))
	return err
}
