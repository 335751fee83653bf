package store

import (
	"strconv"
	"strings"
	"testing"
)

func TestRebind(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT ? , ?`, `SELECT $1 , $2`},
		{`WHERE a = ?1 OR b = ?1`, `WHERE a = $1 OR b = $1`},
		{`WHERE a = '?' AND b = ?`, `WHERE a = '?' AND b = $1`},
		{`WHERE "odd?" = ? -- why?` + "\n AND c = ?", `WHERE "odd?" = $1 -- why?` + "\n AND c = $2"},
		{`SELECT value::bigint FROM json_array_elements_text(?::json)`, `SELECT value::bigint FROM json_array_elements_text($1::json)`},
		{`CREATE FUNCTION f() AS $$ SELECT '?' $$; SELECT ?`, `CREATE FUNCTION f() AS $$ SELECT '?' $$; SELECT $1`},
		{`SELECT 'it''s', ?`, `SELECT 'it''s', $1`},
		{`SELECT "a""?", ?`, `SELECT "a""?", $1`},
		{`SELECT /* why? */ ?`, `SELECT /* why? */ $1`},
		{`SELECT /* a /* nested? */ still? */ ?`, `SELECT /* a /* nested? */ still? */ $1`},
		{`SELECT E'it\'s ?', ?`, `SELECT E'it\'s ?', $1`},
		{`SELECT e'\\', ?`, `SELECT e'\\', $1`},
		{`SELECT name'?', ?`, `SELECT name'?', $1`}, // not an E'' string: the e ends a word
		{`SELECT $fn$ ? $ ?$$ $fn$, ?`, `SELECT $fn$ ? $ ?$$ $fn$, $1`},
		{`SELECT a$$b, ?`, `SELECT a$$b, $1`}, // a $ inside an identifier opens nothing
		{`SELECT $1, ?`, `SELECT $1, $1`},
		{`SELECT ?, ?3, ?`, `SELECT $1, $3, $2`},
		{`SELECT '?`, `SELECT '?`},     // an open literal runs to the end
		{`SELECT /* ?`, `SELECT /* ?`}, // so does an open comment
		{`SELECT $x$ ?`, `SELECT $x$ ?`},
		{`?`, `$1`},
		{`-- ?`, `-- ?`},
	} {
		if got := rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzRebind checks rebind two ways. The input, taken as a query, must come
// back with nothing changed but placeholders: each ? or ?NNN by a $ and
// digits, unnumbered ones counted from 1. The input, taken as a recipe,
// builds a query of known pieces (SQL text, placeholders, literals,
// identifiers, comments and dollar-quoted bodies holding ?, quotes, $ and
// comment marks) whose rewriting is known piece by piece, and rebind must
// give exactly that.
func FuzzRebind(f *testing.F) {
	for _, s := range []string{
		"SELECT ?", "'?' ?", `"?" ?1 ?`, "-- ?\n?", "/* ? /* ? */ ? */ ?", "E'\\'?' ?", "$$?$$ ?", "$t$ $$ ? $t$ ?",
		"a$$b ?", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b", "\xff\xfe?'", "??1?22?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOnlyPlaceholders(t, s, rebind(s))
		q, want := recipeQuery(s)
		if got := rebind(q); got != want {
			t.Fatalf("rebind(%q)\n = %q\nwant %q", q, got, want)
		}
	})
}

// checkOnlyPlaceholders fails unless out is in with some placeholders
// (?, ?NNN) replaced by $ and a number: ?NNN's own, or for ? 1, 2, 3... in
// order.
func checkOnlyPlaceholders(t *testing.T, in, out string) {
	t.Helper()
	i, o, n := 0, 0, 0
	for i < len(in) && o < len(out) {
		if in[i] == out[o] {
			i, o = i+1, o+1
			continue
		}
		if in[i] != '?' || out[o] != '$' {
			t.Fatalf("rebind(%q) = %q: byte %d changed %q to %q", in, out, i, in[i], out[o])
		}
		ie, oe := digitsEnd(in, i+1), digitsEnd(out, o+1)
		want := in[i+1 : ie]
		if want == "" {
			n++
			want = strconv.Itoa(n)
		}
		if got := out[o+1 : oe]; got != want {
			t.Fatalf("rebind(%q) = %q: placeholder at byte %d became $%s, want $%s", in, out, i, got, want)
		}
		i, o = ie, oe
	}
	if i != len(in) || o != len(out) {
		t.Fatalf("rebind(%q) = %q: lengths do not line up (%d of %d, %d of %d)", in, out, i, len(in), o, len(out))
	}
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// recipeQuery builds a query from a recipe: each piece takes a byte saying
// its kind and a byte saying its length, and its text from the bytes that
// follow, mapped onto an alphabet full of what rebind must look out for.
// It returns the query and what rebind must make of it.
func recipeQuery(recipe string) (q, want string) {
	const tricky = `?'"$-/*\E` + "\n ab1_$?'"
	const plain = "abcxyz019_ ,()=<>+.:;\t\n"
	var qb, wb strings.Builder
	n := 0
	text := func(pos, length int, alphabet string) string {
		var b strings.Builder
		for k := range length {
			c := byte(k)
			if pos+k < len(recipe) {
				c = recipe[pos+k]
			}
			b.WriteByte(alphabet[int(c)%len(alphabet)])
		}
		return b.String()
	}
	piece := func(s, rewritten string) {
		qb.WriteString(s + " ")
		wb.WriteString(rewritten + " ")
	}
	same := func(s string) { piece(s, s) }
	for i := 0; i+1 < len(recipe); {
		kind, length := recipe[i]%12, int(recipe[i+1])%12
		body := text(i+2, length, tricky)
		i += 2 + length
		switch kind {
		case 0:
			same(text(i-length, length, plain))
		case 1:
			n++
			piece("?", "$"+strconv.Itoa(n))
		case 2:
			num := strconv.Itoa(length + 1)
			piece("?"+num, "$"+num)
		case 3:
			same("'" + strings.ReplaceAll(body, "'", "''") + "'")
		case 4:
			esc := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(body)
			same("E'" + esc + "'")
		case 5:
			same(`"` + strings.ReplaceAll(body, `"`, `""`) + `"`)
		case 6:
			same("--" + strings.ReplaceAll(body, "\n", " ") + "\n")
		case 7:
			same("/*" + strings.ReplaceAll(body, "/", " ") + "*/")
		case 8:
			inner := strings.ReplaceAll(body, "/", " ")
			same("/* " + inner + " /*" + inner + "*/ " + inner + " */")
		case 9, 10:
			tag := []string{"$$", "$t$", "$fn_1$"}[length%3]
			if strings.Index(body+tag, tag) < len(body) {
				body = strings.ReplaceAll(body, "$", " ")
			}
			same(tag + body + tag)
		case 11:
			same("a$" + text(i-length, length, "ab1_$")) // an identifier holding $
		}
	}
	return qb.String(), wb.String()
}

func BenchmarkRebind(b *testing.B) {
	q := `SELECT a.id, a.body FROM articles a WHERE a.id <= ? AND a.id IN (SELECT id FROM articles
		WHERE fts @@ to_tsquery('newsarchive', ?)) AND a.title != 'what?' -- a comment?
		AND a.id IN (SELECT value::bigint FROM json_array_elements_text(?::json) AS value) LIMIT ? OFFSET ?`
	b.SetBytes(int64(len(q)))
	for b.Loop() {
		rebind(q)
	}
}
