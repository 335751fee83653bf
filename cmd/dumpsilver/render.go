package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
)

// Renderers are build.py's five tools and their flags, in the corpus's
// order. {src} is the page as UTF-8; {stage} is the same with a UTF-8 BOM in
// front (lynx has no switch to overrule a meta charset; a BOM beats it);
// {w} the width in columns (Renderer.Width, 80 as in build.py).
var Renderers = []struct{ Name, Cmd string }{
	{"lynx", "lynx -dump -nolist -force_html -width={w} -display_charset=utf-8 -assume_charset=utf-8 {stage}"},
	{"lynx-refs", "lynx -dump -force_html -width={w} -display_charset=utf-8 -assume_charset=utf-8 {stage}"},
	{"w3m", "w3m -dump -cols {w} -I UTF-8 -O UTF-8 -T text/html {src}"},
	{"html2text", "html2text -utf8 -nometa -nobs -width {w} {src}"},
	{"links", "links -dump -width {w} -codepage utf-8 -html-assume-codepage utf-8 -html-hard-assume 1 {src}"},
}

func (r *Renderer) width() int {
	if r.Width <= 0 {
		return 80
	}
	return r.Width
}

// maxDump bounds one renderer's output; a larger dump counts as a failure.
const maxDump = 32 << 20

// Renderer runs the tools in a private work folder with build.py's
// environment: LC_ALL and LANG C.UTF-8, an empty HOME.
type Renderer struct {
	Work    string        // scratch folder (the stage copies and HOME)
	Timeout time.Duration // per tool and page
	Width   int           // columns the tools wrap at; 0 is build.py's 80
	Own     string        // dumpeval.Copy or dumpeval.Markdown: that dump alone (ownDump), no tools
}

// Render writes page (UTF-8 text) to the stage files under name and runs
// every tool on it. It returns the dumps by tool, or the first tool's
// failure (exit status, timeout, empty or oversized output). Invalid UTF-8
// in a dump is replaced by U+FFFD, as build.py's decode does; the number of
// replaced runs is returned.
func (r Renderer) Render(ctx context.Context, name, page string) (map[string]string, int, error) {
	if r.Own != "" {
		text := ownDump(r.Own, name, strings.TrimPrefix(page, "\uFEFF"))
		if strings.TrimSpace(text) == "" {
			return nil, 0, errors.New(r.Own + ": empty output")
		}
		return map[string]string{r.Own: text}, 0, nil
	}
	home := filepath.Join(r.Work, "home")
	stageDir := filepath.Join(r.Work, "pages")
	for _, d := range []string{home, stageDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, 0, fmt.Errorf("work folder: %w", err)
		}
	}
	src := filepath.Join(stageDir, name+".src.html")
	stage := filepath.Join(stageDir, name+".html")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		return nil, 0, fmt.Errorf("stage: %w", err)
	}
	defer os.Remove(src)
	staged := page
	if !strings.HasPrefix(page, "\uFEFF") {
		staged = "\uFEFF" + page
	}
	if err := os.WriteFile(stage, []byte(staged), 0o644); err != nil {
		return nil, 0, fmt.Errorf("stage: %w", err)
	}
	defer os.Remove(stage)
	env := append(os.Environ(), "HOME="+home, "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	out := map[string]string{}
	fixed := 0
	for _, t := range Renderers {
		argv := strings.Fields(t.Cmd) // then the file, which may hold spaces
		for i, a := range argv {
			argv[i] = strings.NewReplacer("{src}", src, "{stage}", stage, "{w}", fmt.Sprint(r.width())).Replace(a)
		}
		b, err := r.run(ctx, argv, env)
		if err != nil {
			return nil, fixed, fmt.Errorf("%s: %w", t.Name, err)
		}
		b = renameStage(b, stageDir)
		s, n := ValidUTF8(b)
		fixed += n
		out[t.Name] = s
	}
	return out, fixed, nil
}

// ownDump is the page's dump of kind own, made here without a tool: its
// Markdown, or its copied text, half the pages by name with headings apart
// as a browser copies a page that keeps the headings' default margins
// (CopyText's headGap).
func ownDump(own, name, page string) string {
	if own == dumpeval.Markdown {
		return MarkdownText(page)
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return CopyText(page, h.Sum32()%2 == 0)
}

func (r Renderer) run(ctx context.Context, argv, env []string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, r.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Dir = r.Work
	var stdout limitedBuffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("timed out after %s", r.Timeout)
	case stdout.over:
		return nil, fmt.Errorf("output over %d bytes", maxDump)
	case err != nil:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("exit %d", ee.ExitCode())
		}
		return nil, err
	case len(bytes.TrimSpace(stdout.b)) == 0:
		return nil, errors.New("empty output")
	}
	return stdout.b, nil
}

// renameStage names lynx's file:// links as the corpus does: the stage
// folder is /pages (file:///pages/<name>.html, file://localhost/pages/...),
// and a relative link that climbs out of it (../) resolves under / rather
// than in the work folder's ancestors.
func renameStage(b []byte, stageDir string) []byte {
	to := "/pages/"
	for d := stageDir; d != "/" && d != "." && d != ""; d = filepath.Dir(d) {
		for _, scheme := range []string{"file://localhost", "file://"} {
			b = bytes.ReplaceAll(b, []byte(scheme+d+"/"), []byte(scheme+to))
		}
		to = "/"
	}
	return b
}

// limitedBuffer keeps the first maxDump bytes written to it.
type limitedBuffer struct {
	b    []byte
	over bool
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(l.b)+len(p) > maxDump {
		l.over = true
		p = p[:max(0, maxDump-len(l.b))]
	}
	l.b = append(l.b, p...)
	return n, nil
}

// ValidUTF8 decodes b as Python's decode('utf-8', 'replace') does, which
// build.py used: each maximal invalid subpart (a lead byte and the valid
// continuation bytes that follow it, or one stray byte) becomes one U+FFFD.
// It returns the text and the number of replacements.
func ValidUTF8(b []byte) (string, int) {
	if utf8.Valid(b) {
		return string(b), 0
	}
	var sb strings.Builder
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.Write(b[i : i+size])
			i += size
			continue
		}
		i += invalidRun(b[i:])
		sb.WriteString("\uFFFD")
		n++
	}
	return sb.String(), n
}

// invalidRun is the length of the maximal subpart at the start of b, which
// does not begin a valid UTF-8 sequence (Unicode's "best practice", as
// Python and the WHATWG decoder apply it).
func invalidRun(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c == 0xED:
		need, hi = 2, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		need, lo = 3, 0x90
	case c == 0xF4:
		need, hi = 3, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	default:
		return 1
	}
	i := 1
	for ; i <= need && i < len(b); i++ {
		if b[i] < lo || b[i] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return i
}
