package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/search"
)

// searchWords are what the searching helper looks for while others write.
var searchWords = []string{"Yukos", `"mobile phone"`, "econ*", "election -labour", "film OR music", "rugby"}

// helperSearch searches the archive over and over until its standard input
// closes, and fails on the first error.
func helperSearch(ctx context.Context, a *apptest.Archive, _ []string, out *bufio.Writer) error {
	stop := make(chan struct{})
	go func() {
		io.Copy(io.Discard, os.Stdin)
		close(stop)
	}()
	n := 0
	for {
		select {
		case <-stop:
			fmt.Fprintf(out, "searches %d\n", n)
			return nil
		default:
		}
		for _, w := range searchWords {
			if _, err := a.Search.Search(ctx, w, search.Options{Limit: 20}); err != nil {
				return fmt.Errorf("search %s after %d searches: %w", w, n, err)
			}
			if _, err := a.Store.ArticleCount(ctx); err != nil {
				return fmt.Errorf("count after %d searches: %w", n, err)
			}
			n++
		}
	}
}

// TestTwoWriters runs two imports of different folders into one new archive
// at once, in two processes, while a third process searches it: every
// article arrives, and neither "database is locked" nor any other error
// reaches the user. Run it with -count=10 to repeat it.
func TestTwoWriters(t *testing.T) {
	skipSlow(t)
	bbc := corpus.Path(t, "corpus", "bbc")
	db := filepath.Join(t.TempDir(), "archive.db")
	halves := [][]string{
		{filepath.Join(bbc, "business"), filepath.Join(bbc, "entertainment")},
		{filepath.Join(bbc, "politics"), filepath.Join(bbc, "sport"), filepath.Join(bbc, "tech")},
	}
	// The searcher starts first, so it opens (and creates) the archive as
	// the writers do.
	searcher := startHelper(t, "search", db, nil)
	type result struct {
		out, errOut string
		err         error
	}
	done := make(chan result, len(halves))
	for _, paths := range halves {
		w := startHelper(t, "import", db, paths)
		go func() {
			out, err := w.wait()
			done <- result{out, w.stderr.String(), err}
		}()
	}
	imported, duplicates := 0, 0
	deadline := time.After(5 * time.Minute)
	for range halves {
		select {
		case r := <-done:
			if r.err != nil || r.errOut != "" {
				t.Errorf("writer: %v\n%s%s", r.err, r.out, r.errOut)
			}
			var i, d, f int
			fmt.Sscanf(r.out, "imported %d duplicates %d failed %d", &i, &d, &f)
			if f != 0 {
				t.Errorf("writer: %d files failed:\n%s", f, r.out)
			}
			imported, duplicates = imported+i, duplicates+d
		case <-deadline:
			t.Fatal("writers still running after 5 minutes")
		}
	}
	searcher.stdin.Close()
	out, err := searcher.wait()
	if err != nil || searcher.stderr.Len() > 0 {
		t.Errorf("searcher: %v\n%s%s", err, out, searcher.stderr)
	}
	var searches int
	fmt.Sscanf(out, "searches %d", &searches)
	if searches == 0 {
		t.Errorf("the searcher ran no search: %q", out)
	}
	t.Logf("writers imported %d with %d duplicates while %d searches ran", imported, duplicates, searches)
	if imported != 2127 || duplicates != 98 {
		t.Errorf("writers imported %d with %d duplicates, want 2127 and 98", imported, duplicates)
	}
	a, err := apptest.OpenAt(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if n := checkOriginals(t, a, 0); n != 2127 {
		t.Errorf("%d articles in the archive, want 2127", n)
	}
	if p, err := a.Store.Check(context.Background()); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
}
