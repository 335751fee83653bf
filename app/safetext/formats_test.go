package safetext

import (
	"strings"
	"testing"
)

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Storm hits coast", "Storm hits coast"},
		{"=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"\uff1d1+1", "'\uff1d1+1"},
		{"a=1", "a=1"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if r := CSVRecord([]string{"=1", "ok"}); r[0] != "'=1" || r[1] != "ok" {
		t.Errorf("CSVRecord = %q", r)
	}
}

func TestBibTeX(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Storm hits coast", "Storm hits coast"},
		{"field break-out", "x}, note = {\\input{/etc/passwd}", `x\}, note = \{\textbackslash{}input\{/etc/passwd\}`},
		{"specials", "50% & $5 #1 a_b ~ ^", `50\% \& \$5 \#1 a\_b \textasciitilde{} \textasciicircum{}`},
		{"controls", "a\x1b[1m\nb", "a b"},
	}
	for _, tt := range tests {
		if got := BibTeX(tt.in); got != tt.want {
			t.Errorf("%s: BibTeX(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	urls := []struct{ in, want string }{
		{"https://example.org/a?b=1#c", "https://example.org/a?b=1#c"},
		{"https://example.org/}}, note={\\write18{rm -rf ~}}", "https://example.org/%7D%7D,%20note=%7B%5Cwrite18%7Brm%20-rf%20~%7D%7D"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"http://user:pw@example.org/", ""},
	}
	for _, tt := range urls {
		if got := BibTeXURL(tt.in); got != tt.want {
			t.Errorf("BibTeXURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "A plain sentence.", "A plain sentence."},
		{"raw html", `<img src=x onerror="alert(1)">`, `&lt;img src=x onerror="alert(1)"&gt;`},
		{"script", "<script>steal()</script>", "&lt;script&gt;steal()&lt;/script&gt;"},
		{"link", "[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"image", "![x](http://tracker.example/p.gif)", `!\[x\](http://tracker.example/p.gif)`},
		{"emphasis and code", "a*b*_c_`d`", "a\\*b\\*\\_c\\_\\`d\\`"},
		{"heading", "# Not a heading\n\n## Nor this", `\# Not a heading` + "\n\n" + `\## Nor this`},
		{"list and quote", "- item\n> quote\n1990. A year", "\\- item\n&gt; quote\n1990\\. A year"},
		{"entity", "AT&T &lt;", "AT&amp;T &amp;lt;"},
		{"escapes gone", "a\x1b]0;x\x07b", "ab"},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("%s: Markdown(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	if got := MarkdownURL("https://example.org/a_(b) c"); got != "https://example.org/a_%28b%29%20c" {
		t.Errorf("MarkdownURL = %q", got)
	}
	if got := MarkdownURL("javascript:alert(1)"); got != "" {
		t.Errorf("MarkdownURL(javascript) = %q", got)
	}
}

func TestHTMLMarked(t *testing.T) {
	const s, e = "\x02", "\x03"
	tests := []struct{ name, in, want string }{
		{"plain", "a " + s + "storm" + e + " b", "a <mark>storm</mark> b"},
		{"html in text", `<img onerror=x>` + s + "<b>" + e, "&lt;img onerror=x&gt;<mark>&lt;b&gt;</mark>"},
		{"stray end", "a" + e + "b", "ab"},
		{"left open", s + "a", "<mark>a</mark>"},
		{"nested start", s + "a" + s + "b" + e, "<mark>ab</mark>"},
		{"quotes", `"x" & 'y'`, "&#34;x&#34; &amp; &#39;y&#39;"},
	}
	for _, tt := range tests {
		if got := HTMLMarked(tt.in, s, e); got != tt.want {
			t.Errorf("%s: HTMLMarked(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"=1", "-x", "\uff20a", "ok"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := CSVCell(s)
		if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
			t.Fatalf("CSVCell(%q) = %q starts with a formula character", s, got)
		}
		if got != s && got != "'"+s {
			t.Fatalf("CSVCell(%q) = %q changed more than a prefix", s, got)
		}
	})
}

// braceDepthOK reports that unescaped braces in a TeX value balance.
func braceDepthOK(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // the escaped character
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func FuzzBibTeX(f *testing.F) {
	for _, s := range []string{"}", "\\", "x}, note={", "https://e.org/}{", "\\}"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		if got := BibTeX(s); !braceDepthOK(got) || strings.ContainsAny(got, "\n\r") {
			t.Fatalf("BibTeX(%q) = %q can break its field", s, got)
		}
		if got := BibTeXURL(s); strings.ContainsAny(got, "{}\\\" \n") {
			t.Fatalf("BibTeXURL(%q) = %q can break its field", s, got)
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"<img onerror=x>", "[a](b)", "# h", "1. x", "\x1b[1m"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Markdown(s)
		if strings.ContainsAny(got, "<>") {
			t.Fatalf("Markdown(%q) = %q keeps raw HTML", s, got)
		}
		for i := 0; i < len(got); i++ {
			if got[i] == '\\' {
				i++
				continue
			}
			if strings.IndexByte("[]`*_|", got[i]) >= 0 {
				t.Fatalf("Markdown(%q) = %q: unescaped %q at %d", s, got, got[i], i)
			}
		}
		if u := MarkdownURL(s); strings.ContainsAny(u, "()<> ") {
			t.Fatalf("MarkdownURL(%q) = %q", s, u)
		}
	})
}

func FuzzHTMLMarked(f *testing.F) {
	for _, s := range []string{"a\x02b\x03", "<b>\x02<i>\x03", "\x03\x02\x02", "&\x1b[1m"} {
		f.Add(s)
	}
	addHostile(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := HTMLMarked(s, "\x02", "\x03")
		rest := strings.ReplaceAll(strings.ReplaceAll(got, "<mark>", ""), "</mark>", "")
		if strings.ContainsAny(rest, "<>\"'") {
			t.Fatalf("HTMLMarked(%q) = %q keeps raw HTML", s, got)
		}
		if strings.Count(got, "<mark>") != strings.Count(got, "</mark>") {
			t.Fatalf("HTMLMarked(%q) = %q unbalanced", s, got)
		}
	})
}

func BenchmarkFormats(b *testing.B) {
	body := strings.Repeat("A sentence with <b>markup</b>, 50% off & [links](x).\n\n", 500)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Markdown(body)
		HTMLMarked(body, "\x02", "\x03")
		BibTeX(body[:200])
		CSVCell(body)
	}
}
