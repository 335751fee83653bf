package cli

import (
	"fmt"
	"io"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// maxFailedShown is how many failed articles `queue` lists.
const maxFailedShown = 10

// failedJSON is the JSON form of the articles the tagger failed on.
func failedJSON(fs []store.FailedTag) []map[string]any {
	out := make([]map[string]any, len(fs))
	for i, f := range fs {
		out[i] = map[string]any{"id": f.ArticleID, "title": f.Title, "error": f.Error}
	}
	return out
}

// printFailed lists the articles the tagger failed on, with the reason
// (over the time budget, say): they are not tried again until `retag`.
func printFailed(w io.Writer, fs []store.FailedTag, total int) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "failed (not tried again until `retag`), newest first:\n")
	for _, f := range fs {
		fmt.Fprintf(w, "  %6d  %s\n          %s\n", f.ArticleID, safetext.Line(f.Title), safetext.Line(f.Error))
	}
	if total > len(fs) {
		fmt.Fprintf(w, "  … and %d more\n", total-len(fs))
	}
}
