package ui

import (
	"fmt"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// reportFailed, on the UI goroutine, says in the status bar when the
// tagger has failed on more articles than last reported (an article over
// its time budget, say), with the newest one's reason. Failed articles are
// not tagged again at the next launch: `retag` tries them again.
func (j *Jobs) reportFailed(n int) {
	if n <= j.failed {
		j.failed = n // fewer after a retag: report anew
		return
	}
	j.failed = n
	a, ctx := j.w.archive(), j.w.archiveContext()
	j.w.run(func() {
		fs, err := a.Tagging.FailedTagging(ctx, 1)
		j.w.do(func() {
			if err == nil && a == j.w.archive() {
				j.w.setStatus(failedText(n, fs))
			}
		})
	})
}

// failedText is the status line about failed taggings.
func failedText(n int, newest []store.FailedTag) string {
	s := fmt.Sprintf("names not found in %d article(s): the tagger failed", n)
	if len(newest) > 0 {
		f := newest[0]
		s += fmt.Sprintf(" (latest: article %d %q: %s)", f.ArticleID, safetext.Line(f.Title), safetext.Line(f.Error))
	}
	return s
}
