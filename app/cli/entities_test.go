package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestNER(t *testing.T) {
	text := "JPMorgan Chase CEO Jamie Dimon met Ambassador David Perdue in Beijing on Monday."
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"ner"}, Env{Stdin: strings.NewReader(text), Stdout: &out, Stderr: &errb})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var ents []struct {
		Text, Type string
		Start, End int
	}
	if err := json.Unmarshal(out.Bytes(), &ents); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	got := map[string]string{}
	for _, e := range ents {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("offsets of %q point at %q", e.Text, text[e.Start:e.End])
		}
		got[e.Text] = e.Type
	}
	for name, typ := range map[string]string{"Jamie Dimon": "PERSON", "David Perdue": "PERSON", "Beijing": "PLACE"} {
		if got[name] != typ {
			t.Errorf("%s: %q, want %s (all: %v)", name, got[name], typ, got)
		}
	}

	out.Reset()
	in := `{"id":7,"text":"Huawei opened an office in Geneva."}` + "\n" + `{"id":"b","text":""}` + "\n" + `not json` + "\n"
	code = Main(context.Background(), []string{"ner", "--jsonl"}, Env{Stdin: strings.NewReader(in), Stdout: &out, Stderr: &errb})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code != ExitFailed || len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":7,"entities":[`) ||
		lines[1] != `{"id":"b","entities":[]}` || !strings.Contains(errb.String(), "line 3") {
		t.Errorf("jsonl: exit %d, %q, %q", code, lines, errb.String())
	}
}

func TestEntityCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := run(t, db, "import", seedFile(t)); code != ExitOK || !strings.Contains(out, "entities: 1 of 1 articles tagged") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	code, out, _ := run(t, db, "entities", "--json", "--type", "person")
	var list []struct {
		ID       int64
		Name     string
		Articles int
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != ExitOK || len(list) != 6 {
		t.Fatalf("entities: %d %v %s", code, err, out)
	}
	code, out, _ = run(t, db, "entity", "--json", "ma zhaoxu")
	var e struct {
		ID          int64
		Name, Type  string
		Cooccurring []struct{ Name string }
		PerMonth    map[string]int `json:"per_month"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Name != "Ma Zhaoxu" || e.Type != "PERSON" ||
		len(e.Cooccurring) == 0 || e.PerMonth["2025-05"] != 1 {
		t.Fatalf("entity: %d %v %s", code, err, out)
	}
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"entity", "rename", itoa(e.ID), "Ma", "Zhaoxu", "(MFA)"}, ExitOK, "renamed"},
		{[]string{"entity", "Ma Zhaoxu (MFA)"}, ExitOK, "Ma Zhaoxu (MFA) (PERSON"},
		{[]string{"entity", "retype", itoa(e.ID), "animal"}, ExitFailed, "invalid"},
		{[]string{"entity", "merge", itoa(e.ID)}, ExitUsage, "wrong number"},
		{[]string{"entity", "add", "Vice Premier", "nonsense"}, ExitUsage, "unknown type"},
		{[]string{"entity", "add", "Vice Premier", "org"}, ExitOK, "added as entity"},
		{[]string{"entity", "nobody at all"}, ExitFailed, "no entity"},
		{[]string{"retag"}, ExitOK, "tagged 1 of 1"},
		{[]string{"entity", "Ma Zhaoxu (MFA)"}, ExitOK, "1 articles"},
		{[]string{"entities", "--type", "ORG"}, ExitOK, "Vice Premier"},
		{[]string{"resolve"}, ExitOK, "resolved the archive's entity names"},
		{[]string{"resolve", "extra"}, ExitUsage, "usage: newsarchive"},
		{[]string{"entity", "Ma Zhaoxu (MFA)"}, ExitOK, "1 articles"}, // a user's rename stays
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.out) {
			t.Errorf("%v: exit %d (want %d) %q %q", tt.args, code, tt.code, out, errs)
		}
	}
}

func itoa(id int64) string {
	b, _ := json.Marshal(id)
	return string(b)
}
