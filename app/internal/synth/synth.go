// Package synth builds a realistic synthetic archive for benchmarks: articles
// assembled from real sentences (the BBC corpus and the GMB extract, both
// recombined, never copied whole), with real names, dates spread over 25
// years and a few dozen sources of skewed sizes. Articles are written straight
// through package store in large transactions.
package synth

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/store"
)

// Version changes whenever the generator would produce different articles;
// it is part of the cached archive's file name.
const Version = 1

// Sources are the outlets synthetic articles come from; the first ones are
// the largest (article counts fall off as 1/rank).
var Sources = []string{
	"BBC News", "Reuters", "The Guardian", "Associated Press", "The Times", "Financial Times", "Le Monde",
	"Der Spiegel", "The Economist", "Al Jazeera", "The Independent", "The Telegraph", "Bloomberg", "CNN",
	"NPR", "The Irish Times", "El País", "Deutsche Welle", "The Hindu", "South China Morning Post",
	"Sydney Morning Herald", "The Globe and Mail", "Politico", "Agence France-Presse", "Nikkei Asia",
	"The Scotsman", "Daily Nation", "Kyiv Independent", "Buenos Aires Times", "Radio Free Europe",
	"Gulf News", "The Straits Times", "Haaretz", "Euronews", "Mail & Guardian", "Corriere della Sera",
}

// Pools are the real sentences and titles articles are assembled from.
type Pools struct {
	Titles    []string
	Sentences []string
}

// LoadPools reads sentences and titles from the BBC corpus folder and the
// GMB CSV extract (either may be "" to skip it).
func LoadPools(bbcDir, gmbCSV string) (*Pools, error) {
	p := &Pools{}
	if bbcDir != "" {
		if err := p.loadBBC(bbcDir); err != nil {
			return nil, err
		}
	}
	if gmbCSV != "" {
		if err := p.loadGMB(gmbCSV); err != nil {
			return nil, err
		}
	}
	if len(p.Titles) == 0 || len(p.Sentences) < 100 {
		return nil, errors.New("load sentence pools: too few sentences found")
	}
	return p, nil
}

func (p *Pools) loadBBC(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		text := strings.ToValidUTF8(string(raw), "£")
		title, body, _ := strings.Cut(text, "\n")
		if t := strings.TrimSpace(title); t != "" {
			p.Titles = append(p.Titles, t)
		}
		for _, para := range strings.Split(body, "\n") {
			p.Sentences = append(p.Sentences, splitSentences(para)...)
		}
		return nil
	})
}

// splitSentences cuts a paragraph after ". ", "? " and "! " when the next
// word starts with a capital letter.
func splitSentences(para string) []string {
	para = strings.TrimSpace(para)
	var out []string
	for para != "" {
		cut := -1
		for i := 0; i+2 < len(para); i++ {
			if (para[i] == '.' || para[i] == '?' || para[i] == '!') && para[i+1] == ' ' && para[i+2] >= 'A' && para[i+2] <= 'Z' {
				cut = i + 1
				break
			}
		}
		if cut < 0 {
			cut = len(para)
		}
		if s := strings.TrimSpace(para[:cut]); len(s) > 20 {
			out = append(out, s)
		}
		para = strings.TrimSpace(para[cut:])
	}
	return out
}

// loadGMB reads the GMB extract (Latin-1; Sentence #, Word, POS, Tag) and
// joins each sentence's tokens back into text.
func (p *Pools) loadGMB(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	utf := make([]rune, len(raw)) // Latin-1: one rune per byte
	for i, b := range raw {
		utf[i] = rune(b)
	}
	r := csv.NewReader(strings.NewReader(string(utf)))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	var words []string
	flush := func() {
		if len(words) > 5 {
			p.Sentences = append(p.Sentences, detokenize(words))
		}
		words = words[:0]
	}
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if first || len(rec) < 2 {
			continue
		}
		if rec[0] != "" {
			flush()
		}
		words = append(words, rec[1])
	}
	flush()
	return nil
}

// detokenize joins tokens with spaces, except before punctuation, after
// opening brackets and inside double quotes.
func detokenize(toks []string) string {
	var b strings.Builder
	open := false // inside a double quote
	glue := true  // no space before the next token
	for _, t := range toks {
		quote := t == `"`
		closing := quote && open
		if !glue && !closing && !strings.ContainsAny(t[:1], ".,;:!?)%'") && t != "n't" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		glue = strings.HasSuffix(t, "(") || (quote && !open)
		if quote {
			open = !open
		}
	}
	return b.String()
}

// Generator assembles articles deterministically from a seed.
type Generator struct {
	pools   *Pools
	rng     *rand.Rand
	weights []float64 // cumulative source weights
	start   time.Time
	span    int64 // seconds of the date range
}

