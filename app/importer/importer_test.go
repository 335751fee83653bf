package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/search"
)

// TestImportBadInputs imports a folder that mixes good files with bad ones:
// each bad file fails with a clear reason, the good ones are imported, and
// the archive stays sound.
func TestImportBadInputs(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	good := "Council approves new bridge\n\nThe city council approved the new bridge across the river on Monday evening.\n"
	apptest.WriteFile(t, dir, "01-good.txt", []byte(good))
	apptest.WriteFile(t, dir, "02-empty.txt", nil)
	apptest.WriteFile(t, dir, "03-blank.txt", []byte(" \n\n \t\n"))
	apptest.WriteFile(t, dir, "04-binary.txt", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00binary zip data"))
	apptest.WriteFile(t, dir, "05-nul.txt", []byte("Title\n\nSome text\x00with a NUL byte in the middle of it."))
	big := bytes.Repeat([]byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"), ingest.MaxSize/50)
	apptest.WriteFile(t, dir, "06-huge.txt", big)
	apptest.WriteFile(t, dir, "07-invalid-utf8.txt", []byte("Caf\xe9 owners protest\n\nThe owners of thirty caf\xe9s in Lyon protested on Monday against the levy.\n"))
	unreadable := apptest.WriteFile(t, dir, "08-unreadable.txt", []byte("Locked file\n\nOnly its owner may read this file, which holds a short article.\n"))
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	apptest.WriteFile(t, dir, "sub/09-duplicate.txt", []byte(strings.ReplaceAll(good, "\n", "\r\n")))
	apptest.WriteFile(t, dir, "sub/10-utf16.txt", utf16LE("Storm closes ports\n\nA winter storm closed every port on the coast for two days this week, officials said.\n"))
	apptest.WriteFile(t, dir, "picture.jpg", []byte("\xff\xd8\xff\xe0"))
	apptest.WriteFile(t, dir, ".hidden.txt", []byte(good))

	want := map[string]string{
		"01-good.txt":         "imported",
		"02-empty.txt":        "failed:empty file",
		"03-blank.txt":        "failed:empty file",
		"04-binary.txt":       "failed:not a text file",
		"05-nul.txt":          "failed:not a text file",
		"06-huge.txt":         "failed:file too large: the limit is 20 MB",
		"07-invalid-utf8.txt": "imported",
		"08-unreadable.txt":   "failed:permission denied",
		"09-duplicate.txt":    "duplicate",
		"10-utf16.txt":        "imported",
	}
	if os.Geteuid() == 0 {
		want["08-unreadable.txt"] = "imported" // root reads any file
	}
	rep, err := a.Importer.Import(ctx, []string{dir, filepath.Join(dir, "missing.txt")}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want["missing.txt"] = "failed:no such file"
	if len(rep.Results) != len(want) {
		t.Errorf("%d results, want %d: %+v", len(rep.Results), len(want), rep.Results)
	}
	for _, r := range rep.Results {
		w, ok := want[filepath.Base(r.Path)]
		if !ok {
			t.Errorf("unexpected result %+v", r)
			continue
		}
		status, reason, _ := strings.Cut(w, ":")
		if r.Status != status || !strings.Contains(r.Error, reason) {
			t.Errorf("%s: %s %q, want %s %q", filepath.Base(r.Path), r.Status, r.Error, status, reason)
		}
	}
	if rep.Skipped != 2 {
		t.Errorf("skipped %d, want 2 (picture and hidden file)", rep.Skipped)
	}
	art, err := a.Store.Article(ctx, rep.Results[6].ID)
	if err != nil || !strings.Contains(art.Body, "cafés") {
		t.Errorf("Latin-1 file: %q, %v", art.Body, err)
	}
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("archive check: %v %v", p, err)
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestImportSymlinkLoop imports a folder holding a link to itself.
func TestImportSymlinkLoop(t *testing.T) {
	a := apptest.Open(t)
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "a.txt", []byte("Loop test article\n\nThis folder links back to itself and must still import once.\n"))
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Skip(err)
	}
	rep, err := a.Importer.Import(context.Background(), []string{dir}, importer.Options{})
	if err != nil || rep.Imported != 1 || len(rep.Results) != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
}

// TestImportBBC imports the whole BBC corpus: 2,127 articles, 98 duplicates.
func TestImportBBC(t *testing.T) {
	dir := corpus.Path(t, "corpus", "bbc")
	a := apptest.Open(t)
	ctx := context.Background()
	var last importer.Progress
	rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{OnProgress: func(p importer.Progress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 2127 || rep.Duplicates != 98 || rep.Failed != 0 {
		t.Errorf("imported %d, duplicates %d, failed %d; want 2127, 98, 0", rep.Imported, rep.Duplicates, rep.Failed)
	}
	if last.Done != last.Total || last.Total != 2225 {
		t.Errorf("last progress %+v", last)
	}
	for _, r := range rep.Results {
		if r.Status == importer.StatusDuplicate && r.DuplicateOf == 0 {
			t.Errorf("%s: duplicate of nothing", r.Path)
		}
	}
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("archive check: %v %v", p, err)
	}
	res, err := a.Search.Search(ctx, "Yukos", search.Options{Limit: 5})
	if err != nil || res.Total < 10 || !strings.Contains(res.Hits[0].Title+res.Hits[0].Snippet, "Yukos") {
		t.Errorf("search Yukos: %+v %v", res, err)
	}
}

// BenchmarkImportBBC measures import throughput on the BBC corpus.
func BenchmarkImportBBC(b *testing.B) {
	dir := corpus.Path(b, "corpus", "bbc")
	for b.Loop() {
		a, err := apptest.OpenAt(context.Background(), filepath.Join(b.TempDir(), "archive.db"))
		if err != nil {
			b.Fatal(err)
		}
		rep, err := a.Importer.Import(context.Background(), []string{dir}, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.Imported+rep.Duplicates)/rep.Elapsed.Seconds(), "articles/s")
		a.Close()
	}
}
