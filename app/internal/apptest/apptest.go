// Package apptest opens throwaway archives for the tests of the feature
// packages: a file in a temporary directory, or, when
// $NEWSARCHIVE_TEST_BACKEND is "postgres", a schema of its own on the server
// at $NEWSARCHIVE_TEST_PG (make test runs the short tests so).
package apptest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// Archive is an open archive with its services and, for the tests to
// check what the services wrote, its store.
type Archive struct {
	*app.App
	Store *store.Store
}

// Open opens a fresh archive closed at the end of the test.
func Open(t testing.TB) *Archive {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "archive.db")
	if os.Getenv("NEWSARCHIVE_TEST_BACKEND") == "postgres" {
		addr = storetest.Postgres(t)
	}
	a, err := OpenAt(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// OpenAt opens (creating when needed) the archive at addr; the caller
// closes it.
func OpenAt(ctx context.Context, addr string) (*Archive, error) {
	st, err := store.Open(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("open test archive: %w", err)
	}
	return &Archive{App: app.New(st), Store: st}, nil
}

// WriteFile writes data to dir/name, making the folders it needs, and
// returns its path.
func WriteFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
