// Command dumpsilver builds extra training pages for the scraped-dump model
// (issue #13): it renders real HTML pages with the five text renderers of
// the text-dumps corpus (lynx, lynx -list, w3m, html2text, links, with
// build.py's flags and environment) and labels each page as the
// development set was labelled: expected body and title are readability's
// extraction (readeck's Go port of Mozilla readability), the body by
// build.py's expected.txt rule, kept when readability finds the page
// readerable and the body has at least 150 words.
//
// Usage:
//
//	dumpsilver [-o DIR] [-j 2] [-timeout 60s] [-n 0] [-html-pages DIR] [-compare DIR] [TRAFILATURA-DIR]
//	dumpsilver -o DIR -html-dir DIR[,DIR...] [-exclude DIR[,DIR...]]
//	dumpsilver -width 120 -o DIR [...]
//	dumpsilver -copy -o DIR [...]
//	dumpsilver -markdown -o DIR [...]
//
// The pages are go-trafilatura's comparison set (TRAFILATURA-DIR defaults
// to the module's folder, `go list -m -f '{{.Dir}}'
// github.com/markusmobius/go-trafilatura`): test-files/comparison/*.html,
// with the URL and the hand-written title of scripts/comparison/data.go
// (written as expected.json's "human_title"). -html-pages DIR renders a
// corpus laid out as corpus/html-pages instead, and -compare DEVDIR then
// scores the labels against the development set's (mean body F1, titles
// equal) to show they are made the same way. -html-dir renders the *.html
// files of other folders, such as go-htmldate's test-files/comparison,
// mock and mediacloud (pages without references of their own), leaving out
// those whose bytes equal a page of the -exclude folders: pages a model
// trained on the comparison set has not seen, for a held-out measure of it
// (evaltext -cv=false -extra DIR -extra-renderers 5), or more training
// pages (texttrain -extra SILVER,DIR).
//
// -width N has the renderers wrap at N columns instead of build.py's 80 (a
// wide terminal's w3m, a script's lynx -width): each page is then named
// <name>-wN, so that texttrain can take the same pages at several widths
// beside each other (texttrain -extra SILVER,SILVER-W120,SILVER-W60: the
// embedded model is trained so, docs/extraction.md) and evaltext can
// measure the model at that width.
//
// -copy writes, instead of the five dumps, the page's text as a browser's
// select-all copy gives it (CopyText: unwrapped, no markers; copy.txt, the
// page named <name>-copy): the text a researcher pastes, or a scraper's
// text output, which the importer reads as a copied page (docs/extraction.md,
// "Copied pages"). -markdown writes the page as an HTML-to-Markdown
// converter gives it (MarkdownText; markdown.txt, the page named <name>-md).
//
// The output (DIR/<name>/{lynx,lynx-refs,w3m,html2text,links}.txt,
// expected.txt, expected.json, as corpus/text-dumps) holds third-party
// pages and is never written into the repository: DIR defaults to
// $XDG_CACHE_HOME/newsarchive/text-dumps-silver (~/.cache/...). A page is
// skipped, and counted by reason, when it is not readerable, its body is
// under 150 words, readability finds nothing, or any renderer fails, times
// out or prints nothing. Pages are processed by -j workers (at most 2 by
// default); the result does not depend on their number.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

func main() {
	out := flag.String("o", defaultOut(), "output folder (laid out as corpus/text-dumps)")
	jobs := flag.Int("j", 2, "pages rendered at once")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit per renderer and page")
	limit := flag.Int("n", 0, "only the first n pages (0: all)")
	htmlPages := flag.String("html-pages", "", "render a corpus laid out as corpus/html-pages instead")
	compare := flag.String("compare", "", "score the labels against this text-dumps folder's")
	htmlDirs := flag.String("html-dir", "", "render the *.html files of these comma-separated folders instead (pages without references: go-htmldate's test sets)")
	exclude := flag.String("exclude", "", "with -html-dir: leave out pages whose bytes equal a *.html of these comma-separated folders (the pages training used)")
	width := flag.Int("width", 80, "columns the renderers wrap at (build.py's 80); another width names each page <name>-w<width>, so that texttrain can take both folders")
	copied := flag.Bool("copy", false, "write the page's text as a browser's select-all copy gives it (unwrapped, no markers) as copy.txt instead of the five dumps; each page is named <name>-copy")
	markdown := flag.Bool("markdown", false, "write the page as an HTML-to-Markdown converter gives it (links [text](url), images, # headings, * items; unwrapped) as markdown.txt instead of the five dumps; each page is named <name>-md")
	flag.Parse()
	own, suffix := "", "" // a dump made without a tool, and its pages' names' suffix
	if *copied {
		own, suffix = dumpeval.Copy, "-copy"
	}
	if *markdown {
		own, suffix = dumpeval.Markdown, "-md"
	}
	var srcs []Source
	var err error
	switch {
	case *htmlPages != "":
		srcs, err = HTMLPagesSources(*htmlPages)
	case *htmlDirs != "":
		srcs, err = FolderSources(splitList(*htmlDirs), splitList(*exclude))
	default:
		root := flag.Arg(0)
		if root == "" {
			root, err = htmleval.TrafilaturaDir()
		}
		if err == nil {
			srcs, err = ComparisonSources(root)
		}
	}
	if err == nil {
		if *limit > 0 && *limit < len(srcs) {
			srcs = srcs[:*limit]
		}
		if *width < 20 || *width > 1000 {
			err = fmt.Errorf("-width %d: want 20 to 1000 columns", *width)
		} else if *copied && *markdown {
			err = fmt.Errorf("-copy and -markdown: one at a time")
		} else if own != "" {
			for i := range srcs {
				srcs[i].Name += suffix
			}
		} else if *width != 80 {
			for i := range srcs {
				srcs[i].Name += fmt.Sprintf("-w%d", *width)
			}
		}
	}
	if err == nil {
		err = generate(srcs, *out, max(*jobs, 1), Renderer{Timeout: *timeout, Width: *width, Own: own})
	}
	if err == nil && *compare != "" {
		err = compareLabels(*out, *compare)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dumpsilver:", err)
		os.Exit(1)
	}
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func defaultOut() string {
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "newsarchive", "text-dumps-silver")
}

