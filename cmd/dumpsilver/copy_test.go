package main

import "testing"

// TestCopyText checks the select-all copy of a page: blocks on lines of
// their own, a blank line around paragraphs, cells by tabs, whitespace
// collapsed, what the markup hides and the head, scripts and styles left
// out, preformatted text kept as it is.
func TestCopyText(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"menu and paragraphs",
			`<html><head><title>T</title><style>p{}</style></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav>
			<h1>The   headline</h1><p>First <b>bold</b>
			paragraph.</p><p>Second one.</p><script>var x = 1;</script></body></html>`,
			"Home\nNews\nThe headline\n\nFirst bold paragraph.\n\nSecond one.\n"},
		{"hidden by markup", `<div hidden>Secret</div><div style="display: none">Gone</div><span style="visibility:hidden">No</span><div>Shown</div>`,
			"Shown\n"},
		{"table and line breaks", `<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table><p>one<br>two</p>`,
			"a\tb\nc\td\n\none\ntwo\n"},
		{"preformatted", "<p>Code:</p><pre>x :=  1\n  y</pre>", "Code:\n\nx :=  1\n  y\n"},
		{"inline spaces", `<p><a href="#">Share</a> <a href="#">Tweet</a></p>`, "Share Tweet\n"},
	}
	for _, tt := range tests {
		if got := CopyText(tt.page, false); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestCopyTextHeadGap: with headGap a heading is a blank line apart from
// what is around it, as a paragraph is; without, a line of its own.
func TestCopyTextHeadGap(t *testing.T) {
	page := `<nav><a href="/">Home</a><br><a href="/n">News</a></nav><h1>The headline</h1><div>By Ann Lee</div><p>Text.</p>`
	for _, tt := range []struct {
		gap  bool
		want string
	}{
		{false, "Home\nNews\nThe headline\nBy Ann Lee\n\nText.\n"},
		{true, "Home\nNews\n\nThe headline\n\nBy Ann Lee\n\nText.\n"},
	} {
		if got := CopyText(page, tt.gap); got != tt.want {
			t.Errorf("headGap %v: got %q, want %q", tt.gap, got, tt.want)
		}
	}
}

// TestMarkdownText checks the Markdown of a page: headings by #, items by
// "* " two spaces a level, links and images inline, bold; links without
// text or to fragments and scripts stay text.
func TestMarkdownText(t *testing.T) {
	page := `<body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a><ul><li><a href="/w/eu">Europe</a></li></ul></li></ul></nav>
	<h2>The <i>headline</i></h2><p><img src="/a.jpg" alt="A  storm"> The <b>port</b> closed, <a href="#top">top</a>, <a href="javascript:x()">menu</a>, <a href="https://e.org/r">the report</a>.</p>
	<p><a href="/x"><img src="/logo.png" alt=""></a></p><table><tr><td>a</td><td>b</td></tr></table></body>`
	want := "* [Home](/)\n* [World](/w)\n  * [Europe](/w/eu)\n\n## The headline\n\n![A storm](/a.jpg) The **port** closed, top, menu, [the report](https://e.org/r).\n\n![](/logo.png)\n\na | b\n"
	if got := MarkdownText(page); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
