package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/store"
)

// TestAddFeed subscribes to a feed file through the window and finds its
// item archived and reported.
func TestAddFeed(t *testing.T) {
	w, a := openWindow(t)
	feed := `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://example.org/</link>
<item><title>Caf` + "\xe9" + ` owners protest new levy</title><guid>levy-1</guid>
<description>The owners of thirty caf` + "\xe9" + `s in Lyon said on Monday that the new terrace levy would push many of them out of business.</description>
</item></channel></rss>`
	p := filepath.Join(t.TempDir(), "harbour.rss")
	if err := os.WriteFile(p, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	w.addFeed(p)
	card, ok := w.jobs.box.Objects[0].(*widget.Card)
	if !ok || !strings.HasPrefix(card.Subtitle, "Imported 1, duplicates 0, failed 0") {
		t.Fatalf("job card %+v", w.jobs.box.Objects[0])
	}
	list, err := a.Search.Articles(context.Background(), store.SortID, 0, 0)
	if err != nil || len(list) != 1 || list[0].Title != "Café owners protest new levy" {
		t.Fatalf("archive %+v %v", list, err)
	}
	feeds, err := a.Importer.Feeds(context.Background())
	if err != nil || len(feeds) != 1 {
		t.Errorf("subscriptions %+v %v", feeds, err)
	}
}

// TestFeedsDialog lists a subscription with its schedule, and saves the
// options its form gives.
func TestFeedsDialog(t *testing.T) {
	w, a := openWindow(t)
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "harbour.rss")
	feed := `<rss version="2.0"><channel><title>Harbour News</title><item><guid>1</guid><title>Quay works begin</title>` +
		`<description>Work on the eastern quay began on Monday and will last until the spring.</description></item></channel></rss>`
	if err := os.WriteFile(p, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	w.addFeed(p)
	w.showFeeds()
	var found bool
	for _, o := range w.Canvas().Overlays().List() {
		if _, ok := find(o, func(l *widget.Label) bool { return strings.Contains(l.Text, "Refreshes hourly · next ") }); ok {
			found = true
		}
	}
	if !found {
		t.Error("the Feeds window does not show the schedule")
	}
	tests := []struct {
		interval, keep string
		full           bool
		ok             bool
	}{
		{"every 6 hours", "30", false, true},
		{"daily", " 0 ", true, true},
		{"daily", "-3", true, false},
		{"daily", "a week", true, false},
	}
	for _, tt := range tests {
		o, err := feedOptionsOf(tt.interval, tt.keep, tt.full)
		if (err == nil) != tt.ok {
			t.Errorf("%q %q: %v", tt.interval, tt.keep, err)
		}
		if err != nil {
			continue
		}
		feeds, _ := a.Importer.Feeds(ctx)
		w.saveFeedOptions(feeds[0].ID, o)
		f, err := a.Importer.Feed(ctx, feeds[0].ID)
		if err != nil || f.Interval != o.Interval || f.RetentionDays != o.RetentionDays || f.FetchFull != tt.full {
			t.Errorf("saved %+v, got %+v %v", o, f.Schedule, err)
		}
	}
}
