// Package corpus locates the read-only shared test corpora (../shared beside
// the repository, or $NEWSARCHIVE_SHARED) for tests and benchmarks, which skip
// cleanly when the corpora are absent, as they are in a user's clone.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the shared data directory, or "" when there is none.
func Root() string {
	if d := os.Getenv("NEWSARCHIVE_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/app/internal/corpus/corpus.go
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	d := filepath.Clean(filepath.Join(repo, "..", "shared"))
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Path returns the path of a file or folder under the shared data directory,
// skipping the test or benchmark when it is not there.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("shared corpora not found (../shared or $NEWSARCHIVE_SHARED); skipping")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared corpus %s not available: %v", p, err)
	}
	return p
}

// RepoRoot returns the repository's top directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", ".."))
}
