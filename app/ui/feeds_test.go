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
