package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/store/storetest"
)

// The store's tests run on SQLite, and then, when $NEWSARCHIVE_TEST_PG names
// a server, once more on PostgreSQL: TestMain runs the test binary again with
// envBackend set, and openTest opens PostgreSQL archives in that run.
const envBackend = "NEWSARCHIVE_TEST_BACKEND"

func onPostgres() bool { return os.Getenv(envBackend) == "postgres" }

func TestMain(m *testing.M) {
	code := m.Run()
	if onPostgres() || !storetest.Available() {
		os.Exit(code)
	}
	fmt.Println("=== the same tests on PostgreSQL")
	cmd := exec.Command(os.Args[0], os.Args[1:]...)
	cmd.Env = append(os.Environ(), envBackend+"=postgres")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "tests on PostgreSQL: %v\n", err)
		code = max(code, 1)
	}
	os.Exit(code)
}

// openTest opens a fresh archive: a file in a temporary directory, or a
// schema of its own on the PostgreSQL test server.
func openTest(t testing.TB) *Store {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "archive.db")
	if onPostgres() {
		addr = storetest.Postgres(t)
	}
	s, err := Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sqliteOnly skips a test about the SQLite file itself in the PostgreSQL run.
func sqliteOnly(t testing.TB) {
	t.Helper()
	if onPostgres() {
		t.Skip("about the SQLite file")
	}
}

// postgresOnly skips a test about PostgreSQL in the SQLite run.
func postgresOnly(t testing.TB) {
	t.Helper()
	if !onPostgres() {
		t.Skip("about PostgreSQL: runs in the PostgreSQL pass")
	}
}
