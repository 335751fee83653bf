package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestTagsAndNote(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := run(t, db, "import", seedFile(t)); code != ExitOK {
		t.Fatalf("import exit %d: %s %s", code, out, errs)
	}
	steps := []struct {
		args    []string
		code    int
		out     string // wanted stdout, exactly
		errPart string // wanted in stderr
	}{
		{[]string{"tags", "add", "1", "trade", "China"}, ExitOK, "", ""},
		{[]string{"tags", "list", "1"}, ExitOK, "China\ntrade\n", ""},
		{[]string{"tags", "add", "1", "  "}, ExitUsage, "", "a tag needs a name"},
		{[]string{"tags", "add", "9", "x"}, ExitFailed, "", "no article 9"},
		{[]string{"tags", "rm", "1", "trade"}, ExitOK, "", ""},
		{[]string{"tags", "list"}, ExitOK, "     1  China\n", ""},
		{[]string{"tags", "list", "--json"}, ExitOK, "[\n  {\n    \"articles\": 1,\n    \"name\": \"China\"\n  }\n]\n", ""},
		{[]string{"tags", "add", "1"}, ExitUsage, "", "usage"},
		{[]string{"tags", "frob", "1", "x"}, ExitUsage, "", "usage"},
		{[]string{"tags", "list", "x"}, ExitUsage, "", "not an article id"},
		{[]string{"note", "1"}, ExitOK, "", ""},
		{[]string{"note", "1", "read", "again"}, ExitOK, "", ""},
		{[]string{"note", "1"}, ExitOK, "read again\n", ""},
		{[]string{"note", "1", ""}, ExitOK, "", ""},
		{[]string{"note", "1"}, ExitOK, "", ""},
		{[]string{"note", "7"}, ExitFailed, "", "no article 7"},
		{[]string{"note"}, ExitUsage, "", "usage"},
	}
	for _, st := range steps {
		code, out, errs := run(t, db, st.args...)
		if code != st.code || out != st.out || !strings.Contains(errs, st.errPart) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d, %q, %q", st.args, code, out, errs, st.code, st.out, st.errPart)
		}
	}
}

func TestNoteFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	run(t, db, "import", seedFile(t))
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader("line one\nline two\n"), Stdout: &out, Stderr: &errb}
	if code := Main(context.Background(), []string{"--db", db, "note", "1", "-"}, env); code != ExitOK {
		t.Fatalf("note - : exit %d: %s", code, errb.String())
	}
	if code, got, _ := run(t, db, "note", "1"); code != ExitOK || got != "line one\nline two\n" {
		t.Errorf("note read back = %q", got)
	}
}
