package cli

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/storetest"
)

func TestCopyCommand(t *testing.T) {
	db := taggedArchive(t)
	dir := t.TempDir()
	dest := filepath.Join(dir, "copy.db")
	code, out, errs := run(t, db, "copy", "--to", dest)
	if code != ExitOK {
		t.Fatalf("copy: %d %s %s", code, out, errs)
	}
	for _, want := range []string{"articles", "1 rows", "mentions", "notes", "copied " + db + " to " + dest + ": ", "15 tables"} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
	if code, out, _ := run(t, dest, "list"); code != ExitOK || !strings.Contains(out, "Geneva") {
		t.Errorf("list of the copy (%d): %s", code, out)
	}

	// Again, --from naming the archive: nothing is left to copy.
	code, out, errs = run(t, filepath.Join(dir, "unused.db"), "copy", "--json", "--from", db, "--to", dest)
	var rep struct {
		From, To     string
		Rows, Copied int64
		Resumed      bool
		Tables       []struct{ Table string }
		Seconds      float64
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &rep) != nil {
		t.Fatalf("copy --json (%d): %s %s", code, out, errs)
	}
	if rep.From != db || rep.To != dest || rep.Rows == 0 || rep.Copied != 0 || !rep.Resumed || len(rep.Tables) != 15 {
		t.Errorf("copy into a complete copy: %+v", rep)
	}

	for _, args := range [][]string{{"copy"}, {"copy", "--to"}, {"copy", "--to", dest, "extra"}} {
		if code, _, errs := run(t, db, args...); code != ExitUsage || !strings.Contains(errs, "usage: newsarchive [--db PATH] copy") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
	if code, _, errs := run(t, db, "copy", "--to", db); code != ExitFailed || !strings.Contains(errs, "it is the archive to copy into") {
		t.Errorf("copy onto itself: %d %s", code, errs)
	}
}

// TestCopyNeverShowsPassword copies to and from PostgreSQL addresses
// holding a password, ones that cannot be reached and, with a test server,
// one that works (the server trusts it): no output may show it.
func TestCopyNeverShowsPassword(t *testing.T) {
	const secret = "s3cret-pw-42"
	db := taggedArchive(t)
	unreachable := "postgres://ann:" + secret + "@127.0.0.1:9/news?sslmode=disable&connect_timeout=5"
	type test struct {
		name, to string
		code     int
		want     string
	}
	tests := []test{
		{"unreachable", unreachable, ExitFailed, "cannot reach"},
		{"password parameter", "postgresql://127.0.0.1:9/news?user=ann&password=" + secret + "&sslmode=disable&connect_timeout=5", ExitFailed, "cannot reach"},
	}
	if storetest.Available() {
		u, err := url.Parse(storetest.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(u.User.Username(), secret)
		tests = append(tests, test{"reachable", u.String(), ExitOK, ":xxxxx@"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, db, "copy", "--to", tt.to)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, want %d, output lacks %q: %s %s", code, tt.code, tt.want, out, errs)
			}
			if strings.Contains(out+errs, secret) {
				t.Errorf("the password is shown: %s %s", out, errs)
			}
			code, out, errs = run(t, db, "copy", "--json", "--from", tt.to, "--to", filepath.Join(t.TempDir(), "back.db"))
			if code != tt.code || strings.Contains(out+errs, secret) {
				t.Errorf("copy back (exit %d): %s %s", code, out, errs)
			}
		})
	}

	// Restore cannot replace a PostgreSQL archive: it says what to run.
	backup := filepath.Join(t.TempDir(), "backup.db")
	if code, _, errs := run(t, db, "backup", backup); code != ExitOK {
		t.Fatal(errs)
	}
	code, out, errs := run(t, unreachable, "restore", backup)
	if code != ExitFailed || !strings.Contains(errs, "newsarchive copy --from "+backup+" --to postgres://") || strings.Contains(out+errs, secret) {
		t.Errorf("restore onto PostgreSQL (%d): %s %s", code, out, errs)
	}
}
