package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
)

// TestImportSymlinksOutOfFolder (#15 finding 13): a folder import does not
// follow links that lead out of the folder (to a file or a folder) unless
// FollowSymlinks is set; links within the folder are followed.
func TestImportSymlinksOutOfFolder(t *testing.T) {
	outside := t.TempDir()
	apptest.WriteFile(t, outside, "private.txt", []byte("Private diary\n\nThe private diary of the user, outside the imported folder.\n"))
	apptest.WriteFile(t, outside, "sub/other.txt", []byte("Other private file\n\nAnother private file in a folder outside the import.\n"))
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "a.txt", []byte("Harbour story\n\nThe harbour reopened to ferries on Monday after repairs.\n"))
	apptest.WriteFile(t, dir, "in/b.txt", []byte("Bridge story\n\nThe old bridge was closed to lorries for a week.\n"))
	for link, target := range map[string]string{
		"diary.txt": filepath.Join(outside, "private.txt"), "elsewhere": filepath.Join(outside, "sub"),
		"inner.txt": filepath.Join(dir, "in", "b.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip(err)
		}
	}
	tests := []struct {
		follow            bool
		imported, refused int
	}{
		{false, 2, 2}, // a.txt, in/b.txt (inner.txt is its duplicate); diary.txt and elsewhere refused
		{true, 4, 0},
	}
	for _, tt := range tests {
		a := apptest.Open(t)
		rep, err := a.Importer.Import(context.Background(), []string{dir}, importer.Options{FollowSymlinks: tt.follow})
		if err != nil {
			t.Fatal(err)
		}
		refused := 0
		for _, r := range rep.Results {
			if r.Status == importer.StatusFailed && strings.Contains(r.Error, "out of the imported folder") {
				refused++
			}
		}
		if rep.Imported != tt.imported || refused != tt.refused {
			t.Errorf("follow %v: %d imported, %d refused; want %d, %d: %+v", tt.follow, rep.Imported, refused, tt.imported, tt.refused, rep.Results)
		}
		for _, art := range allArticles(t, a) {
			if strings.Contains(art.Body, "private") && !tt.follow {
				t.Errorf("a file outside the folder was imported: %q", art.Title)
			}
		}
	}
}
