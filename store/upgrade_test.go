package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsarchive/newsarchive/store/query"
)

var writeV1 = flag.Bool("write-v1", false, "rewrite testdata/archive-v1.db with migration 0001 alone")

// v1Archive is an archive written by the first released schema (migration
// 0001 alone), committed so that later edits to 0001 cannot hide a broken
// upgrade path.
const v1Archive = "testdata/archive-v1.db"

// v1Articles are the made-up articles in the v1 archive.
var v1Articles = []struct{ title, body string }{
	{"Harbour bridge reopens", "The harbour bridge reopened on Monday after six months of repairs."},
	{"Café owners protest levy", "Owners of thirty cafés in Lyon protested against the new levy on terraces."},
	{"Library extends its hours", "The central library will stay open until ten in the evening from May."},
}

// testHash stands in for the importer's content hash in these tests.
func testHash(title, body string) string {
	h := sha256.Sum256([]byte(title + "\n\n" + body))
	return hex.EncodeToString(h[:])
}

// onlyMigrations returns the real migrations up to version n, plus extra
// ones given as name and SQL.
func onlyMigrations(t *testing.T, n int, extra ...string) fs.FS {
	t.Helper()
	entries, err := fs.ReadDir(migrationSource, ".")
	if err != nil || len(entries) < n {
		t.Fatalf("migrations: %d, %v", len(entries), err)
	}
	m := fstest.MapFS{}
	for _, e := range entries[:n] {
		body, err := fs.ReadFile(migrationSource, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: body}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i]] = &fstest.MapFile{Data: []byte(extra[i+1])}
	}
	return m
}

// withMigrations swaps the migration source for one test.
func withMigrations(t *testing.T, src fs.FS) {
	old := migrationSource
	migrationSource = src
	t.Cleanup(func() { migrationSource = old })
}

// TestWriteV1Archive writes the committed v1 archive when run with -write-v1.
// Its rows are inserted with plain SQL, not CreateArticles, which follows
// the current schema.
func TestWriteV1Archive(t *testing.T) {
	sqliteOnly(t)
	if !*writeV1 {
		t.Skip("run with -write-v1 to rewrite " + v1Archive)
	}
	withMigrations(t, onlyMigrations(t, 1))
	tmp := filepath.Join(t.TempDir(), "v1.db")
	s, err := Open(context.Background(), tmp)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range v1Articles {
		res, err := s.w.Exec(`INSERT INTO articles (title, body, content_hash, origin, imported_at, source, published)
			VALUES (?, ?, ?, ?, '2025-05-23T10:00:00Z', 'The Test Gazette', ?)`,
			a.title, a.body, testHash(a.title, a.body), fmt.Sprintf("/archive/v1/%d.txt", i), fmt.Sprintf("2025-05-%02d", 20+i))
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if _, err := s.w.Exec(`INSERT INTO originals (article_id, content_type, data) VALUES (?, 'text/plain', ?)`,
			id, a.title+"\n\n"+a.body+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.w.Exec(`VACUUM`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(v1Archive, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyV1 copies the committed v1 archive to a temporary file.
func copyV1(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(v1Archive)
	if err != nil {
		t.Fatalf("%v (run go test ./store -run TestWriteV1Archive -write-v1)", err)
	}
	p := filepath.Join(t.TempDir(), "archive.db")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// dump returns the archive's schema and the rows of its first-schema tables.
func dump(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range []string{
		`SELECT 'version', user_version FROM pragma_user_version`,
		`SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name`,
		`SELECT id, title || '|' || body || '|' || content_hash || '|' || origin || '|' || published FROM articles ORDER BY id`,
		`SELECT article_id, content_type || '|' || hex(data) FROM originals ORDER BY article_id`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s\t%s\n", k, v)
		}
		rows.Close()
	}
	return b.String()
}

// TestUpgradeFromV1 opens the first schema's archive with the current code:
// every migration is applied, the old articles are whole, findable and
// listed, and new ones can be added.
func TestUpgradeFromV1(t *testing.T) {
	sqliteOnly(t)
	path := copyV1(t)
	if v := userVersion(t, path); v != 1 {
		t.Fatalf("%s is at schema version %d, want 1", v1Archive, v)
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open v1 archive: %v", err)
	}
	defer s.Close()
	entries, _ := fs.ReadDir(migrationSource, ".")
	if v := userVersion(t, path); v != len(entries) {
		t.Errorf("schema version %d after the upgrade, want %d", v, len(entries))
	}
	if p, err := s.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if p, err := s.VerifyArticles(ctx, testHash); err != nil || len(p) > 0 {
		t.Errorf("verify: %v %v", p, err)
	}
	if n, err := s.ArticleCount(ctx); err != nil || n != len(v1Articles) {
		t.Errorf("%d articles, %v", n, err)
	}
	for i, want := range v1Articles {
		a, err := s.Article(ctx, int64(i+1))
		if err != nil || a.Title != want.title || a.Body != want.body || a.Source != "The Test Gazette" {
			t.Errorf("article %d: %+v %v", i+1, a, err)
		}
	}
	res, err := s.SearchArticles(ctx, Search{Query: query.Parse("cafés")})
	if err != nil || res.Total != 1 {
		t.Errorf("search cafés: %+v %v", res, err)
	}
	mustCreate(t, s, newArticle("After the upgrade", "A new article stored in the upgraded archive."))
	if n, _ := s.ArticleCount(ctx); n != len(v1Articles)+1 {
		t.Errorf("%d articles after adding one", n)
	}
}

// TestFailedMigrationLeavesArchive gives the v1 archive a migration that
// fails half-way: opening fails and names it, the file holds exactly what
// it held before, and the real migrations still apply afterwards.
func TestFailedMigrationLeavesArchive(t *testing.T) {
	sqliteOnly(t)
	path := copyV1(t)
	before := dump(t, path)
	raw, _ := os.ReadFile(path)
	withMigrations(t, onlyMigrations(t, 1, "0002_broken.sql", `
		CREATE TABLE half_done (x INTEGER);
		ALTER TABLE articles ADD COLUMN half_done TEXT;
		UPDATE articles SET title = 'changed';
		INSERT INTO no_such_table VALUES (1);`))
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "0002_broken.sql") {
		t.Fatalf("open with a failing migration: %v", err)
	}
	if after := dump(t, path); after != before {
		t.Errorf("the failed migration changed the archive:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, raw) {
		t.Errorf("the failed migration changed the file's bytes")
	}
	migrationSource = onlyMigrations(t, 1, "0002_fine.sql", `ALTER TABLE articles ADD COLUMN note TEXT NOT NULL DEFAULT '';`)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open after the failed upgrade: %v", err)
	}
	s.Close()
	if v := userVersion(t, path); v != 2 {
		t.Errorf("schema version %d, want 2", v)
	}
}

// TestConcurrentFirstOpen opens one new archive from several connections at
// once, as a GUI and a command started together do: each migration is
// applied once and every open succeeds.
func TestConcurrentFirstOpen(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "archive.db")
	const n = 4
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := Open(context.Background(), path)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("concurrent open: %v", err)
		}
	}
	entries, _ := fs.ReadDir(migrationSource, ".")
	if v := userVersion(t, path); v != len(entries) {
		t.Errorf("schema version %d, want %d", v, len(entries))
	}
}
