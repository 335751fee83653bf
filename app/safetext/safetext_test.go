package safetext

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Storm hits coast", "Storm hits coast"},
		{"csi colour", "\x1b[31mRed\x1b[0m alert", "Red alert"},
		{"osc title", "\x1b]0;pwned\x07News", "News"},
		{"osc hyperlink st", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"8-bit csi", "A\u009b2JB", "AB"},
		{"8-bit osc", "A\u009d0;x\u009cB", "AB"},
		{"dcs", "A\x1bPq#0;2;0;0;0\x1b\\B", "AB"},
		{"charset escape", "A\x1b(BB", "AB"},
		{"reset", "A\x1bcB", "AB"},
		{"unterminated osc keeps text", "A\x1b]0;rest of title", "A0;rest of title"},
		{"lone esc", "A\x1b", "A"},
		{"c0 to space", "A\x00B\tC\nD\rE", "A B C D E"},
		{"del and c1", "A\x7fB\u0085C", "A B C"},
		{"bidi override", "invoice\u202egpj.exe", "invoicegpj.exe"},
		{"bidi isolate", "\u2066abc\u2069", "abc"},
		{"zero width space run", "Bei\u200b\u200b\u200bjing", "Beijing"},
		{"bom and word joiner", "\ufeffTitle\u2060", "Title"},
		{"tags", "Hi\U000E0041\U000E0042", "Hi"},
		{"persian zwnj kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"emoji zwj kept", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"},
		{"zwj run dropped", "a\u200d\u200db", "ab"},
		{"zwj at edge dropped", "\u200dab\u200c", "ab"},
		{"spaces collapsed", "  a \u00a0 b  ", "a b"},
		{"invalid utf8", "a\xffb\x9bc", "a\ufffdb\ufffdc"},
		{"rlm kept", "abc\u200f", "abc\u200f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBodyAndTerminal(t *testing.T) {
	tests := []struct{ name, in, body, term string }{
		{"paragraphs kept", "One.\n\n\tTwo.", "One.\n\n\tTwo.", "One.\n\n\tTwo."},
		{"crlf", "a\r\nb\rc", "a\nb\nc", "a\nb\nc"},
		{"escapes", "\x1b[2J\x1b[Hwiped\x07", "wiped", "wiped"},
		{"snippet marks", "a\x02b\x03c", "abc", "abc"},
		{"bidi kept in body, not on terminal", "x\u202ey", "x\u202ey", "xy"},
		{"zwnj kept", "a\u200cb", "a\u200cb", "a\u200cb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Body(tt.in); got != tt.body {
				t.Errorf("Body(%q) = %q, want %q", tt.in, got, tt.body)
			}
			if got := Terminal(tt.in); got != tt.term {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.term)
			}
		})
	}
}

// TestHostileGolden runs every function over the adversarial strings of
// testdata/hostile.txt (one Go-quoted string a line) and compares with
// testdata/hostile.golden; go test -update rewrites it.
func TestHostileGolden(t *testing.T) {
	var out strings.Builder
	for _, in := range hostile(t) {
		fmt.Fprintf(&out, "in       %q\n", in)
		for _, fn := range []struct {
			name string
			f    func(string) string
		}{{"line", Line}, {"terminal", Terminal}, {"csv", CSVCell}, {"bibtex", BibTeX}, {"biburl", BibTeXURL},
			{"markdown", Markdown}, {"mdurl", MarkdownURL}, {"html", func(s string) string { return HTMLMarked(s, "\x02", "\x03") }}} {
			fmt.Fprintf(&out, "%-8s %q\n", fn.name, fn.f(in))
		}
		out.WriteString("\n")
	}
	golden := filepath.Join("testdata", "hostile.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff)", golden)
	}
}

// hostile reads testdata/hostile.txt: one Go-quoted string a line, blank
// lines and # comments skipped.
func hostile(t testing.TB) []string {
	f, err := os.Open(filepath.Join("testdata", "hostile.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		in, err := strconv.Unquote(sc.Text())
		if err != nil {
			t.Fatalf("hostile.txt: %q: %v", sc.Text(), err)
		}
		out = append(out, in)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// addHostile seeds a fuzz target with the strings of testdata/hostile.txt.
func addHostile(f *testing.F) {
	for _, s := range hostile(f) {
		f.Add(s)
	}
}

// checkClean fails when s still holds what the sanitisers remove.
func checkClean(t *testing.T, in, s string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%q -> invalid UTF-8 %q", in, s)
	}
	for _, r := range s {
		if isControl(r) && !(multiline && (r == '\n' || r == '\t')) {
			t.Fatalf("%q -> control %U left in %q", in, r, s)
		}
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]0;t\x07", "a\u202eb", "a\u200d\u200db", "\u009b1m", "\xff\xfe"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Line(s)
		checkClean(t, s, got, false)
		if strings.ContainsFunc(got, func(r rune) bool { return isBidiControl(r) || isInvisible(r) }) {
			t.Fatalf("%q -> %q keeps bidi or invisible characters", s, got)
		}
		if Line(got) != got {
			t.Fatalf("Line not idempotent on %q: %q -> %q", s, got, Line(got))
		}
	})
}

func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"\x1b[2J", "\x1bPq\x1b\\", "x\r\ny", "\u009d8;;x\u009c", "\x1b\x1b]"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Terminal(s)
		checkClean(t, s, got, true)
		if strings.ContainsFunc(got, isBidiControl) {
			t.Fatalf("%q -> %q keeps bidi controls", s, got)
		}
		if Terminal(got) != got || Body(Body(s)) != Body(s) {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

func BenchmarkLine(b *testing.B) {
	s := strings.Repeat("Storm \x1b[1mhits\x1b[0m the coast\u200b ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Line(s)
	}
}

func BenchmarkBody(b *testing.B) {
	s := strings.Repeat("A plain paragraph of an article with nothing to strip.\n\n", 2000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Body(s)
	}
}

func BenchmarkBodyEscapes(b *testing.B) {
	s := strings.Repeat("A paragraph \x1b[1mwith\x1b[0m an escape and a \x1b]0;title\x07.\r\n\r\n", 2000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Body(s)
	}
}
