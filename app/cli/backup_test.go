package cli

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// taggedArchive imports and tags the seed into a new archive.
func taggedArchive(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := run(t, db, "import", seedFile(t)); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	return db
}

// damage runs SQL on an archive behind the store's back.
func damage(t *testing.T, db string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestBackupRestoreCheck(t *testing.T) {
	db := taggedArchive(t)
	if code, out, _ := run(t, db, "check"); code != ExitOK || !strings.Contains(out, "no problems found in 1 articles") {
		t.Fatalf("check of a sound archive: %d %s", code, out)
	}
	bak := filepath.Join(t.TempDir(), "backup.db")
	if code, out, errs := run(t, db, "backup", bak); code != ExitOK {
		t.Fatalf("backup: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, db, "backup", bak); code != ExitFailed || !strings.Contains(errs, "--force") {
		t.Errorf("backup over an existing file: %d %s", code, errs)
	}
	if code, _, errs := run(t, db, "backup", "--force", bak); code != ExitOK {
		t.Errorf("backup --force: %d %s", code, errs)
	}

	// A damaged copy: a mention past its article's end, an index row gone.
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if code, _, errs := run(t, db, "backup", damaged); code != ExitOK {
		t.Fatal(errs)
	}
	damage(t, damaged,
		`UPDATE mentions SET end = (SELECT length(CAST(body AS BLOB)) FROM articles WHERE id = mentions.article_id) + 5
			WHERE id = (SELECT min(id) FROM mentions)`,
		`INSERT INTO articles_fts (articles_fts, rowid, title, headline, body) SELECT 'delete', id, title, headline, body
			FROM articles WHERE id = 1`)
	code, out, _ := run(t, damaged, "check")
	if code != ExitFailed || !strings.Contains(out, "mentions point outside their article's body") ||
		!strings.Contains(out, "full-text index") || !strings.Contains(out, "1 articles are missing from it: 1") ||
		!strings.Contains(out, "2 problems found") {
		t.Errorf("check of a damaged archive: %d\n%s", code, out)
	}

	// Restore refuses a file that is no archive, and an existing archive
	// without --force; with it, the damaged archive is the backup again.
	notArchive := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notArchive, []byte("hello"), 0o644)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if code, _, errs := run(t, fresh, "restore", notArchive); code != ExitFailed || !strings.Contains(errs, "not a News Archive") {
		t.Errorf("restore of a text file: %d %s", code, errs)
	}
	if code, _, errs := run(t, damaged, "restore", bak); code != ExitFailed || !strings.Contains(errs, "--force") {
		t.Errorf("restore over an archive: %d %s", code, errs)
	}
	if code, _, errs := run(t, damaged, "restore", "--force", bak); code != ExitOK {
		t.Fatalf("restore --force: %d %s", code, errs)
	}
	if code, out, _ := run(t, damaged, "check"); code != ExitOK {
		t.Errorf("check after restore: %d %s", code, out)
	}
	if code, _, errs := run(t, fresh, "restore", bak); code != ExitOK {
		t.Errorf("restore to a new path: %d %s", code, errs)
	}
}

func TestExportMergeCLI(t *testing.T) {
	db := taggedArchive(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "all.jsonl")
	if code, _, errs := run(t, db, "export", "--format", "jsonl", "--out", out); code != ExitOK || !strings.Contains(errs, "exported 1 articles") {
		t.Fatalf("export: %d %s", code, errs)
	}
	other := filepath.Join(dir, "other.db")
	code, stdout, errs := run(t, other, "merge", out)
	if code != ExitOK || !strings.Contains(stdout, "merged 1 articles: 1 new") {
		t.Fatalf("merge: %d %s %s", code, stdout, errs)
	}
	if code, stdout, _ := run(t, other, "merge", out); code != ExitOK || !strings.Contains(stdout, "1 already archived") {
		t.Errorf("second merge: %d %s", code, stdout)
	}
	if code, stdout, _ := run(t, db, "export", "--format", "csv", "--table", "entities"); code != ExitOK ||
		!strings.HasPrefix(stdout, "entity_id,name,type,articles,mentions,confirmed,aliases\n") {
		t.Errorf("csv entities: %d %.200s", code, stdout)
	}
	for _, bad := range [][]string{{"export"}, {"export", "--format", "pdf"}, {"export", "--format", "markdown"},
		{"export", "--format", "csv", "--ids", "1,x"}, {"export", "--format", "ris", "--from", "soon"}} {
		if code, _, errs := run(t, db, bad...); code != ExitUsage {
			t.Errorf("%v: exit %d, want usage error: %s", bad, code, errs)
		}
	}
	if code, _, _ := run(t, db, "export", "--format", "csv", "--entity", "Nobody Whatsoever"); code != ExitFailed {
		t.Errorf("unknown entity: exit %d", code)
	}
	md := filepath.Join(dir, "md")
	if code, _, errs := run(t, db, "export", "--format", "markdown", "--out", md); code != ExitOK {
		t.Errorf("markdown: %d %s", code, errs)
	}
	if files, _ := filepath.Glob(filepath.Join(md, "*.md")); len(files) != 1 {
		t.Errorf("markdown files %v", files)
	}
}

// TestExportOutRefusesArchive: export --out never writes over the archive,
// under any name, and overwrites another file only with --force (#15,
// finding 8).
func TestExportOutRefusesArchive(t *testing.T) {
	db := taggedArchive(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{db, link, hard, db + "-wal"} {
		for _, force := range []bool{false, true} {
			args := []string{"export", "--format", "csv", "--out", out}
			if force {
				args = append(args, "--force")
			}
			if code, _, errs := run(t, db, args...); code == ExitOK || !strings.Contains(errs, "is the archive itself") {
				t.Errorf("%v: %d %s", args, code, errs)
			}
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the archive file changed")
	}
	other := filepath.Join(dir, "other.csv")
	if err := os.WriteFile(other, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, db, "export", "--format", "csv", "--out", other); code == ExitOK || !strings.Contains(errs, "--force") {
		t.Errorf("export over an existing file: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(other); string(b) != "keep" {
		t.Errorf("existing file overwritten without --force: %q", b)
	}
	if code, _, errs := run(t, db, "export", "--format", "csv", "--out", other, "--force"); code != ExitOK {
		t.Errorf("export --force: %d %s", code, errs)
	}
	if info, err := os.Stat(other); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("export file mode: %v %v", info.Mode(), err)
	}
}
