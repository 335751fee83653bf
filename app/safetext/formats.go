package safetext

import (
	"html"
	"net/url"
	"strings"
)

// CSVCell defuses formula injection in a text cell: a cell that starts
// with = + - @, a tab or a carriage return (which spreadsheets read as a
// formula or skip to reach one) gets a leading apostrophe, as OWASP
// advises. Meant for text columns; numbers should not pass through it.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width forms some spreadsheets fold to ASCII.
	if strings.HasPrefix(s, "\uff1d") || strings.HasPrefix(s, "\uff0b") || strings.HasPrefix(s, "\uff0d") ||
		strings.HasPrefix(s, "\uff20") {
		return "'" + s
	}
	return s
}

// CSVRecord applies CSVCell to every cell of a record, in place, and
// returns it.
func CSVRecord(cells []string) []string {
	for i, c := range cells {
		cells[i] = CSVCell(c)
	}
	return cells
}

var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `&`, `\&`, `%`, `\%`, `$`, `\$`,
	`#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

// BibTeX escapes text for a BibTeX field value: one line, every brace and
// TeX special escaped, so that no value can close its field or run a TeX
// command (\input, \write18).
func BibTeX(s string) string { return bibEscaper.Replace(Line(s)) }

// BibTeXURL makes a link safe for a BibTeX url field (read verbatim by
// \url): only http and https links are kept ("" otherwise), and braces,
// backslashes, quotes and spaces are percent-encoded so the value cannot
// end its field.
func BibTeXURL(raw string) string {
	u := webURL(raw)
	if u == "" {
		return ""
	}
	return strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, `\`, `%5C`, `"`, `%22`, ` `, `%20`).Replace(u)
}

// webURL returns raw as an http or https URL without credentials, or "".
func webURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}

var mdEscaper = strings.NewReplacer(`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`, `\`, `\\`, "`", "\\`", `*`, `\*`,
	`_`, `\_`, `[`, `\[`, `]`, `\]`, `|`, `\|`, `~`, `\~`)

// Markdown escapes plain text (an article body) for a Markdown document:
// raw HTML (<img onerror=...>, <script>) becomes visible text, and the
// characters that make links, images, emphasis, code and tables are
// escaped, as are block markers (# > - + = and "1.") at the start of a
// line. Paragraph breaks are kept; controls go (see Body).
func Markdown(s string) string {
	lines := strings.Split(mdEscaper.Replace(Terminal(s)), "\n")
	for i, l := range lines {
		lines[i] = escapeBlockStart(l)
	}
	return strings.Join(lines, "\n")
}

// escapeBlockStart escapes a character that would open a heading, a list,
// a block quote or a setext underline at the start of a line.
func escapeBlockStart(l string) string {
	t := strings.TrimLeft(l, " \t")
	ind := l[:len(l)-len(t)]
	if t == "" {
		return l
	}
	switch t[0] {
	case '#', '-', '+', '=':
		return ind + `\` + t
	}
	if strings.HasPrefix(t, "&gt;") {
		return l // already an entity, not a quote marker
	}
	n := 0
	for n < len(t) && n < 10 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') {
		return ind + t[:n] + `\` + t[n:]
	}
	return l
}

// MarkdownURL makes a link safe inside Markdown's (...) or <...>: http
// and https only ("" otherwise), with parentheses, angle brackets and
// spaces percent-encoded.
func MarkdownURL(raw string) string {
	u := webURL(raw)
	if u == "" {
		return ""
	}
	return strings.NewReplacer(`(`, `%28`, `)`, `%29`, `<`, `%3C`, `>`, `%3E`, ` `, `%20`).Replace(u)
}

// HTMLMarked renders a snippet whose matches are enclosed in the markers
// start and end (the store's MarkStart and MarkEnd) as HTML: the text is
// escaped and each match wrapped in <mark>...</mark>. A marker that
// closes nothing is dropped and one left open is closed, so the output is
// always balanced.
func HTMLMarked(s, start, end string) string {
	if start == "" || end == "" {
		return html.EscapeString(Terminal(s))
	}
	var b strings.Builder
	open := false
	for s != "" {
		i, j := strings.Index(s, start), strings.Index(s, end)
		next, isStart := i, true
		if next < 0 || (j >= 0 && j < next) {
			next, isStart = j, false
		}
		if next < 0 {
			b.WriteString(html.EscapeString(Terminal(s)))
			break
		}
		b.WriteString(html.EscapeString(Terminal(s[:next])))
		switch {
		case isStart && !open:
			b.WriteString("<mark>")
			open = true
		case !isStart && open:
			b.WriteString("</mark>")
			open = false
		}
		if isStart {
			s = s[next+len(start):]
		} else {
			s = s[next+len(end):]
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}
