package htmlpage

import (
	"encoding/json"
	"strings"
)

// ldArticle is what is kept of one JSON-LD object.
type ldArticle struct {
	Type          string
	Headline      string
	DatePublished string
	Author        string
	Publisher     string
}

// articleTypes are the schema.org types describing a story, best first.
var articleTypes = []string{
	"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
	"article", "blogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
	"webpage",
}

// maxLDDepth bounds the recursion into nested JSON-LD values.
const maxLDDepth = 8

// parseJSONLD decodes one <script type="application/ld+json"> body and
// returns the objects it holds (top level, arrays and @graph).
func parseJSONLD(src string) []ldArticle {
	src = strings.TrimSpace(src)
	for _, wrap := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		src = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src, wrap[0]), wrap[1]))
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return nil
	}
	var out []ldArticle
	collectLD(v, 0, &out)
	return out
}

func collectLD(v any, depth int, out *[]ldArticle) {
	if depth > maxLDDepth {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectLD(e, depth+1, out)
		}
	case map[string]any:
		if g, ok := t["@graph"]; ok {
			collectLD(g, depth+1, out)
		}
		typ := ldType(t["@type"])
		if typ == "" {
			if isSiteType(t["@type"]) {
				*out = append(*out, ldArticle{Type: "site", Publisher: ldString(t["name"])})
			}
			return
		}
		*out = append(*out, ldArticle{
			Type:          typ,
			Headline:      first(ldString(t["headline"]), ldString(t["name"])),
			DatePublished: ldString(t["datePublished"]),
			Author:        ldNames(t["author"], 0),
			Publisher:     ldNames(t["publisher"], 0),
		})
	}
}

// bestLD picks the object of the most story-like type.
func bestLD(objs []ldArticle) ldArticle {
	for _, want := range articleTypes {
		for _, o := range objs {
			if o.Type == want {
				return o
			}
		}
	}
	return ldArticle{}
}

// siteTypes are the schema.org types whose name is the site's.
var siteTypes = []string{"website", "organization", "newsmediaorganization", "corporation"}

// typeNames returns the strings of an @type value (a string or a list).
func typeNames(v any) []string {
	var types []string
	switch t := v.(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	return types
}

// isSiteType reports an @type value naming a site or its owner.
func isSiteType(v any) bool {
	for _, s := range typeNames(v) {
		s = strings.ToLower(s[strings.LastIndexByte(s, '/')+1:])
		for _, want := range siteTypes {
			if s == want {
				return true
			}
		}
	}
	return false
}

// ldType returns the first recognised article type of an @type value
// (a string or a list of strings), lower-cased.
func ldType(v any) string {
	types := typeNames(v)
	for _, want := range articleTypes {
		for _, s := range types {
			if strings.EqualFold(strings.TrimPrefix(s, "http://schema.org/"), want) ||
				strings.EqualFold(strings.TrimPrefix(s, "https://schema.org/"), want) {
				return want
			}
		}
	}
	return ""
}

func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return collapseSpaces(t)
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	}
	return ""
}

// ldNames turns an author or publisher value (a name, a Person or
// Organization object, or a list of those) into "A, B".
func ldNames(v any, depth int) string {
	if depth > maxLDDepth {
		return ""
	}
	switch t := v.(type) {
	case string:
		if looksLikeURL(t) {
			return ""
		}
		return collapseSpaces(t)
	case map[string]any:
		return ldString(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if n := ldNames(e, depth+1); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
