package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// hostileTitle carries an OSC title change, a CSI colour, a BEL and a bidi
// override: what an old archive (made before ingest cleaned titles) or a
// restored backup may hold.
const hostileTitle = "Calm\x1b]0;pwned\x07 \x1b[31mred\x1b[0m \u202eevil"

// TestTerminalOutputEscaped: list, search, show, entities, entity and tags
// never print a stored title's or name's escapes, controls or bidi
// overrides to the terminal (#15, finding 9).
func TestTerminalOutputEscaped(t *testing.T) {
	db := taggedArchive(t)
	damage(t, db,
		`UPDATE articles SET title = '`+hostileTitle+`', source = '`+hostileTitle+`', body = body || char(10) || '`+hostileTitle+`'`,
		`UPDATE entities SET name = name || '`+hostileTitle+`' WHERE id = (SELECT min(id) FROM entities)`,
		`INSERT INTO tags (name) VALUES ('`+hostileTitle+`')`,
		`INSERT INTO article_tags (article_id, tag_id) SELECT 1, id FROM tags`,
		`INSERT INTO notes (article_id, text, updated_at) VALUES (1, '`+hostileTitle+`', '2024-01-01T00:00:00Z')`,
	)
	for _, args := range [][]string{{"list"}, {"search", "China"}, {"search", "calm"}, {"show", "1"}, {"entities"},
		{"entity", "1"}, {"tags", "list"}, {"tags", "list", "1"}, {"note", "1"}} {
		code, out, errs := run(t, db, args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		if strings.ContainsAny(out+errs, "\x1b\x07\u202e") {
			t.Errorf("%v printed raw escapes: %q", args, out)
		}
		if !strings.Contains(out, "Calm red evil") && args[0] != "entities" && args[0] != "entity" && args[0] != "search" {
			t.Errorf("%v: the title's text is gone: %q", args, out)
		}
	}
}

// TestSearchJSONSnippetEscaped: search --json snippets HTML-escape the text
// around <mark> (#15, finding 11).
func TestSearchJSONSnippetEscaped(t *testing.T) {
	db := taggedArchive(t)
	damage(t, db, `UPDATE articles SET body = '<img src=x onerror=alert(1)> China <b>trade</b>' || body`)
	code, out, errs := run(t, db, "search", "--json", "China")
	if code != ExitOK {
		t.Fatalf("search --json: %d %s", code, errs)
	}
	var hits []searchHitJSON
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 {
		t.Fatalf("%v %q", err, out)
	}
	sn := hits[0].Snippet
	if strings.Contains(sn, "<img") || strings.Contains(sn, "<b>") || !strings.Contains(sn, "&lt;b&gt;") || !strings.Contains(sn, "<mark>China</mark>") {
		t.Errorf("snippet %q", sn)
	}
}
