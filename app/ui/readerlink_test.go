package ui

import "testing"

// TestReaderLink (#15 finding 10): the reader opens http and https links
// only.
func TestReaderLink(t *testing.T) {
	tests := []struct {
		raw  string
		want string // "" when no link is offered
	}{
		{"https://news.example/story?id=1", "https://news.example/story?id=1"},
		{"http://news.example/a", "http://news.example/a"},
		{"file:///etc/passwd", ""},
		{"javascript:alert(1)", ""},
		{"smb://server/share", ""},
		{"https://user:pass@news.example/", ""},
		{"news.example/story", ""},
		{"", ""},
	}
	for _, tt := range tests {
		u, ok := readerLink(tt.raw)
		got := ""
		if ok {
			got = u.String()
		}
		if got != tt.want {
			t.Errorf("readerLink(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
