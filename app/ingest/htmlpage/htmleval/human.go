package htmleval

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// The human-reference benchmark is go-trafilatura's comparison set: about
// 980 pages from about 900 sites in many languages, each with snippets a
// person marked as article text ("With") and as boilerplate ("Without").
// Its entries live in the module's scripts/comparison/data.go, its pages
// in test-files/comparison (a few in test-files/mock), and its scoring in
// scripts/comparison/content.go, which ScoreSnippets ports
// (go-trafilatura, Apache-2.0, by Markus Mobius and contributors, after
// Adrien Barbaresi's trafilatura evaluation).

// TrafilaturaModule is the module that holds the benchmark.
const TrafilaturaModule = "github.com/markusmobius/go-trafilatura"

// HumanEntry is one page of the benchmark.
type HumanEntry struct {
	URL, File, Title string
	With, Without    []string
}

// TrafilaturaDir returns the directory of TrafilaturaModule in the module
// cache (`go list -m`, run in the current directory's module).
func TrafilaturaDir() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", TrafilaturaModule).Output()
	if err != nil {
		return "", fmt.Errorf("locate %s: %w", TrafilaturaModule, err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", fmt.Errorf("locate %s: not downloaded", TrafilaturaModule)
	}
	return dir, nil
}

// LoadHumanEntries reads the benchmark's entries from the Go source of
// data.go (the map literal comparisonData), sorted by URL. Fields other
// than File, Title, With and Without are ignored.
func LoadHumanEntries(dataGo string) ([]HumanEntry, error) {
	src, err := os.ReadFile(dataGo)
	if err != nil {
		return nil, fmt.Errorf("read benchmark entries: %w", err)
	}
	return ParseHumanEntries(dataGo, src)
}

// ParseHumanEntries is LoadHumanEntries on the source src of the file
// named dataGo.
func ParseHumanEntries(dataGo string, src []byte) ([]HumanEntry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), dataGo, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse benchmark entries: %w", err)
	}
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "comparisonData" && len(vs.Values) == 1 {
			lit, _ = vs.Values[0].(*ast.CompositeLit)
		}
		return lit == nil
	})
	if lit == nil {
		return nil, fmt.Errorf("parse benchmark entries %s: no comparisonData map literal", dataGo)
	}
	var out []HumanEntry
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("parse benchmark entries: element %d is not key: value", i)
		}
		e := HumanEntry{}
		if e.URL, err = stringLit(kv.Key); err != nil {
			return nil, fmt.Errorf("parse benchmark entry key: %w", err)
		}
		body, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return nil, fmt.Errorf("parse benchmark entry %s: value is not a literal", e.URL)
		}
		for _, fe := range body.Elts {
			fkv, ok := fe.(*ast.KeyValueExpr)
			if !ok {
				return nil, fmt.Errorf("parse benchmark entry %s: unkeyed field", e.URL)
			}
			name, _ := fkv.Key.(*ast.Ident)
			if name == nil {
				continue
			}
			switch name.Name {
			case "File":
				e.File, err = stringLit(fkv.Value)
			case "Title":
				e.Title, err = stringLit(fkv.Value)
			case "With":
				e.With, err = stringsLit(fkv.Value)
			case "Without":
				e.Without, err = stringsLit(fkv.Value)
			}
			if err != nil {
				return nil, fmt.Errorf("parse benchmark entry %s field %s: %w", e.URL, name.Name, err)
			}
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func stringLit(e ast.Expr) (string, error) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", fmt.Errorf("not a string literal")
	}
	return strconv.Unquote(bl.Value)
}

