package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// mdFront is the YAML front matter of an exported Markdown article.
type mdFront struct {
	Title    string     `yaml:"title"`
	Date     string     `yaml:"date,omitempty"`
	Source   string     `yaml:"source,omitempty"`
	URL      string     `yaml:"url,omitempty"`
	Byline   string     `yaml:"byline,omitempty"`
	ID       int64      `yaml:"id"`
	Entities []mdEntity `yaml:"entities,omitempty"`
	Tags     []string   `yaml:"tags,omitempty"`
}

type mdEntity struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
}

// maxSlug is the longest title part of a Markdown file name, in runes.
const maxSlug = 60

// MarkdownName returns the file name of an exported article: its id, then
// its title in lower-case letters and digits joined by hyphens. It never
// holds a path separator, never starts with a dot, and is unique per id.
func MarkdownName(id int64, title string) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sep := dash && b.Len() > 0
			if sep && n+2 > maxSlug || n+1 > maxSlug {
				break
			}
			if sep {
				b.WriteByte('-')
				n++
			}
			b.WriteRune(r)
			n++
			dash = false
		} else {
			dash = true
		}
	}
	name := fmt.Sprintf("%06d", id)
	if b.Len() > 0 {
		name += "-" + b.String()
	}
	return name + ".md"
}

// markdownOf renders an article as Markdown with YAML front matter.
func markdownOf(r *store.ArticleRecord) ([]byte, error) {
	a := r.Article
	fm := mdFront{Title: a.Title, Date: a.Published, Source: a.Source, URL: a.URL, Byline: a.Byline, ID: a.ID, Tags: r.Tags}
	seen := map[mdEntity]bool{}
	for _, m := range r.Mentions {
		e := mdEntity{m.Name, m.Type}
		if !seen[e] {
			seen[e] = true
			fm.Entities = append(fm.Entities, e)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("front matter of article %d: %w", a.ID, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteString("---\n\n# ")
	buf.WriteString(safetext.Markdown(safetext.Line(a.Title)))
	buf.WriteString("\n\n")
	buf.WriteString(safetext.Markdown(strings.TrimSpace(a.Body)))
	buf.WriteString("\n")
	if r.Note != nil && strings.TrimSpace(r.Note.Text) != "" {
		buf.WriteString("\n## Note\n\n")
		buf.WriteString(safetext.Markdown(strings.TrimSpace(r.Note.Text)))
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

// Markdown writes the scope's articles into folder dir (created when
// needed), one Markdown file each (see MarkdownName) with YAML front matter:
// title, date, source, url, byline, id, entities and tags; the body follows,
// then the note. Files of the same name are replaced.
func (a *Exporter) Markdown(ctx context.Context, dir string, opt Options) (Stats, error) {
	opt.Format = FormatMarkdown
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Stats{}, fmt.Errorf("export markdown to %s: %w", dir, err)
	}
	sc, p, err := a.startExport(ctx, opt)
	if err != nil {
		return Stats{}, err
	}
	hs, err := a.highlightsByArticle(ctx, sc)
	if err != nil {
		return Stats{}, err
	}
	parts := store.ExportParts{Mentions: true, Tags: true, Note: true}
	err = a.st.ExportArticles(ctx, sc, parts, func(r *store.ArticleRecord) error {
		name := MarkdownName(r.ID, r.Title)
		if !filepath.IsLocal(name) || strings.ContainsAny(name, `/\`) {
			return fmt.Errorf("article %d: unsafe file name %q", r.ID, name)
		}
		md, err := markdownOf(r)
		if err != nil {
			return err
		}
		md = append(md, highlightsMarkdown(hs[r.ID])...)
		if err := os.WriteFile(filepath.Join(dir, name), md, 0o600); err != nil {
			return err
		}
		p.article()
		return nil
	})
	st := Stats{Articles: p.p.Done, Files: p.p.Done, Elapsed: time.Since(p.t0)}
	if err != nil {
		return st, fmt.Errorf("export markdown to %s: %w", dir, err)
	}
	return st, nil
}
