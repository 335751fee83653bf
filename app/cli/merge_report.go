package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/safetext"
)

// printMerge prints a merge's report: what it added, what it left alone
// of this archive's own data and why, and a dry run's preview.
func printMerge(w io.Writer, r export.MergeReport, opt export.MergeOptions) {
	verb := "merged"
	if opt.DryRun {
		verb = "dry run: would merge"
	}
	fmt.Fprintf(w, "%s %d articles: %d new, %d already archived; %d entities, %d corrections added",
		verb, r.Articles, r.Imported, r.Duplicates, r.Entities, r.Corrections)
	if r.BadMentions > 0 {
		fmt.Fprintf(w, "; %d bad mentions dropped", r.BadMentions)
	}
	if r.Highlights > 0 || r.Collections > 0 {
		fmt.Fprintf(w, "; %d highlights added, %d collections merged", r.Highlights, r.Collections)
	}
	if r.Watches > 0 {
		fmt.Fprintf(w, "; %d watches added", r.Watches)
	}
	fmt.Fprintf(w, " in %s\n", r.Elapsed.Round(time.Millisecond))
	if r.DatesDropped > 0 || r.LinksDropped > 0 {
		fmt.Fprintf(w, "cleaned: %d unreadable dates and %d unsafe links left out\n", r.DatesDropped, r.LinksDropped)
	}
	if opt.DryRun {
		for _, p := range r.Preview {
			fmt.Fprintln(w, "  with --apply-corrections:", safetext.Line(p))
		}
		return
	}
	if !opt.ApplyCorrections && r.LocalSkipped+r.EntitiesSkipped+r.CorrectionsSkipped+r.WorkbenchSkipped > 0 {
		fmt.Fprintf(w, "left alone: %d archived articles the export would add tags or notes to, %d of this archive's entities, "+
			"%d corrections, %d highlights or collections of this archive (see them with --dry-run; apply them with --apply-corrections)\n",
			r.LocalSkipped, r.EntitiesSkipped, r.CorrectionsSkipped, r.WorkbenchSkipped)
	}
}