// NewGenerator returns a generator over pools; the same seed gives the same
// articles.
func NewGenerator(p *Pools, seed uint64) *Generator {
	g := &Generator{pools: p, rng: rand.New(rand.NewPCG(seed, 0x5eed)),
		start: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	g.span = int64(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(g.start) / time.Second)
	total := 0.0
	for i := range Sources {
		total += 1 / float64(i+1)
		g.weights = append(g.weights, total)
	}
	return g
}

func (g *Generator) pick(pool []string) string { return pool[g.rng.IntN(len(pool))] }

// Article returns the next synthetic article: a title from the pool (half
// the time cut from a sentence), 8 to 30 sentences in paragraphs of one to
// four, a date in 2000-2024 (2% undated) and a source.
func (g *Generator) Article() store.Article {
	title := g.pick(g.pools.Titles)
	if g.rng.IntN(2) == 0 {
		ws := strings.Fields(g.pick(g.pools.Sentences))
		title = strings.TrimRight(strings.Join(ws[:min(len(ws), 4+g.rng.IntN(6))], " "), ",;:")
	}
	var body strings.Builder
	for n := 8 + g.rng.IntN(23); n > 0; {
		if body.Len() > 0 {
			body.WriteString("\n\n")
		}
		for k := 1 + g.rng.IntN(4); k > 0 && n > 0; k, n = k-1, n-1 {
			body.WriteString(g.pick(g.pools.Sentences))
			if k > 1 && n > 1 {
				body.WriteByte(' ')
			}
		}
	}
	a := store.Article{Title: title, Body: body.String(), Language: "en", Origin: "synthetic"}
	if g.rng.IntN(50) != 0 {
		t := g.start.Add(time.Duration(g.rng.Int64N(g.span)) * time.Second)
		a.Published = t.Format("2006-01-02T15:04:05")
		a.PublishedText = t.Format("2 January 2006")
	}
	x := g.rng.Float64() * g.weights[len(g.weights)-1]
	for i, w := range g.weights {
		if x < w {
			a.Source = Sources[i]
			break
		}
	}
	a.ContentHash = ingest.ContentHash(a.Title, a.Body)
	return a
}

// batch is how many articles go in one transaction.
const batch = 2000

// Fill adds n generated articles to s; progress, when not nil, is called
// after each transaction with the number written so far.
func Fill(ctx context.Context, s *store.Store, g *Generator, n int, progress func(done int)) error {
	arts := make([]store.Article, 0, batch)
	origs := make([]store.Original, batch)
	for i := range origs {
		origs[i] = store.Original{ContentType: "text/plain"} // bytes left empty: nothing reads them here
	}
	for done := 0; done < n; {
		arts = arts[:0]
		for len(arts) < min(batch, n-done) {
			arts = append(arts, g.Article())
		}
		if _, _, err := s.CreateArticles(ctx, arts, origs[:len(arts)]); err != nil {
			return fmt.Errorf("fill synthetic archive: %w", err)
		}
		done += len(arts)
		if progress != nil {
			progress(done)
		}
	}
	return nil
}

// FillBulk is Fill on a new archive, as a bulk load (store.BeginBulk): the
// file is not durable until it returns, and its full-text index is then
// merged into one segment, as after any bulk import.
func FillBulk(ctx context.Context, s *store.Store, g *Generator, n int, progress func(done int)) error {
	end, err := s.BeginBulk(ctx)
	if err != nil {
		return fmt.Errorf("fill synthetic archive: %w", err)
	}
	err = Fill(ctx, s, g, n, progress)
	if eerr := end(ctx, err == nil); err == nil && eerr != nil {
		err = fmt.Errorf("fill synthetic archive: %w", eerr)
	}
	return err
}

// CachePath is where an archive of n synthetic articles is kept between
// runs: os.TempDir()/newsarchive-bench/, outside the repository.
func CachePath(n int) string {
	return filepath.Join(os.TempDir(), "newsarchive-bench", fmt.Sprintf("synthetic-v%d-%d.db", Version, n))
}

// Ensure returns the path of a synthetic archive of n articles, building it
// (into a temporary file renamed when complete) unless it already exists.
func Ensure(ctx context.Context, bbcDir, gmbCSV string, n int, progress func(done int)) (string, error) {
	path := CachePath(n)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	pools, err := LoadPools(bbcDir, gmbCSV)
	if err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	s, err := store.Open(ctx, tmp)
	if err != nil {
		return "", err
	}
	err = FillBulk(ctx, s, NewGenerator(pools, 1), n, progress)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		return "", fmt.Errorf("build synthetic archive %s: %w", path, err)
	}
	return path, nil
}