func stringsLit(e ast.Expr) ([]string, error) {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("not a slice literal")
	}
	out := make([]string, 0, len(cl.Elts))
	for _, x := range cl.Elts {
		s, err := stringLit(x)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Counts are the benchmark's confusion counts over snippets.
type Counts struct{ TP, FN, FP, TN int }

// ScoreSnippets is the benchmark's rule (content.go evaluateEntry): each
// With snippet found in text (byte-exact substring, no normalisation) is a
// true positive, else a false negative; each Without snippet found is a
// false positive, else a true negative.
func ScoreSnippets(e HumanEntry, text string) Counts {
	var c Counts
	for _, s := range e.With {
		if text != "" && strings.Contains(text, s) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range e.Without {
		if text != "" && strings.Contains(text, s) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

// Add returns the sum of two counts.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.TP + o.TP, c.FN + o.FN, c.FP + o.FP, c.TN + o.TN}
}

// Precision is TP/(TP+FP).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// Accuracy is (TP+TN)/all.
func (c Counts) Accuracy() float64 { return ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN) }

// F is 2TP/(2TP+FP+FN), the benchmark's F-score.
func (c Counts) F() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// HumanPage is one benchmark page as our extractors read it.
type HumanPage struct {
	Entry HumanEntry
	Site  string // registrable domain of the URL: the cross-validation's group
	Err   error  // Extract's error
	Title string // our title
	// TitleEv is the title before the site's name is cut off and the
	// evidence for the cut (CrossValidateCut tries other cuts on it).
	TitleEv htmlpage.TitleEvidence
	// Counts by htmlpage.Extractor (Vote: Parse's body, the learned line
	// decision of the embedded model, so in-sample), and VoteCounts the
	// 2-of-3 vote's (htmlpage.DefaultVote, nothing fitted).
	Counts     [htmlpage.Distiller + 1]Counts
	VoteCounts Counts

	ballots  *htmlpage.Ballots // nil: read by readability alone, or Err
	readText string            // readability's text
}

// Text is the page's body under the vote options opt.
func (p HumanPage) Text(opt htmlpage.VoteOptions) string {
	if p.ballots == nil {
		return p.readText
	}
	return p.ballots.Vote(opt)
}

// HumanReport is the benchmark's result.
type HumanReport struct {
	Pages []HumanPage
	// Missing: entries whose page file is in neither folder, or whose URL
	// does not parse (the benchmark skips both).
	Missing int
	Errors  int
	// ByExtractor pools each extractor's counts over the pages, and
	// DefaultVote the 2-of-3 vote's.
	ByExtractor [htmlpage.Distiller + 1]Counts
	DefaultVote Counts
	// Titled: pages with a human title; TitleOK: ours equal to it
	// (SameTitle).
	Titled, TitleOK int
}

// RunHuman extracts every page of the benchmark in the module directory
// dir with htmlpage.Extract (workers at a time) and scores each
// extractor's text and Parse's vote.
func RunHuman(dir string, workers int) (HumanReport, error) {
	entries, err := LoadHumanEntries(filepath.Join(dir, "scripts", "comparison", "data.go"))
	if err != nil {
		return HumanReport{}, err
	}
	var r HumanReport
	var todo []HumanEntry
	for _, e := range entries {
		if _, err := url.ParseRequestURI(e.URL); err != nil || e.File == "" {
			r.Missing++
			continue
		}
		todo = append(todo, e)
	}
	pages := make([]HumanPage, len(todo))
	missing := make([]bool, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range next {
				pages[i], missing[i], errs[i] = scoreHumanPage(dir, todo[i])
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range pages {
		if errs[i] != nil {
			return r, errs[i]
		}
		if missing[i] {
			r.Missing++
			continue
		}
		r.Pages = append(r.Pages, p)
		if p.Err != nil {
			r.Errors++
		}
		for ex := range r.ByExtractor {
			r.ByExtractor[ex] = r.ByExtractor[ex].Add(p.Counts[ex])
		}
		r.DefaultVote = r.DefaultVote.Add(p.VoteCounts)
		if p.Entry.Title != "" {
			r.Titled++
			if SameTitle(p.Entry.Title, p.Title) {
				r.TitleOK++
			}
		}
	}
	return r, nil
}

// scoreHumanPage reads and scores one entry; missing reports that its file
// is in neither of the benchmark's folders.
func scoreHumanPage(dir string, e HumanEntry) (p HumanPage, missing bool, err error) {
	var raw []byte
	for _, sub := range []string{"comparison", "mock"} {
		raw, err = os.ReadFile(filepath.Join(dir, "test-files", sub, e.File))
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return p, true, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read benchmark page: %w", err)
	}
	p = HumanPage{Entry: e, Site: siteOf(e.URL)}
	x, xerr := htmlpage.Extract(raw, e.URL, "")
	if xerr != nil {
		p.Err = xerr
		for ex := range p.Counts {
			p.Counts[ex] = ScoreSnippets(e, "")
		}
		p.VoteCounts = p.Counts[htmlpage.Vote]
		return p, false, nil
	}
	p.Title = x.Title()
	p.TitleEv = x.TitleEvidence()
	p.ballots = x.Ballots()
	p.readText = x.Text(htmlpage.Readability)
	for ex := range p.Counts {
		p.Counts[ex] = ScoreSnippets(e, x.Text(htmlpage.Extractor(ex)))
	}
	p.VoteCounts = ScoreSnippets(e, p.Text(htmlpage.DefaultVote()))
	return p, false, nil
}

// siteOf is the registrable domain of a URL (eTLD+1: www.example.de and
// shop.example.de are one site and share a fold), or its host when there
// is none.
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	host := strings.ToLower(u.Hostname())
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}
