package htmlpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// pageMeta is the metadata found in a page's head and structured data.
type pageMeta struct {
	Title     string // <title>
	OGTitle   string // og:title / twitter:title
	Headline  string // JSON-LD headline
	Byline    string
	SiteName  string
	Lang      string
	Canonical string
	Published string // raw published date as written, best source first
	// Evidence for cutting the site's name off the title (title.go).
	Names []string // JSON-LD publisher/WebSite/Organization names, application-name
	Marks []string // copyright holders, home-link texts, logo alt texts
	H1s   []string
}

// maxMarks bounds each list of title evidence gathered from the page.
const maxMarks = 4

// dateKeys are <meta> names/properties carrying the publication date, best first.
var dateKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dcterms.issued", "dc.date", "dcterms.created", "dc.date.created",
	"publish-date", "publish_date", "publishdate", "pubdate", "date", "article.published",
}

// authorKeys are <meta> names/properties carrying the author, best first.
var authorKeys = []string{"author", "article:author", "parsely-author", "dc.creator", "dcterms.creator", "sailthru.author", "byl"}

// extractMeta walks the document once and gathers its metadata.
func extractMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var timeDate string
	var ld []ldArticle
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if m.Lang == "" {
					m.Lang = strings.TrimSpace(attr(n, "lang"))
				}
			case "title":
				if m.Title == "" {
					m.Title = collapseSpaces(nodeText(n))
				}
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					content = strings.TrimSpace(attr(n, "datetime"))
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
						if _, seen := metas[key]; !seen && content != "" {
							metas[key] = content
						}
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.Canonical == "" {
					m.Canonical = resolve(base, attr(n, "href"))
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					ld = append(ld, parseJSONLD(nodeText(n))...)
				}
			case "h1":
				if len(m.H1s) < maxMarks {
					if t := collapseSpaces(nodeText(n)); t != "" && len(t) <= 4*maxTitleRunes {
						m.H1s = append(m.H1s, t)
					}
				}
			case "a":
				if len(m.Marks) < 2*maxMarks && isHomeLink(attr(n, "href"), base) {
					m.Marks = appendMark(m.Marks, first(collapseSpaces(nodeText(n)), attr(n, "title"), childAlt(n)))
				}
			case "img":
				if len(m.Marks) < 2*maxMarks && strings.Contains(strings.ToLower(attr(n, "class")+" "+attr(n, "id")+" "+attr(n, "src")), "logo") {
					m.Marks = appendMark(m.Marks, attr(n, "alt"))
				}
			case "time":
				if timeDate == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					timeDate = strings.TrimSpace(attr(n, "datetime"))
				}
			}
		}
		if n.Type == html.TextNode && len(m.Marks) < 2*maxMarks {
			if h := ingest.CopyrightHolder(n.Data); h != "" {
				m.Marks = appendMark(m.Marks, h)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	a := bestLD(ld)
	for _, o := range ld {
		if o.Publisher != "" && len(m.Names) < 2*maxMarks {
			m.Names = append(m.Names, o.Publisher)
		}
	}
	for _, k := range []string{"og:site_name", "application-name", "apple-mobile-web-app-title"} {
		if v := metas[k]; v != "" {
			m.Names = append(m.Names, collapseSpaces(v))
		}
	}
	m.Headline = collapseSpaces(a.Headline)
	m.OGTitle = first(metas["og:title"], metas["twitter:title"], metas["dc.title"])
	m.SiteName = first(metas["og:site_name"], a.Publisher, metas["application-name"])
	m.Byline = first(a.Author, pickAuthor(metas))
	if m.Lang == "" {
		m.Lang = first(metas["content-language"], strings.ReplaceAll(metas["og:locale"], "_", "-"))
	}
	if m.Canonical == "" && metas["og:url"] != "" {
		m.Canonical = resolve(base, metas["og:url"])
	}
	// JSON-LD first, as readability does: sites fill it from the story's
	// record, while article:published_time is sometimes the last update.
	m.Published = a.DatePublished
	for _, k := range dateKeys {
		if v := metas[k]; v != "" && m.Published == "" && NormalizeDate(v) != "" {
			m.Published = v
		}
	}
	m.Published = first(m.Published, timeDate)
	return m
}

func pickAuthor(metas map[string]string) string {
	for _, k := range authorKeys {
		v := metas[k]
		if v == "" || looksLikeURL(v) {
			continue
		}
		return collapseSpaces(v)
	}
	return ""
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// nodeText is the concatenated text of all text nodes under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
