package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store"
)

func TestTaggingText(t *testing.T) {
	tests := []struct {
		q     store.QueueStatus
		local bool
		want  string
	}{
		{store.QueueStatus{Pending: 3, Done: 1}, true, "Finding names: 1 of 4"},
		{store.QueueStatus{Leased: 3, Done: 1, Workers: []string{"me"}}, true, "Finding names: 1 of 4"},
		{store.QueueStatus{Leased: 3, Done: 1, Workers: []string{"far"}}, false, "Finding names: 1 of 4 (1 worker)"},
		{store.QueueStatus{Pending: 1, Leased: 4, Done: 4, Failed: 1, Workers: []string{"a", "b", "c"}}, true, "Finding names: 5 of 10 (3 workers)"},
		{store.QueueStatus{Pending: 2}, false, "Finding names: 0 of 2 (waiting for a worker)"},
	}
	for _, tt := range tests {
		if got := taggingText(tt.q, tt.local); got != tt.want {
			t.Errorf("taggingText(%+v, %v) = %q, want %q", tt.q, tt.local, got, tt.want)
		}
	}
}

// TestTaggingSummaryFollowsOtherWorkers queues articles that a worker
// elsewhere claims: the window, which is not tagging, shows the progress
// and the worker, and hides it once the queue is empty.
func TestTaggingSummaryFollowsOtherWorkers(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	dir := t.TempDir()
	var paths []string
	for i := range 3 {
		p := filepath.Join(dir, fmt.Sprintf("story%d.txt", i))
		if err := os.WriteFile(p, fmt.Appendf(nil, "Story %d\n\nJane Porter of Acme Holdings spoke in Lisbon on day %d.\n", i, i), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if rep, err := a.Importer.Import(ctx, paths, importer.Options{}); err != nil || rep.Imported != 3 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	other, err := store.Open(ctx, w.path) // another process's worker
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.ClaimTagging(ctx, "elsewhere/1/abcd", 2, time.Hour); err != nil {
		t.Fatal(err)
	}
	w.jobs.updateTagging()
	if !w.jobs.summary.Visible() {
		t.Fatal("the tagging summary is hidden while another worker tags")
	}
	if got := w.jobs.tagText.Text; got != "Finding names: 0 of 3 (1 worker)" {
		t.Errorf("summary %q", got)
	}
	if _, err := other.ReleaseTagging(ctx, "elsewhere/1/abcd"); err != nil {
		t.Fatal(err)
	}
	if err := tagging.New(other).Work(ctx, tagging.Options{ExitWhenDone: true}, nil); err != nil {
		t.Fatal(err)
	}
	w.jobs.updateTagging()
	if w.jobs.summary.Visible() {
		t.Errorf("the tagging summary %q is still shown once the queue is empty", w.jobs.tagText.Text)
	}
}

// TestPollDue checks that the tagging poll spaces its counts of the queue
// by what they cost.
func TestPollDue(t *testing.T) {
	for _, tt := range []struct {
		since, cost time.Duration
		want        bool
	}{
		{time.Second, 0, true},
		{time.Second, 10 * time.Millisecond, true},
		{time.Second, 200 * time.Millisecond, false},
		{4 * time.Second, 200 * time.Millisecond, true},
	} {
		if got := pollDue(tt.since, tt.cost); got != tt.want {
			t.Errorf("pollDue(%v, %v) = %v, want %v", tt.since, tt.cost, got, tt.want)
		}
	}
}
