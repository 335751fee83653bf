package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// newArticle is a factory for test articles.
func newArticle(title, body string) Article {
	return Article{Title: title, Body: body, ContentHash: fmt.Sprintf("hash-%s-%s", title, body), Origin: "/tmp/" + title}
}

func mustCreate(t testing.TB, s *Store, arts ...Article) []int64 {
	t.Helper()
	origs := make([]Original, len(arts))
	for i := range arts {
		origs[i] = Original{ContentType: "text/plain", Data: []byte(arts[i].Title + "\n\n" + arts[i].Body)}
	}
	ids, errs, err := s.CreateArticles(context.Background(), arts, origs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e != nil {
			t.Fatal(e)
		}
	}
	return ids
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, newArticle("One", "Body one."))
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var v int
	if err := s.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil || v < 1 {
		t.Fatalf("user_version %d, %v", v, err)
	}
	var mode string
	if err := s.r.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q, %v", mode, err)
	}
	var fk int
	if err := s.w.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys %d, %v", fk, err)
	}
	if n, _ := s.ArticleCount(ctx); n != 1 {
		t.Fatalf("count %d after reopen", n)
	}
}

// TestManyOpenANewArchiveAtOnce opens one new archive from several
// connections at the same moment, as processes started together do: each
// open succeeds (SQLite answers some "busy" without waiting while the file
// turns to WAL), the migrations run once, and every store can write.
func TestManyOpenANewArchiveAtOnce(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	const rounds, openers = 30, 12
	for r := range rounds {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("a%d.db", r))
		var wg sync.WaitGroup
		start := make(chan struct{})
		stores := make([]*Store, openers)
		errs := make([]error, openers)
		for i := range openers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				stores[i], errs[i] = Open(ctx, path)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", r, i, err)
			}
			defer stores[i].Close()
			mustCreate(t, stores[i], newArticle(fmt.Sprintf("Title %d", i), "Body."))
		}
		if n, err := stores[0].ArticleCount(ctx); err != nil || n != openers {
			t.Fatalf("round %d: %d articles (%v), want %d", r, n, err, openers)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("opened an archive with a newer schema")
	}
}

func TestArticleRoundTripAndNotFound(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	in := newArticle("Title", "Body text.")
	in.Headline, in.Published, in.PublishedText, in.Byline = "Long headline", "2025-05-23T05:30:00", "May 23, 2025, 5:30 a.m.", "A Writer"
	in.Source, in.URL, in.Language = "The Ledger", "https://example.com/a", "en"
	id := mustCreate(t, s, in)[0]
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in.ID, in.ImportedAt = id, got.ImportedAt
	if got != in {
		t.Errorf("got %+v\nwant %+v", got, in)
	}
	o, err := s.Original(ctx, id)
	if err != nil || string(o.Data) != "Title\n\nBody text." {
		t.Errorf("original %q, %v", o.Data, err)
	}
	if _, err := s.Article(ctx, id+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if _, err := s.Original(ctx, id+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing original: %v, want ErrNotFound", err)
	}
	if err := s.DeleteArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := s.Original(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("original survived its article: %v", err)
	}
}

func TestDuplicates(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := mustCreate(t, s, newArticle("A", "Same body."))[0]
	arts := []Article{newArticle("A", "Same body."), newArticle("B", "Other."), newArticle("B", "Other.")}
	ids, errs, err := s.CreateArticles(ctx, arts, make([]Original, 3))
	if err != nil {
		t.Fatal(err)
	}
	var dup *DuplicateError
	if !errors.As(errs[0], &dup) || dup.ID != first {
		t.Errorf("first: %v, want duplicate of %d", errs[0], first)
	}
	if errs[1] != nil || ids[1] == 0 {
		t.Errorf("second: %v", errs[1])
	}
	if !errors.As(errs[2], &dup) || dup.ID != ids[1] {
		t.Errorf("third: %v, want duplicate of %d", errs[2], ids[1])
	}
	if n, _ := s.ArticleCount(ctx); n != 2 {
		t.Errorf("count %d, want 2", n)
	}
}

func TestFailedBatchLeavesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	arts := []Article{newArticle("A", "Fine."), {Title: "broken"}}
	if _, _, err := s.CreateArticles(ctx, arts, make([]Original, 2)); err == nil {
		t.Fatal("a batch with an empty article was stored")
	}
	if n, _ := s.ArticleCount(ctx); n != 0 {
		t.Errorf("count %d after a failed batch", n)
	}
	if p, err := s.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
}

