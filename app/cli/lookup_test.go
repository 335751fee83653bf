package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestLookupAndSearchFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := run(t, db, "import", seedFile(t)); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	code, out, errs := run(t, db, "lookup", "--json", "--kind", "title", "Genva call")
	var res []map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != ExitOK || len(res) != 1 {
		t.Fatalf("lookup: %d %v %s %s", code, err, out, errs)
	}
	for _, k := range []string{"kind", "id", "text", "score", "positions"} {
		if _, ok := res[0][k]; !ok {
			t.Errorf("lookup --json lacks %q: %v", k, res[0])
		}
	}
	if res[0]["kind"] != "title" || res[0]["id"] != float64(1) || len(res[0]["positions"].([]any)) == 0 ||
		!strings.Contains(res[0]["text"].(string), "Geneva") {
		t.Errorf("lookup result %v", res[0])
	}
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"lookup", "geneva"}, ExitOK, "[Geneva]"},
		{[]string{"lookup", "--kind", "source", "geneva"}, ExitOK, "nothing found"},
		{[]string{"lookup", "?!*"}, ExitOK, "nothing found"},
		{[]string{"lookup", "--kind", "planet", "x"}, ExitUsage, "use entity, title or source"},
		{[]string{"lookup"}, ExitUsage, "usage:"},
		{[]string{"search", "--type", "person", "Geneva"}, ExitOK, "matching articles"},
		{[]string{"search", "--type", "alien", "Geneva"}, ExitUsage, "use person, org, place or misc"},
		{[]string{"search", "--entity", "Nobody Atall", "Geneva"}, ExitOK, `no person, organisation or place is named "Nobody Atall"`},
		{[]string{"search", "--sort", "date", "--from", "2025", "--to", "2025-05", "Geneva"}, ExitOK, "1 of 1 matching articles"},
		{[]string{"search", "--from", "2026", "Geneva"}, ExitOK, "0 of 0 matching articles"},
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.out) {
			t.Errorf("%v: exit %d, want %d; output %q %q", tt.args, code, tt.code, out, errs)
		}
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		text string
		pos  []int
		want string
	}{
		{"Geneva", []int{0, 1, 2}, "[Gen]eva"},
		{"Zürich talks", []int{0, 1, 7, 8}, "[Zü]rich [ta]lks"},
		{"ab", []int{1}, "a[b]"},
		{"ab", nil, "ab"},
	}
	for _, tt := range tests {
		if got := highlight(tt.text, tt.pos, "[", "]"); got != tt.want {
			t.Errorf("highlight(%q, %v) = %q, want %q", tt.text, tt.pos, got, tt.want)
		}
	}
}
