package cli

import (
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/storetest"
)

// TestPostgresAddressNeverShowsPassword opens archives at PostgreSQL
// addresses that fail in different ways: the password must never be printed.
func TestPostgresAddressNeverShowsPassword(t *testing.T) {
	for _, tt := range []struct {
		name, db, want string
	}{
		{"unreachable", "postgres://ann:s3cretpw@127.0.0.1:9/news?sslmode=disable&connect_timeout=5", "cannot reach the PostgreSQL server at 127.0.0.1:9"},
		{"password parameter", "postgresql://127.0.0.1:9/news?user=ann&password=s3cretpw&sslmode=disable&connect_timeout=5", "cannot reach"},
		{"bad option", "postgres://ann:s3cretpw@127.0.0.1:9/news?sslmode=sometimes", "sslmode"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.db, "list")
			if code != ExitFailed {
				t.Errorf("exit %d, want %d", code, ExitFailed)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q lacks %q", errs, tt.want)
			}
			if strings.Contains(out+errs, "s3cretpw") {
				t.Errorf("the password is shown: %q %q", out, errs)
			}
		})
	}
}

// TestPostgresArchiveFromCLI imports, lists and searches a PostgreSQL
// archive with the same commands as a file.
func TestPostgresArchiveFromCLI(t *testing.T) {
	db := storetest.Postgres(t)
	seed := seedFile(t)
	if code, out, errs := run(t, db, "import", "--no-tag", seed); code != ExitOK {
		t.Fatalf("import exit %d: %s %s", code, out, errs)
	}
	code, out, errs := run(t, db, "search", "Geneva")
	if code != ExitOK || !strings.Contains(out, "U.S., China Hold First Call Since Geneva Meeting") {
		t.Fatalf("search (%d): %s %s", code, out, errs)
	}
	code, out, _ = run(t, db, "list")
	if code != ExitOK || !strings.Contains(out, "Geneva Meeting") {
		t.Fatalf("list (%d): %s", code, out)
	}
	code, _, errs = run(t, db, "show", "99")
	if code != ExitFailed || !strings.Contains(errs, "no article 99 in postgres://newsarchive@") {
		t.Errorf("show 99 (%d): %s", code, errs)
	}
}
