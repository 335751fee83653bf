// Package dumpeval trains and scores the scraped-dump extractor of package
// ingest on the text-dumps corpus (pages rendered by lynx, lynx -list, w3m,
// links and html2text, each with its expected body and title). Its metric is
// the corpus's score.py reimplemented: 4-gram shingles of \w+ tokens.
package dumpeval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Renderers are the dump files of each page, in table order.
var Renderers = []string{"lynx", "lynx-refs", "w3m", "html2text", "links"}

// Copy is the dump of an extra page that no text browser rendered: its
// text as a browser's select-all copy gives it (cmd/dumpsilver -copy),
// unwrapped and without markers. A page has either the five renderers'
// dumps or this one.
const Copy = "copy"

// Markdown is the dump of an extra page as an HTML-to-Markdown converter
// gives it (cmd/dumpsilver -markdown): a page has the five renderers'
// dumps, or one of Copy and Markdown.
const Markdown = "markdown"

// OwnDumps are the dumps made without a text browser; a page has one of
// them alone.
var OwnDumps = []string{Copy, Markdown}

// AllRenderers are the dumps a page may have, in table order.
var AllRenderers = append(Renderers[:len(Renderers):len(Renderers)], OwnDumps...)

// PageRenderers are the dumps page p has, in table order.
func PageRenderers(p Page) []string {
	var out []string
	for _, r := range AllRenderers {
		if _, ok := p.Dumps[r]; ok {
			out = append(out, r)
		}
	}
	return out
}

// Page is one corpus page with its dumps and expected output.
type Page struct {
	Name  string
	Gold  string
	Title string
	// HumanTitle is a hand-written title (cmd/dumpsilver's human_title,
	// from the comparison set), when the page has one.
	HumanTitle string
	Dumps      map[string]string // renderer -> dump text
}

// LoadFolders reads the pages of one or more folders, given as a
// comma-separated list (texttrain's and evaltext's -extra: the comparison
// set's pages and others beside them), in one list sorted by name, as Load
// of one folder holding them all would give. Two pages of one name are an
// error: which one a fold set was trained on would be unclear.
func LoadFolders(list string) ([]Page, error) {
	var out []Page
	for _, dir := range strings.Split(list, ",") {
		if dir = strings.TrimSpace(dir); dir == "" {
			continue
		}
		pages, err := Load(dir)
		if err != nil {
			return nil, err
		}
		out = append(out, pages...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no folders in %q", list)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name {
			return nil, fmt.Errorf("two pages named %q in %s", out[i].Name, list)
		}
	}
	return out, nil
}

// Load reads every page folder of dir that holds an expected.txt.
func Load(dir string) ([]Page, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read text-dumps corpus: %w", err)
	}
	var out []Page
	for _, e := range ents {
		pd := filepath.Join(dir, e.Name())
		gold, err := os.ReadFile(filepath.Join(pd, "expected.txt"))
		if err != nil {
			continue
		}
		p := Page{Name: e.Name(), Gold: string(gold), Dumps: map[string]string{}}
		if js, err := os.ReadFile(filepath.Join(pd, "expected.json")); err == nil {
			var meta struct {
				Title      *string `json:"title"`
				HumanTitle *string `json:"human_title"`
			}
			if err := json.Unmarshal(js, &meta); err != nil {
				return nil, fmt.Errorf("page %s: expected.json: %w", e.Name(), err)
			}
			if meta.Title != nil {
				p.Title = *meta.Title
			}
			if meta.HumanTitle != nil {
				p.HumanTitle = *meta.HumanTitle
			}
		}
		for _, own := range OwnDumps {
			if b, err := os.ReadFile(filepath.Join(pd, own+".txt")); err == nil {
				p.Dumps[own] = string(b)
			}
		}
		own := len(p.Dumps) > 0
		for _, r := range Renderers {
			b, err := os.ReadFile(filepath.Join(pd, r+".txt"))
			if err != nil {
				if own && r == Renderers[0] && errors.Is(err, fs.ErrNotExist) {
					break // a page of copied text or Markdown alone
				}
				return nil, fmt.Errorf("page %s: %w", e.Name(), err)
			}
			p.Dumps[r] = string(b)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	if len(out) == 0 {
		return nil, fmt.Errorf("no pages with expected.txt in %s", dir)
	}
	return out, nil
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingles returns the multiset of contiguous token 4-grams of text (a text
// of 1 to 3 tokens is one shingle of them all), as score.py does.
func shingles(text string) map[string]int {
	toks := wordRe.FindAllString(text, -1)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[fmt.Sprint(toks)]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[toks[i]+"\x00"+toks[i+1]+"\x00"+toks[i+2]+"\x00"+toks[i+3]]++
	}
	return m
}

// PRF returns score.py's precision, recall and F1 of pred against gold.
func PRF(pred, gold string) (p, r, f float64) {
	ps, gs := shingles(pred), shingles(gold)
	common, np, ng := 0, 0, 0
	for k, v := range ps {
		np += v
		common += min(v, gs[k])
	}
	for _, v := range gs {
		ng += v
	}
	if np > 0 {
		p = float64(common) / float64(np)
	}
	if ng > 0 {
		r = float64(common) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// NearEmpty reports a predicted body with fewer than a tenth of the expected
// body's tokens (and fewer than 20).
func NearEmpty(pred, gold string) bool {
	n, g := len(wordRe.FindAllString(pred, -1)), len(wordRe.FindAllString(gold, -1))
	return n < 20 && n*10 < g || n == 0
}

// TitleRight reports whether the extracted title is the expected one, in
// full or with the site's name cut off (ingest.TitleMatches); TitleExact
// whether it has exactly the expected title's words.
func TitleRight(got, want string) bool { return want != "" && ingest.TitleMatches(got, want) }

// TitleExact reports whether got has the same words as want.
func TitleExact(got, want string) bool {
	return want != "" && ingest.NormTitle(got) == ingest.NormTitle(want)
}
