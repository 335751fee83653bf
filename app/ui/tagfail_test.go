package ui

import (
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store"
)

func TestFailedText(t *testing.T) {
	tests := []struct {
		n      int
		newest []store.FailedTag
		want   []string
	}{
		{2, nil, []string{"2 article(s)"}},
		{1, []store.FailedTag{{ArticleID: 9, Title: "Big\x1b[2J page", Error: "tagging over its time budget of 1m0s"}},
			[]string{"article 9", "time budget", `"Big`}},
	}
	for _, tt := range tests {
		got := failedText(tt.n, tt.newest)
		for _, w := range tt.want {
			if !strings.Contains(got, w) || strings.ContainsRune(got, 0x1b) {
				t.Errorf("failedText(%d) = %q, want %q and no escape", tt.n, got, w)
			}
		}
	}
}
