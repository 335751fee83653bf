package app_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// bbcCategories are the BBC corpus's folders; an article's source is
// "BBC " and its folder's name.
var bbcCategories = []string{"business", "entertainment", "politics", "sport", "tech"}

// writeDatedBBC copies the BBC corpus into dir with a date line under each
// title and a copyright line naming its source at the end, so that the
// importer gives every article a date (spread over 2004-2005 by file
// number) and a source (by folder), for the filters to work on. Title and
// body are unchanged.
func writeDatedBBC(t *testing.T, bbc, dir string) {
	t.Helper()
	for ci, c := range bbcCategories {
		files, err := filepath.Glob(filepath.Join(bbc, c, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("BBC folder %s: %d files, %v", c, len(files), err)
		}
		if err := os.MkdirAll(filepath.Join(dir, c), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".txt"))
			day := time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (n*37+ci*11)%700)
			title, rest, _ := bytes.Cut(raw, []byte("\n"))
			var b bytes.Buffer
			b.Write(title)
			b.WriteString("\n\n" + day.Format("2 January 2006") + "\n\n")
			b.Write(rest)
			b.WriteString("\n\nCopyright BBC " + strings.ToUpper(c[:1]) + c[1:] + "\n")
			if err := os.WriteFile(filepath.Join(dir, c, filepath.Base(f)), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// importAndTag imports paths into the archive at addr and tags it.
func importAndTag(t *testing.T, addr string, paths []string) *apptest.Archive {
	t.Helper()
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	start := time.Now()
	rep, err := a.Importer.Import(ctx, paths, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported < 2000 || rep.Failed > 0 {
		t.Fatalf("%s: imported %d, failed %d", store.Redact(addr), rep.Imported, rep.Failed)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d articles imported and tagged in %s", store.Redact(addr), rep.Imported, time.Since(start).Round(time.Second))
	return a
}

// TestBackends imports the sample article and the whole BBC corpus (with
// dates and sources) into a SQLite and a PostgreSQL archive with the same
// importer and tagger, and checks that search and lookup agree: the same
// totals and notes, the same newest-first pages, the same first hit by
// relevance and most of the same top 10 (bm25 and ts_rank_cd differ), and
// the same three entities for each half-remembered name. It needs
// $NEWSARCHIVE_TEST_PG, and is too slow under -race (two imports and
// taggings of the corpus, about a minute each on two cores).
func TestBackends(t *testing.T) {
	bbc := corpus.Path(t, "corpus", "bbc")
	if testing.Short() || raceEnabled() {
		t.Skip("imports and tags the BBC corpus twice: skipped with -short and under -race")
	}
	pgAddr := storetest.Postgres(t)
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(seed, assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	writeDatedBBC(t, bbc, filepath.Join(dir, "bbc"))
	paths := []string{seed, filepath.Join(dir, "bbc")}
	sq := importAndTag(t, filepath.Join(t.TempDir(), "archive.db"), paths)
	pg := importAndTag(t, pgAddr, paths)
	t.Run("search", func(t *testing.T) { compareSearch(t, sq, pg) })
	t.Run("lookup", func(t *testing.T) { compareLookup(t, sq, pg) })
	t.Run("ranking", func(t *testing.T) { compareRanking(t, sq, pg) })
}

// rankingQueries are 40 searches over the BBC's subjects, to measure how
// near PostgreSQL's rank comes to bm25 on more than the five above.
var rankingQueries = []string{"Yukos", "Blair election", `"mobile phone"`, "econ*", "-football rugby",
	"oil prices", "world cup", "chelsea", "microsoft", "interest rates", "iraq war", "film award", "labour election",
	"music download", "broadband", "gordon brown budget", "tax", "china", "games console", "wales rugby", "tennis",
	"box office", "euro", "blair", "spam email", "virus", "pension", "fraud", "oscar", "court ruling", "bank profits",
	"airline", "dollar", "champions league", "immigration", "security software", "mp3", "drugs", "strike", "debt"}

// compareRanking reports, over rankingQueries, how often the first hit by
// relevance is the same on both archives and the share of the top 10 in
// common. Measured: 30 of 40 and 0.82 (ts_rank normalised by length, as
// before: 18 and 0.69).
func compareRanking(t *testing.T, sq, pg *apptest.Archive) {
	ctx := context.Background()
	same, common, total := 0, 0, 0
	for _, q := range rankingQueries {
		s, err := sq.Search.Search(ctx, q, search.Options{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		p, err := pg.Search.Search(ctx, q, search.Options{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		sk, pk := hitKeys(s), hitKeys(p)
		if s.Total != p.Total || len(sk) != len(pk) || len(sk) == 0 {
			t.Errorf("%q: SQLite %d of %d, PostgreSQL %d of %d", q, len(sk), s.Total, len(pk), p.Total)
			continue
		}
		if sk[0] == pk[0] {
			same++
		}
		for _, k := range pk {
			if slices.Contains(sk, k) {
				common++
			}
		}
		total += len(sk)
	}
	share := float64(common) / float64(max(total, 1))
	t.Logf("ranking over %d queries: the same first hit %d times, %.2f of the top 10 in common", len(rankingQueries), same, share)
	if share < minOverlap || float64(same) < 0.65*float64(len(rankingQueries)) {
		t.Errorf("ranking: the same first hit %d of %d times (want 65%%), %.2f in common (want %.2f)", same, len(rankingQueries), share, minOverlap)
	}
}

// backendQueries are the BBC searches of TestBBC.
var backendQueries = []string{"Yukos", "Blair election", `"mobile phone"`, "econ*", "-football rugby"}

// backendFilters are the filters each query is compared under.
var backendFilters = []struct {
	name string
	opt  search.Options
}{
	{"no filter", search.Options{}},
	{"dates", search.Options{From: "2004-06", To: "2004-12"}},
	{"source", search.Options{Source: "BBC Business"}},
	{"entity", search.Options{Entity: "Tony Blair"}},
	{"type", search.Options{Type: "person"}},
	{"type and dates", search.Options{Type: "org", From: "2005"}},
}

// Relevance thresholds, from what TestBackends measured with ts_rank_cd
// normalised by distinct words against bm25 (see rankedIDs in store): on the
// five queries unfiltered, 40 of the 50 top-10 hits in common, the fewest
// 3 of 10 ("Blair election": bm25 weighs the rarer word more, ts_rank_cd
// does not), the first hit always the same; over every query and filter
// with hits, 0.83 in common and the same first hit 25 times of 28. (With
// ts_rank normalised by length, as before, 0.44 unfiltered.) The bounds
// leave a little room.
const (
	minOverlap         = 0.75 // mean share of the top 10 in common, unfiltered
	minQueryOverlap    = 3    // of 10, for any one query with 10 hits or more
	minFilteredOverlap = 0.75 // mean share in common over every query and filter
	minFilteredTop1    = 0.8  // share of queries and filters whose first hit agrees
)

// hitKeys lists the hits as id and title, which identify an article in
// both archives (the same files imported in the same order get the same
// ids; the titles show it).
func hitKeys(res store.SearchResult) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = fmt.Sprintf("%d %s", h.ID, h.Title)
	}
	return out
}

func compareSearch(t *testing.T, sq, pg *apptest.Archive) {
	ctx := context.Background()
	run := func(a *apptest.Archive, q string, opt search.Options) store.SearchResult {
		t.Helper()
		opt.Limit = 10
		res, err := a.Search.Search(ctx, q, opt)
		if err != nil {
			t.Fatalf("%s %q: %v", a.Store.Path(), q, err)
		}
		return res
	}
	var overlap, filteredOverlap, compared, filtered, top1, top1Filtered int
	for _, f := range backendFilters {
		found := 0
		for _, q := range backendQueries {
			name := q + " / " + f.name
			byDate := f.opt
			byDate.Sort = store.ByDate
			s, p := run(sq, q, byDate), run(pg, q, byDate)
			found += s.Total
			if s.Total != p.Total || s.TotalExact != p.TotalExact || s.Note != p.Note {
				t.Errorf("%s: SQLite total %d (exact %v, note %q), PostgreSQL %d (exact %v, note %q)",
					name, s.Total, s.TotalExact, s.Note, p.Total, p.TotalExact, p.Note)
			}
			if sk, pk := hitKeys(s), hitKeys(p); !slices.Equal(sk, pk) {
				t.Errorf("%s by date:\nSQLite     %q\nPostgreSQL %q", name, sk, pk)
			}
			s, p = run(sq, q, f.opt), run(pg, q, f.opt)
			if s.Total != p.Total || s.Note != p.Note {
				t.Errorf("%s by relevance: SQLite total %d (note %q), PostgreSQL %d (note %q)", name, s.Total, s.Note, p.Total, p.Note)
			}
			sk, pk := hitKeys(s), hitKeys(p)
			if len(sk) != len(pk) {
				t.Errorf("%s by relevance: %d hits on SQLite, %d on PostgreSQL", name, len(sk), len(pk))
				continue
			}
			if len(sk) == 0 {
				continue
			}
			common := 0
			for _, k := range pk {
				if slices.Contains(sk, k) {
					common++
				}
			}
			same := sk[0] == pk[0]
			t.Logf("%-40s total %5d  top-1 same %-5v  top-10 in common %d/%d", name, s.Total, same, common, len(sk))
			filteredOverlap += common
			filtered += len(sk)
			if same {
				top1Filtered++
			}
			top1++
			if f.name == "no filter" {
				if !same {
					t.Errorf("%s: first hit %q on SQLite, %q on PostgreSQL", name, sk[0], pk[0])
				}
				if len(sk) == 10 && common < minQueryOverlap {
					t.Errorf("%s: %d of the top 10 in common, want at least %d:\nSQLite     %q\nPostgreSQL %q", name, common, minQueryOverlap, sk, pk)
				}
				overlap += common
				compared += len(sk)
			}
		}
		if found == 0 {
			t.Errorf("filter %s: no query found anything: it compares nothing", f.name)
		}
	}
	if compared == 0 || filtered == 0 {
		t.Fatal("no relevance results to compare")
	}
	share, fshare, t1 := float64(overlap)/float64(compared), float64(filteredOverlap)/float64(filtered), float64(top1Filtered)/float64(top1)
	t.Logf("relevance: unfiltered %.2f of the top 10 in common; with filters %.2f, the same first hit %d of %d",
		share, fshare, top1Filtered, top1)
	if share < minOverlap {
		t.Errorf("unfiltered: %.2f of the top 10 in common, want at least %.2f", share, minOverlap)
	}
	if fshare < minFilteredOverlap || t1 < minFilteredTop1 {
		t.Errorf("with filters: %.2f in common (want %.2f), the same first hit %.2f (want %.2f)", fshare, minFilteredOverlap, t1, minFilteredTop1)
	}
}

// compareLookup checks that each name of the lookup acceptance test gives
// the same three entities, by name and type, on both archives.
func compareLookup(t *testing.T, sq, pg *apptest.Archive) {
	ctx := context.Background()
	top := func(a *apptest.Archive, name string) []string {
		t.Helper()
		res, err := a.Search.Lookup(ctx, name, lookup.KindEntity, 3)
		if err != nil {
			t.Fatalf("lookup %q: %v", name, err)
		}
		var out []string
		for _, r := range res {
			e, err := a.Store.Entity(ctx, r.ID)
			if err != nil {
				t.Fatalf("lookup %q: entity %d: %v", name, r.ID, err)
			}
			out = append(out, fmt.Sprintf("%s (%s, score %d)", r.Text, e.Type, r.Score))
		}
		return out
	}
	for _, name := range []string{"Ma Zhoaxu", "Ma Zhaoxo", "Ma Zhaooxu", "mazhaoxu", "Huwaei", "Eurasa Grup", "jpmorg", "dimon"} {
		s, p := top(sq, name), top(pg, name)
		if len(s) == 0 || !slices.Equal(s, p) {
			t.Errorf("lookup %q:\nSQLite     %q\nPostgreSQL %q", name, s, p)
		}
	}
}
