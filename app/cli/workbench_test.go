package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkbenchCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := run(t, db, "import", seedFile(t)); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	tests := []struct {
		args []string
		code int
		out  string // in stdout, or stderr on failure
	}{
		{[]string{"highlight", "add", "1", "--quote", "resumed high-level diplomatic engagement", "--color", "contested",
			"--note", "Who called whom?", "--tag", "diplomacy", "--tag", "us-china"}, ExitOK, "highlight 1 on article 1 (red)"},
		{[]string{"highlight", "add", "1", "--quote", "The   United States\nand China"}, ExitOK, "highlight 2 on article 1 (yellow)"},
		{[]string{"highlight", "add", "1", "--quote", "a sentence the article never had"}, ExitFailed, "quote not in the article"},
		{[]string{"highlight", "add", "1", "--quote", "China", "--color", "mauve"}, ExitUsage, "unknown highlight colour"},
		{[]string{"highlight", "add", "7", "--quote", "China"}, ExitFailed, "not found"},
		{[]string{"highlight", "add", "1"}, ExitUsage, "usage"},
		{[]string{"highlights", "--color", "contested"}, ExitOK, "Who called whom?"},
		{[]string{"highlights", "--tag", "nothing"}, ExitOK, "0 highlights"},
		{[]string{"highlight", "rm", "2"}, ExitOK, ""},
		{[]string{"highlight", "rm", "2"}, ExitFailed, "not found"},
		{[]string{"collection", "create", "Trade", "--description", "US-China trade"}, ExitOK, `collection "Trade": 0 articles`},
		{[]string{"collection", "create", "trade"}, ExitFailed, "name already taken"},
		{[]string{"collection", "add", "trade", "1"}, ExitOK, "added 1 articles"},
		{[]string{"collection", "add", "trade", "9"}, ExitFailed, "not found"},
		{[]string{"collection", "create", "Geneva", "--from-search", "Geneva", "--source", "nowhere"}, ExitOK, "0 articles"},
		{[]string{"collection", "create", "Geneva2", "--from-search", "Geneva"}, ExitOK, "1 articles"},
		{[]string{"collection", "rename", "geneva2", "Geneva calls"}, ExitOK, ""},
		{[]string{"collection", "show", "geneva calls"}, ExitOK, `made from the search "Geneva"`},
		{[]string{"collections"}, ExitOK, "Geneva calls"},
		{[]string{"collection", "rm", "trade", "1"}, ExitOK, "removed 1 articles"},
		{[]string{"collection", "delete", "geneva"}, ExitOK, ""},
		{[]string{"watch", "add", "Calls", "phone", "call"}, ExitOK, `watching "Calls"`},
		{[]string{"watch", "add", "Bad", "Geneva", "--from", "yesterday"}, ExitUsage, "date"},
		{[]string{"watches"}, ExitOK, "    0 new  Calls"},
		{[]string{"watch", "show", "calls"}, ExitOK, "0 new, 1 seen before"},
		{[]string{"export", "--format", "annotations", "--collection", "geneva calls"}, ExitOK, "TextQuoteSelector"},
		{[]string{"export", "--format", "csv", "--table", "highlights"}, ExitOK, "resumed high-level diplomatic engagement"},
		{[]string{"export", "--format", "jsonl", "--collection", "trade"}, ExitUsage, "no articles"},
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		where := out
		if tt.code != ExitOK {
			where = errs
		}
		if code != tt.code || !strings.Contains(where, tt.out) {
			t.Errorf("%q: exit %d, want %d; stdout %q stderr %q; want %q", tt.args, code, tt.code, out, errs, tt.out)
		}
	}

	// JSON forms.
	_, out, _ := run(t, db, "highlights", "--json")
	var hs []highlightJSON
	if err := json.Unmarshal([]byte(out), &hs); err != nil || len(hs) != 1 || hs[0].Label != "contested" ||
		strings.Join(hs[0].Tags, ",") != "diplomacy,us-china" || hs[0].Author == "" {
		t.Errorf("highlights --json: %v %s", err, out)
	}
	_, out, _ = run(t, db, "collection", "show", "--json", "Geneva calls")
	var c collectionJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil || c.Search == nil || c.Search.Query != "Geneva" || len(c.Members) != 1 {
		t.Errorf("collection show --json: %v %s", err, out)
	}
	_, out, _ = run(t, db, "watches", "--json")
	var ws []watchJSON
	if err := json.Unmarshal([]byte(out), &ws); err != nil || len(ws) != 1 || ws[0].OpenedAt == nil {
		t.Errorf("watches --json: %v %s", err, out)
	}
}