// outcome is what became of one page: "" when written, else why skipped.
type outcome struct {
	skip  string
	fixed int
}

func generate(srcs []Source, out string, jobs int, proto Renderer) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	work, err := os.MkdirTemp("", "dumpsilver-")
	if err != nil {
		return fmt.Errorf("work folder: %w", err)
	}
	defer os.RemoveAll(work)
	res := make([]outcome, len(srcs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		r := proto
		r.Work = filepath.Join(work, fmt.Sprint(w))
		go func() {
			defer wg.Done()
			for i := range next {
				res[i] = onePage(r, srcs[i], out)
			}
		}()
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return report(os.Stdout, srcs, res, out)
}

// onePage labels, selects and renders one page and writes its folder (or
// removes a stale one when the page is skipped).
func onePage(r Renderer, s Source, out string) outcome {
	dir := filepath.Join(out, s.Name)
	if err := os.RemoveAll(dir); err != nil {
		return outcome{skip: "error: " + err.Error()}
	}
	raw, err := os.ReadFile(s.Path)
	if err != nil {
		return outcome{skip: "unreadable"}
	}
	page, _, err := htmlpage.ToUTF8(raw, "")
	if err != nil {
		return outcome{skip: "undecodable"}
	}
	lb, err := MakeLabel(page, s.URL)
	switch {
	case err != nil:
		return outcome{skip: "no article"}
	case !lb.Readerable:
		return outcome{skip: "readerable false"}
	case Words(lb.Body) < 150:
		return outcome{skip: "under 150 words"}
	}
	lb.HumanTitle = opt(s.HumanTitle)
	src := page
	if bytes.HasPrefix(raw, []byte("\uFEFF")) {
		src = "\uFEFF" + page // the tools see the page's own BOM, as build.py's did
	}
	dumps, fixed, err := r.Render(context.Background(), s.Name, src)
	if err != nil {
		return outcome{skip: "renderer " + strings.SplitN(err.Error(), " after", 2)[0]}
	}
	if err := writePage(dir, lb, dumps); err != nil {
		return outcome{skip: "error: " + err.Error()}
	}
	return outcome{fixed: fixed}
}

func writePage(dir string, lb Label, dumps map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, text := range dumps {
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "expected.txt"), []byte(lb.Body), 0o644); err != nil {
		return err
	}
	js, err := json.MarshalIndent(lb, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "expected.json"), append(js, '\n'), 0o644)
}

// report prints the counts (pages written, skipped by reason, invalid
// UTF-8 replaced) and writes them to out/report.txt with the skipped pages.
func report(w *os.File, srcs []Source, res []outcome, out string) error {
	written, fixed := 0, 0
	why := map[string]int{}
	var lines []string
	for i, r := range res {
		fixed += r.fixed
		if r.skip == "" {
			written++
			continue
		}
		why[r.skip]++
		lines = append(lines, fmt.Sprintf("skipped %s: %s", srcs[i].Name, r.skip))
	}
	head := []string{fmt.Sprintf("%d pages, %d written, %d skipped; %d invalid UTF-8 runs replaced by U+FFFD",
		len(srcs), written, len(srcs)-written, fixed)}
	var reasons []string
	for k, n := range why {
		reasons = append(reasons, fmt.Sprintf("  %s: %d", k, n))
	}
	sort.Strings(reasons)
	head = append(head, reasons...)
	fmt.Fprintln(w, strings.Join(head, "\n"))
	all := strings.Join(append(head, lines...), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(out, "report.txt"), []byte(all), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
