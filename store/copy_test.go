package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/store/query"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// fullArchive fills every table of s through the store's own methods:
// articles with originals, tagged mentions (entities, aliases, a failed
// tagging), corrections of each kind, versions (snapshots), a feed with its
// items, fingerprints, tags and notes.
func fullArchive(t testing.TB, s *Store) {
	t.Helper()
	ctx := context.Background()
	var arts []Article
	for i := range 12 {
		a := newArticle(fmt.Sprintf("Story %02d", i),
			fmt.Sprintf("Acme Corp met the Mayor of Springfield on day %d. ACME later said the city of Springfield agreed. Zed Zebra wrote it. AcmeCo and Acme Inc denied.", i))
		a.Published, a.Source, a.Byline = fmt.Sprintf("2024-01-%02d", i+1), "Daily Planet", "Lois Lane"
		a.SummaryOnly = i%5 == 0
		arts = append(arts, a)
	}
	ids := mustCreate(t, s, arts...)
	var results []Tagged
	for i, id := range ids {
		r := Tagged{ArticleID: id, Model: "test-model", Mentions: []Mention{
			{Start: 0, End: 9, Text: "Acme Corp", Name: "Acme Corp", Type: "ORG"},
			{Start: 21, End: 32, Text: "Springfield", Name: "Springfield", Type: "PLACE"},
		}}
		body := arts[i].Body
		for _, m := range []Mention{{Text: "ACME", Name: "Acme Corp", Type: "ORG"}, {Text: "AcmeCo", Name: "Acme Corp", Type: "ORG"},
			{Text: "Acme Inc", Name: "Acme Corp", Type: "ORG"}, {Text: "Zed Zebra", Name: "Zed", Type: "PERSON"}} {
			if k := strings.Index(body, m.Text); k >= 0 {
				m.Start, m.End = k, k+len(m.Text)
				r.Mentions = append(r.Mentions, m)
			}
		}
		if i == 3 {
			r.Err, r.Mentions = errors.New("the tagger gave up"), nil
		}
		results = append(results, r)
	}
	if err := s.SaveTagged(ctx, results); err != nil {
		t.Fatal(err)
	}
	acme, err := s.EntityByName(ctx, "Acme Corp")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RenameEntity(ctx, acme.ID, "Acme Corporation"); err != nil {
		t.Fatal(err)
	}
	zed, err := s.EntityByName(ctx, "Zed")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SplitAlias(ctx, zed.ID, "Zed Zebra"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEntity(ctx, "Mayor", "PERSON", ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEntity(ctx, "Daily", "MISC", 0); err != nil { // in no body: an entity without mentions
		t.Fatal(err)
	}
	spring, err := s.EntityByName(ctx, "Springfield")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RejectEntity(ctx, spring.ID, ids[2]); err != nil {
		t.Fatal(err)
	}
	mayor, err := s.EntityByName(ctx, "Mayor")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RetypeEntity(ctx, mayor.ID, "MISC"); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	for i, body := range []string{"version one", "version two"} {
		if _, err := s.SaveVersion(ctx, page("Versioned", body), Original{ContentType: "text/html", Data: []byte("<p>" + body + "\x00\xff")},
			t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	feed, err := s.CreateFeed(ctx, Feed{URL: "https://news.example/feed.xml", Title: "Example", AddedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FeedFetched(ctx, feed, "Example news", "https://news.example/", t0,
		[]SeenItem{{GUID: "g1", ArticleID: ids[0]}, {GUID: "g2", ArticleID: ids[1]}, {GUID: "g3"}}, "a warning"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateFeed(ctx, Feed{URL: "/home/ann/saved.rss", AddedAt: t0, Folder: []string{"News", "Local"},
		Categories: []string{"/a/b"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.FeedChecked(ctx, feed, t0.Add(time.Hour), 2, `"etag-1"`, "Mon, 01 Jan 2024 00:00:00 GMT", "timed out"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddProvenance(ctx, []Provenance{{ArticleID: ids[0], Kind: ProvWARC, Source: "/data/crawl.wacz#archive/a.warc.gz",
		URL: "https://news.example/a", RecordID: "<urn:uuid:1>", PayloadDigest: "sha1:ABC", CapturedAt: t0, AddedAt: t0},
		{ArticleID: ids[1], Kind: ProvFile, Source: "/home/ann/b.txt", AddedAt: t0}}); err != nil {
		t.Fatal(err)
	}
	var fps []Fingerprint
	for i, id := range ids {
		fps = append(fps, Fingerprint{ArticleID: id, SimHash: uint64(i) * 0x9e3779b97f4a7c15})
	}
	if err := s.SetFingerprints(ctx, fps); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		tags := []string{"all", fmt.Sprintf("group-%d", i%3)}
		if err := s.AddTags(ctx, id, tags); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if err := s.SetNote(ctx, id, fmt.Sprintf("note %d: ünïcode ✓", i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	fillWorkbench(t, s, ids, t0)
	// A resolution that leaves every mention where it is records the
	// evidence it saw (the resolution table).
	if _, err := s.ResolveArchive(ctx, func([]NameEvidence) []NameResolution { return nil }); err != nil {
		t.Fatal(err)
	}
}

// dumpArchive reads every table of s in key order, every column (but
// PostgreSQL's generated fts), values written alike for both backends.
func dumpArchive(t testing.TB, s *Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	out := map[string][]string{}
	for _, tb := range copyTables {
		rows, err := s.r.QueryContext(ctx, `SELECT * FROM `+tb.name+` ORDER BY `+tb.keyList())
		if err != nil {
			t.Fatalf("dump %s: %v", tb.name, err)
		}
		names, _ := rows.Columns()
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if names[i] == "fts" {
					continue
				}
				switch v := v.(type) {
				case []byte:
					fmt.Fprintf(&b, "%s=%q ", names[i], v)
				case string:
					fmt.Fprintf(&b, "%s=%q ", names[i], v)
				default:
					fmt.Fprintf(&b, "%s=%v ", names[i], v)
				}
			}
			out[tb.name] = append(out[tb.name], b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

func sameDump(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for _, tb := range CopyTables() {
		if !slices.Equal(got[tb], want[tb]) {
			t.Errorf("%s: table %s differs:\n got %d rows %q\nwant %d rows %q", what, tb, len(got[tb]), got[tb], len(want[tb]), want[tb])
		}
	}
}

// archiveTables lists the tables of an archive's schema, but the full-text
// indexes' (filled by triggers) and the schema version's.
func archiveTables(t *testing.T, s *Store) []string {
	q := `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'titles_fts%' AND name NOT LIKE 'sqlite_%'`
	if s.Postgres() {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_version'`
	}
	var names []string
	err := eachRow(context.Background(), s.r, q, nil, func(rows *sql.Rows) error {
		var n string
		err := rows.Scan(&n)
		names = append(names, n)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// oncePass skips a test that opens its PostgreSQL archives itself in the
// PostgreSQL pass: it runs in the SQLite one.
func oncePass(t *testing.T) {
	if onPostgres() {
		t.Skip("copies between a file and PostgreSQL: runs in the SQLite pass")
	}
}

// smallBatches makes Copy write a few rows at a time.
func smallBatches(t *testing.T, rows, params int) {
	oldRows, oldParams := copyBatchRows, copyParams
	copyBatchRows, copyParams = rows, params
	t.Cleanup(func() { copyBatchRows, copyParams = oldRows, oldParams })
}

func TestCopyEveryTable(t *testing.T) {
	ctx := context.Background()
	src, dst := openTest(t), openTest(t)
	fullArchive(t, src)
	want := dumpArchive(t, src)
	for _, tb := range CopyTables() {
		if len(want[tb]) == 0 {
			t.Errorf("the test archive has no %s: fill it", tb)
		}
	}
	if got, copied := archiveTables(t, src), slices.Sorted(slices.Values(CopyTables())); !slices.Equal(got, copied) {
		t.Errorf("the schema's tables %v are not those Copy copies %v", got, copied)
	}
	smallBatches(t, 5, 12)
	var seen []CopyProgress
	if err := Copy(ctx, dst, src, func(p CopyProgress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "copy", dumpArchive(t, dst), want)
	last := map[string]CopyProgress{}
	for _, p := range seen {
		last[p.Table] = p
	}
	for _, tb := range CopyTables() {
		copied := int64(len(want[tb]))
		if tb == "tagging" { // the rows a new article gets are pending already
			copied = 0
			for _, r := range want[tb] {
				if !strings.Contains(r, `state="pending"`) {
					copied++
				}
			}
		}
		if p := last[tb]; p.Done != p.Total || p.Total != int64(len(want[tb])) || p.Copied != copied {
			t.Errorf("last progress of %s: %+v, want %d rows done, %d copied", tb, p, len(want[tb]), copied)
		}
	}

	// A copy again into the full copy finds nothing to do.
	if err := Copy(ctx, dst, src, func(p CopyProgress) {
		if p.Copied != 0 {
			t.Errorf("copy into a complete copy wrote %d %s", p.Copied, p.Table)
		}
	}); err != nil {
		t.Fatalf("copy into a complete copy: %v", err)
	}
	sameDump(t, "copy run twice", dumpArchive(t, dst), want)

	// The copy works as an archive: search finds its articles, new rows
	// get new ids.
	res, err := dst.SearchArticles(ctx, Search{Query: query.Parse("springfield"), Limit: 50})
	if err != nil || res.Total != 12 {
		t.Errorf("search the copy: %d hits, %v", res.Total, err)
	}
	n, _ := src.MaxArticleID(ctx)
	id := mustCreate(t, dst, newArticle("New here", "A story written after the copy."))[0]
	if id != n+1 {
		t.Errorf("a new article in the copy has id %d, want %d", id, n+1)
	}
	if err := dst.AddTags(ctx, id, []string{"fresh"}); err != nil {
		t.Errorf("a new tag in the copy: %v", err)
	}
	if _, err := dst.CreateFeed(ctx, Feed{URL: "https://other.example/rss"}); err != nil {
		t.Errorf("a new feed in the copy: %v", err)
	}
	if _, err := dst.AddEntity(ctx, "Planet", "MISC", 0); err != nil {
		t.Errorf("a new entity and correction in the copy: %v", err)
	}
}

// TestCopyResumes stops copies from their progress reports midway through
// several tables; each is run again and must end as the source, with no
// row twice.
func TestCopyResumes(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fullArchive(t, src)
	want := dumpArchive(t, src)
	smallBatches(t, 3, 4)
	for _, stopIn := range []string{"articles", "mentions", "tagging", "entity_aliases", "article_tags", "notes"} {
		t.Run(stopIn, func(t *testing.T) {
			dst := openTest(t)
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			stopped := false
			err := Copy(cctx, dst, src, func(p CopyProgress) {
				if p.Table == stopIn && p.Done > 0 && p.Done < p.Total {
					stopped = true
					cancel()
				}
			})
			if !stopped || !errors.Is(err, context.Canceled) {
				t.Fatalf("stopped %v, error %v", stopped, err)
			}
			part := dumpArchive(t, dst)
			if len(part[stopIn]) == 0 || len(part[stopIn]) >= len(want[stopIn]) && stopIn != "tagging" {
				t.Fatalf("the stopped copy has %d of %d rows of %s", len(part[stopIn]), len(want[stopIn]), stopIn)
			}
			copied := map[string]int64{}
			if err := Copy(ctx, dst, src, func(p CopyProgress) { copied[p.Table] = p.Copied }); err != nil {
				t.Fatalf("resume: %v", err)
			}
			sameDump(t, "resumed copy", dumpArchive(t, dst), want)
			if n := copied["articles"]; stopIn != "articles" && n != 0 {
				t.Errorf("the resumed copy wrote %d articles again", n)
			}
		})
	}
}

func TestCopyRefusesOtherArchives(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fullArchive(t, src)
	if err := Copy(ctx, src, src, nil); err == nil || !strings.Contains(err.Error(), "same archive") {
		t.Errorf("copy onto itself: %v", err)
	}
	addr := src.addr
	if !src.Postgres() {
		addr = src.path
	}
	again, err := Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if err := Copy(ctx, again, src, nil); err == nil || !strings.Contains(err.Error(), "same archive") {
		t.Errorf("copy onto itself opened twice: %v", err)
	}

	for _, tt := range []struct {
		name string
		fill func(t *testing.T, s *Store)
	}{
		{"other articles", func(t *testing.T, s *Store) {
			mustCreate(t, s, newArticle("Something else", "Not from the source."))
		}},
		{"same ids, other content", func(t *testing.T, s *Store) {
			var arts []Article
			for i := range 12 {
				arts = append(arts, newArticle(fmt.Sprintf("Story %02d", i), "Other words."))
			}
			mustCreate(t, s, arts...)
		}},
		{"a feed of its own", func(t *testing.T, s *Store) {
			if _, err := s.CreateFeed(ctx, Feed{URL: "https://mine.example/rss"}); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dst := openTest(t)
			tt.fill(t, dst)
			before := dumpArchive(t, dst)
			err := Copy(ctx, dst, src, nil)
			if !errors.Is(err, ErrNotCopy) || !strings.Contains(err.Error(), "new, empty archive") {
				t.Errorf("copy into an archive with %s: %v", tt.name, err)
			}
			sameDump(t, "refused copy", dumpArchive(t, dst), before)
		})
	}
}

// TestCopyAcrossBackends copies SQLite to PostgreSQL and back: all three
// dumps must agree. It runs in the SQLite pass, with a PostgreSQL server.
func TestCopyAcrossBackends(t *testing.T) {
	oncePass(t)
	ctx := context.Background()
	src := openTest(t)
	fullArchive(t, src)
	pg, err := Open(ctx, storetest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	back := openTest(t)
	if err := Copy(ctx, pg, src, nil); err != nil {
		t.Fatal(err)
	}
	if err := Copy(ctx, back, pg, nil); err != nil {
		t.Fatal(err)
	}
	want := dumpArchive(t, src)
	sameDump(t, "on PostgreSQL", dumpArchive(t, pg), want)
	sameDump(t, "back on SQLite", dumpArchive(t, back), want)
	n, _ := src.MaxArticleID(ctx)
	if id := mustCreate(t, pg, newArticle("New on PostgreSQL", "Fresh."))[0]; id != n+1 {
		t.Errorf("a new article on PostgreSQL has id %d, want %d (the sequence was not moved)", id, n+1)
	}
}

// TestCopyTextPostgresRefuses copies articles whose text PostgreSQL cannot
// hold: the error names the article.
func TestCopyTextPostgresRefuses(t *testing.T) {
	oncePass(t)
	ctx := context.Background()
	for _, tt := range []struct{ name, body, want string }{
		{"NUL", "A body with a \x00 in it.", "holds a NUL byte"},
		{"bad UTF-8", "A body with \xff\xfe in it.", "is not valid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := openTest(t)
			ids := mustCreate(t, src, newArticle("Fine", "All good."), newArticle("Broken", tt.body))
			pg, err := Open(ctx, storetest.Postgres(t))
			if err != nil {
				t.Fatal(err)
			}
			defer pg.Close()
			err = Copy(ctx, pg, src, nil)
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf(`article %d ("Broken")`, ids[1])) ||
				!strings.Contains(err.Error(), "its body "+tt.want) {
				t.Errorf("copy of a body PostgreSQL refuses: %v", err)
			}
		})
	}
}

func TestBackupOfPostgres(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	s := openTest(t)
	fullArchive(t, s)
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest, false); !errors.Is(err, ErrExists) {
		t.Errorf("backup over a file: %v", err)
	}
	if err := CheckArchiveFile(ctx, dest); err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sameDump(t, "backup", dumpArchive(t, b), dumpArchive(t, s))
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
	err = Restore(ctx, dest, s.addr, true)
	if err == nil || !strings.Contains(err.Error(), "newsarchive copy --from "+dest+" --to postgres://") {
		t.Errorf("restore onto PostgreSQL: %v", err)
	}
}

// TestCopyDropsLeases copies an archive whose tagging queue has a claimed
// row: the copy keeps its state but not the lease of a worker of the source.
func TestCopyDropsLeases(t *testing.T) {
	ctx := context.Background()
	src, dst := openTest(t), openTest(t)
	ids := mustCreate(t, src, newArticle("One", "First."), newArticle("Two", "Second."))
	if _, err := src.w.ExecContext(ctx, `UPDATE tagging SET lease_owner = 'worker-1', lease_until = 4102444800000 WHERE article_id = ?`, ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := Copy(ctx, dst, src, nil); err != nil {
		t.Fatal(err)
	}
	var owner string
	var until int64
	var state string
	if err := dst.r.QueryRowContext(ctx, `SELECT state, lease_owner, lease_until FROM tagging WHERE article_id = ?`, ids[1]).Scan(&state, &owner, &until); err != nil {
		t.Fatal(err)
	}
	if state != "pending" || owner != "" || until != 0 {
		t.Errorf("the copied tagging row: %s, lease %q until %d", state, owner, until)
	}
}