func TestArticlesSorted(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, b, c := newArticle("b", "x."), newArticle("a", "y."), newArticle("c", "z.")
	a.Published, b.Published = "2024-01-01", "2025-01-01"
	a.Source, b.Source, c.Source = "Zeta", "Alpha", ""
	mustCreate(t, s, a, b, c)
	tests := []struct {
		sort ArticleSort
		want string
	}{{SortDate, "abc"}, {SortTitle, "abc"}, {SortSource, "abc"}, {SortID, "bac"}}
	for _, tt := range tests {
		list, err := s.Articles(ctx, tt.sort, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, l := range list {
			got += l.Title
		}
		if got != tt.want {
			t.Errorf("sort %s: %q, want %q", tt.sort, got, tt.want)
		}
	}
	if page, _ := s.Articles(ctx, SortTitle, 1, 1); len(page) != 1 || page[0].Title != "b" {
		t.Errorf("page: %+v", page)
	}
	if _, err := s.Articles(ctx, "nonsense", 0, 0); err == nil {
		t.Error("unknown sort accepted")
	}
}

func TestSearch(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := newArticle("Yukos bankruptcy", "Russian oil firm Yukos filed for bankruptcy in Houston.")
	a.Published, a.Source = "2004-12-15", "BBC"
	b := newArticle("Mobile phone sales", "Sales of mobile phones rose; the phone market is booming.")
	b.Published, b.Source = "2005-02-01", "Ledger"
	c := newArticle("Rugby and football", "The football season and the rugby season overlap.")
	mustCreate(t, s, a, b, c)
	tests := []struct {
		q    string
		opt  Search
		want []string
	}{
		{q: "yukos", want: []string{"Yukos bankruptcy"}},
		{q: `"mobile phone"`, want: []string{"Mobile phone sales"}},
		{q: "phon*", want: []string{"Mobile phone sales"}},
		{q: "rugby -football", want: nil},
		{q: "season -football", want: nil},
		{q: "yukos OR rugby", opt: Search{Sort: ByDate}, want: []string{"Yukos bankruptcy", "Rugby and football"}},
		{q: "-football", opt: Search{Sort: ByDate}, want: []string{"Mobile phone sales", "Yukos bankruptcy"}},
		{q: "yukos OR phone", opt: Search{From: "2005-01-01"}, want: []string{"Mobile phone sales"}},
		{q: "yukos OR phone", opt: Search{To: "2004-12-31"}, want: []string{"Yukos bankruptcy"}},
		{q: "yukos OR phone", opt: Search{Source: "bbc"}, want: []string{"Yukos bankruptcy"}},
		{q: `AND`, want: []string{"Rugby and football"}}, // a lone operator is a word
		{q: `AND OR NOT NEAR ( ) * ^ : "`, want: nil},
		{q: `rugby AND`, want: []string{"Rugby and football"}},
		{q: `'; DROP TABLE articles; --`, want: nil},
	}
	for _, tt := range tests {
		tt.opt.Query = query.Parse(tt.q)
		if tt.opt.Query.Empty() {
			continue
		}
		res, err := s.SearchArticles(ctx, tt.opt)
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Title)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || res.Total != len(tt.want) {
			t.Errorf("%q: %v (total %d), want %v", tt.q, got, res.Total, tt.want)
		}
	}
	res, _ := s.SearchArticles(ctx, Search{Query: query.Parse("bankruptcy")})
	if len(res.Hits) != 1 || res.Hits[0].Snippet == "" || !containsMark(res.Hits[0].Snippet) {
		t.Errorf("snippet without marks: %+v", res.Hits)
	}
	if n, _ := s.ArticleCount(ctx); n != 3 {
		t.Errorf("the SQL fragment changed the archive: %d articles", n)
	}
}

func containsMark(s string) bool {
	return len(s) > 0 && (s[0:1] == MarkStart || len(s) > 1 && containsMark(s[1:]))
}

// TestConcurrentWritersAndReaders writes from several goroutines while
// others read: the single writer connection serialises them and nothing
// reports "database is locked".
func TestConcurrentWritersAndReaders(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errc := make(chan error, 100)
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 20 {
				a := newArticle(fmt.Sprintf("w%d-%d", w, i), "Body.")
				if _, _, err := s.CreateArticles(ctx, []Article{a}, make([]Original, 1)); err != nil {
					errc <- err
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 20 {
				if _, err := s.Articles(ctx, SortDate, 10, 0); err != nil {
					errc <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	if n, _ := s.ArticleCount(ctx); n != 80 {
		t.Errorf("count %d, want 80", n)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := mustCreate(t, s, newArticle("A", "Alpha body."), newArticle("B", "Beta body."))[0]
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("fresh archive: %v %v", p, err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM originals WHERE article_id = ?`, id); err != nil {
			return err
		}
		if s.Postgres() {
			// PostgreSQL's full-text column is generated: damage the counts.
			_, err := tx.ExecContext(ctx, `INSERT INTO entities (name, type, articles) VALUES ('Nobody', 'PERSON', 3)`)
			return err
		}
		// Remove the article's index entry behind the triggers' back.
		_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, title, headline, body)
			VALUES ('delete', ?, 'A', '', 'Alpha body.')`, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 2 {
		t.Errorf("problems %q, want the missing original and the index (the counts on PostgreSQL)", p)
	}
}
