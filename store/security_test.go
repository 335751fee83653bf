package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRestoreRefusesForeignSchema: a backup carrying a trigger, a view or
// a table the migrations do not make is refused by restore, and check
// lists the objects (issue #15, finding 7).
func TestRestoreRefusesForeignSchema(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	tests := []struct{ name, ddl, listed string }{
		{"trigger", `CREATE TRIGGER evil AFTER INSERT ON articles BEGIN UPDATE articles SET title = 'pwned' WHERE id = new.id; END`, `unexpected trigger "evil"`},
		{"view", `CREATE VIEW peek AS SELECT title FROM articles`, `unexpected view "peek"`},
		{"table", `CREATE TABLE extra (x)`, `unexpected table "extra"`},
		{"index", `CREATE INDEX articles_title_x ON articles (title)`, `unexpected index "articles_title_x"`},
		{"redefined trigger", ``, `is defined otherwise`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "crafted.db")
			s, err := Open(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			ddl := tt.ddl
			if ddl == "" { // replace one of the archive's own triggers by a hostile one of the same name
				var name, sql string
				if err := s.w.QueryRowContext(ctx, `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name LIMIT 1`).Scan(&name, &sql); err != nil {
					t.Fatal(err)
				}
				if _, err := s.w.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
					t.Fatal(err)
				}
				ddl = `CREATE TRIGGER ` + name + ` AFTER INSERT ON articles BEGIN UPDATE articles SET title = 'pwned' WHERE id = new.id; END`
			}
			if _, err := s.w.ExecContext(ctx, ddl); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.listed) {
				t.Errorf("check lists %q, want a line with %q", problems, tt.listed)
			}
			s.Close()
			dest := filepath.Join(dir, "restored.db")
			err = Restore(ctx, src, dest, false)
			if !errors.Is(err, ErrForeignSchema) || !strings.Contains(err.Error(), tt.listed) {
				t.Errorf("restore of a backup with a foreign %s: %v", tt.name, err)
			}
			if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the refused restore made %s: %v", dest, err)
			}
		})
	}
}

// TestRestoreAcceptsOwnBackup: the guard lets an archive's own backup through,
// and check finds nothing in a fresh archive.
func TestRestoreAcceptsOwnBackup(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s := openTest(t)
	mustCreate(t, s, newArticle("Own", "An archive's own backup."))
	if p, err := s.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check of a fresh archive: %v %v", p, err)
	}
	dir := t.TempDir()
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup, false); err != nil {
		t.Fatal(err)
	}
	if err := Restore(ctx, backup, filepath.Join(dir, "r.db"), false); err != nil {
		t.Fatal(err)
	}
}

// TestTrustedSchemaOff: every connection of the archive runs with
// trusted_schema off.
func TestTrustedSchemaOff(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s := openTest(t)
	for name, db := range map[string]querier{"writer": s.w, "reader": s.r} {
		var on int
		if err := db.QueryRowContext(ctx, `PRAGMA trusted_schema`).Scan(&on); err != nil || on != 0 {
			t.Errorf("%s: trusted_schema = %d (%v), want 0", name, on, err)
		}
	}
	ro, err := openReadOnly(s.path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var on int
	if err := ro.QueryRowContext(ctx, `PRAGMA trusted_schema`).Scan(&on); err != nil || on != 0 {
		t.Errorf("read-only check: trusted_schema = %d (%v), want 0", on, err)
	}
}

// TestRestoreForceRefusesArchiveInUse: restore --force onto an archive
// another program has open refuses, keeping its -wal; once closed, it
// replaces it.
func TestRestoreForceRefusesArchiveInUse(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "backup.db")
	b, err := Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, b, newArticle("From the backup", "The backup's article."))
	b.Close()
	dest := filepath.Join(dir, "live.db")
	live, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, live, newArticle("Live", "Written to the live archive's log."))
	err = Restore(ctx, src, dest, true)
	if !errors.Is(err, ErrInUse) {
		t.Errorf("restore --force onto an archive in use: %v, want ErrInUse", err)
	}
	if _, err := os.Stat(dest + "-wal"); err != nil {
		t.Errorf("the live archive's -wal: %v", err)
	}
	if n, err := live.ArticleCount(ctx); err != nil || n != 1 {
		t.Errorf("live archive after the refused restore: %d articles, %v", n, err)
	}
	live.Close()
	if err := Restore(ctx, src, dest, true); err != nil {
		t.Fatalf("restore --force onto a closed archive: %v", err)
	}
	r, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if a, err := r.Article(ctx, 1); err != nil || a.Title != "From the backup" {
		t.Errorf("restored article: %+v %v", a, err)
	}
}

// TestPrivateModes: a new archive's folder is 0700 and the archive, its
// log, backups and restored copies are 0600, whatever the umask
// (finding 14).
func TestPrivateModes(t *testing.T) {
	sqliteOnly(t)
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "archive.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, newArticle("Private", "A private note's article."))
	backup := filepath.Join(t.TempDir(), "more", "backup.db")
	if err := s.Backup(ctx, backup, false); err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if err := Restore(ctx, backup, restored, false); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, backup: 0o600,
		filepath.Dir(backup): 0o700, restored: 0o600}
	for p, mode := range want {
		info, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got := info.Mode().Perm(); got != mode {
			t.Errorf("%s: mode %o, want %o", p, got, mode)
		}
	}
	s.Close()
}
