package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// TestAllowNet: commands that fetch refuse the local network unless
// --allow-net or $NEWSARCHIVE_ALLOW_NET names it; a bad list is an error.
func TestAllowNet(t *testing.T) {
	s := newTestSite(t)
	s.set("/tram", fmt.Sprintf(storyHTML, "Tram extension", "Tram extension", "eleven thousand"))
	u := s.URL + "/tram"
	cases := []struct {
		name string
		env  string
		args []string
		code int
		want string // in stdout or stderr
	}{
		{"import refused", "", []string{"import", u}, ExitFailed, "loopback"},
		{"fetch refused", "", []string{"fetch", u}, ExitFailed, "not public"},
		{"feeds add refused", "", []string{"feeds", "add", s.URL + "/feed.xml"}, ExitFailed, "loopback"},
		{"other network allowed only", "", []string{"fetch", "--allow-net", "10.0.0.0/8", u}, ExitFailed, "loopback"},
		{"flag", "", []string{"fetch", "--allow-net", "127.0.0.1", u}, ExitOK, "imported 1"},
		{"env", "192.168.0.0/16, 127.0.0.0/8", []string{"import", "--no-tag", u}, ExitOK, "imported 1"},
		{"bad list", "", []string{"fetch", "--allow-net", "intranet", u}, ExitFailed, "--allow-net"},
		{"bad env", "10.0.0.0/33", []string{"import", u}, ExitFailed, app.EnvAllowNet},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(app.EnvAllowNet, tc.env)
			db := filepath.Join(t.TempDir(), "a.db")
			code, out, errs := run(t, db, tc.args...)
			if code != tc.code || !strings.Contains(out+errs, tc.want) {
				t.Errorf("exit %d, want %d with %q:\n%s%s", code, tc.code, tc.want, out, errs)
			}
		})
	}
}

// TestImportFollowSymlinks: import refuses a link out of the folder
// unless --follow-symlinks.
func TestImportFollowSymlinks(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	secret := filepath.Join(outside, "notes.txt")
	if err := os.WriteFile(secret, []byte("Private notes\n\nThe user's private notes, outside the imported folder.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "notes.txt")); err != nil {
		t.Skip(err)
	}
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, _ := run(t, db, "import", "--no-tag", dir); code != ExitFailed || !strings.Contains(out, "out of the imported folder") {
		t.Errorf("without the flag: exit %d %s", code, out)
	}
	if code, out, _ := run(t, db, "import", "--no-tag", "--follow-symlinks", dir); code != ExitOK || !strings.Contains(out, "imported 1") {
		t.Errorf("with --follow-symlinks: exit %d %s", code, out)
	}
}

// TestPrintFailed: `queue` lists failed articles with their reason, one
// line each, without terminal escapes from titles.
func TestPrintFailed(t *testing.T) {
	var b strings.Builder
	printFailed(&b, []store.FailedTag{{ArticleID: 7, Title: "Huge\x1b]0;pwned\x07 page", Error: "tagging over its time budget of 1m0s"}}, 3)
	out := b.String()
	for _, want := range []string{"      7  Huge", "time budget", "and 2 more", "retag"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("escape printed: %q", out)
	}
}
