package query

import (
	"fmt"
	"strings"
	"testing"
)

// render shows a query compactly: clauses joined by spaces, OR-ed terms by
// "|", exclusions with "-", phrases in quotes and prefixes with "*".
func render(q Query) string {
	var parts []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			s := strings.Join(t.Words, " ")
			if len(t.Words) > 1 {
				s = `"` + s + `"`
			}
			if t.Prefix {
				s += "*"
			}
			alts = append(alts, s)
		}
		p := strings.Join(alts, "|")
		if c.Exclude {
			p = "-" + p
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Yukos", "yukos"},
		{"Blair election", "blair election"},
		{`"mobile phone"`, `"mobile phone"`},
		{"econ*", "econ*"},
		{"-football rugby", "-football rugby"},
		{"yukos OR gazprom oil", "yukos|gazprom oil"},
		{"yukos or gazprom", "yukos or gazprom"},
		{"NOT football rugby", "-football rugby"},
		{`"unbalanced quote`, `"unbalanced quote"`},
		{`-"exact phrase" word`, `-"exact phrase" word`},
		{"U.S. trade", `"u s" trade`},
		{"OR", "or"},
		{"NOT", "not"},
		{"AND NEAR", "near"},
		{"rugby OR", "rugby"},
		{"OR rugby", "rugby"},
		{"* ^ : ( )", ""},
		{"'; DROP TABLE articles; --", "drop table articles"},
		{"", ""},
		{"- -", ""},
		{"Zürich café", "zürich café"},
	}
	for _, tt := range tests {
		if got := render(Parse(tt.in)); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseBounds(t *testing.T) {
	long := strings.Repeat("word ", 1000)
	if q := Parse(long); len(q.Clauses) > maxTerms {
		t.Errorf("%d clauses", len(q.Clauses))
	}
	if q := Parse(`"` + long); len(q.Clauses[0].Any[0].Words) > maxTerms {
		t.Errorf("phrase of %d words", len(q.Clauses[0].Any[0].Words))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Yukos", `"mobile phone"`, "econ*", "-football rugby", "a OR b", `"`, "NOT", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		for _, c := range q.Clauses {
			if len(c.Any) == 0 {
				t.Fatalf("empty clause from %q", s)
			}
			for _, term := range c.Any {
				if len(term.Words) == 0 {
					t.Fatalf("empty term from %q: %s", s, fmt.Sprint(q))
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		Parse(`"mobile phone" -football rugby OR union econ* U.S.`)
	}
}
