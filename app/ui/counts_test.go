package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// sidebarRow renders a section's sidebar row as the list does and returns
// its name and its count as shown.
func sidebarRow(w *Window, name string) (label, count string) {
	for id, s := range sections {
		if s.name == name {
			o := w.sidebar.createItem()
			w.sidebar.updateItem(id, o)
			box := o.(*fyne.Container)
			return box.Objects[0].(*widget.Label).Text, box.Objects[2].(*widget.RichText).String()
		}
	}
	return "", ""
}

// TestSidebarCounts imports and tags the sample article, adds tags, a
// highlight, a collection and a watch, and checks that each section shows
// the number of rows its view lists (the watches their new articles).
func TestSidebarCounts(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	if _, n := sidebarRow(w, sectionArticles); n != "0" {
		t.Errorf("empty archive: Articles shows %q, want 0", n)
	}
	test.Tap(button(t, w, "Import sample article"))
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.AddTags(ctx, 1, "trade", "China"); err != nil {
		t.Fatal(err)
	}
	art, err := a.Search.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: 1, Quote: strings.Join(strings.Fields(art.Body)[:3], " ")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: "reading"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.AddWatch(ctx, "china", "China", workbench.SearchFilters{}); err != nil {
		t.Fatal(err)
	}
	more := filepath.Join(t.TempDir(), "more.txt")
	if err := os.WriteFile(more, []byte("More on China\n\nChina said on Monday that trade talks go on.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Importer.Import(ctx, []string{more}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	w.countsChanged()

	entities := func(typ string) int {
		es, err := a.Tagging.Entities(ctx, typ, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	sources, err := a.Search.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		section string
		want    string
	}{
		{sectionArticles, "2"},
		{sectionPeople, shortCount(entities(store.TypePerson))},
		{sectionOrgs, shortCount(entities(store.TypeOrg))},
		{sectionPlaces, shortCount(entities(store.TypePlace))},
		{sectionSources, shortCount(len(sources))},
		{sectionTags, "2"},
		{sectionHighlights, "1"},
		{sectionCollections, "1"},
		{sectionWatches, "1 new"},
		{sectionImports, ""},
	}
	for _, tt := range tests {
		if _, got := sidebarRow(w, tt.section); got != tt.want {
			t.Errorf("%s shows %q, want %q", tt.section, got, tt.want)
		}
	}
	if n := entities(store.TypePerson); n == 0 {
		t.Errorf("the sample has no person: the test checks nothing")
	}
}

// TestShortCount checks how counts are shortened to fit the sidebar.
func TestShortCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 9876: "9,876", 10_000: "10.0k",
		98_765: "98.7k", 100_000: "100k", 999_999: "999k", 1_000_000: "1.00M", 1_234_567: "1.23M"} {
		if got := shortCount(n); got != want {
			t.Errorf("shortCount(%d) = %q, want %q", n, got, want)
		}
	}
}

// goroutineID returns the running goroutine's number.
func goroutineID() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	f := bytes.Fields(b)
	return string(f[1])
}

// TestCountsInBackground checks that counting runs off the calling (UI)
// goroutine, which returns before the count is made, and that asking
// again while a count runs makes one more count, not one per request.
func TestCountsInBackground(t *testing.T) {
	w, _ := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	w.resetCounts()
	w.opt.Sync = false
	entered, release, shown := make(chan string, 4), make(chan bool), make(chan bool, 4)
	w.counts.before = func() { entered <- goroutineID(); <-release }
	w.counts.after = func() { shown <- true }

	w.countsChanged()
	var where string
	select {
	case where = <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the count did not start")
	}
	if where == goroutineID() {
		t.Fatal("the count runs on the caller's goroutine")
	}
	if _, n := sidebarRow(w, sectionArticles); n != "" {
		t.Errorf("Articles shows %q before it is counted", n)
	}
	w.countsChanged() // while one runs: one more count after it
	w.countsChanged()
	release <- true
	<-shown
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("asked again while counting, no second count")
	}
	release <- true
	<-shown
	if _, n := sidebarRow(w, sectionArticles); n != "1" {
		t.Errorf("Articles shows %q, want 1", n)
	}
	select {
	case <-entered:
		t.Error("three requests made three counts; want two")
		release <- true
	case <-time.After(200 * time.Millisecond):
	}
}

// TestCountsFollowTagging checks that the counts are refreshed when
// tagging ends, with no other prompt: right after an import no entity is
// counted; once the queue is done, the people found are.
func TestCountsFollowTagging(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	test.Tap(button(t, w, "Import sample article"))
	if _, n := sidebarRow(w, sectionPeople); n != "0" {
		t.Fatalf("before tagging People shows %q, want 0", n)
	}
	if !w.jobs.summary.Visible() {
		t.Fatal("the tagging progress is not shown while the article waits")
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	w.jobs.updateTagging() // the poll that sees the queue done
	es, err := a.Tagging.Entities(ctx, store.TypePerson, 0, 0)
	if err != nil || len(es) == 0 {
		t.Fatalf("people after tagging: %d, %v", len(es), err)
	}
	if _, n := sidebarRow(w, sectionPeople); n != shortCount(len(es)) {
		t.Errorf("after tagging People shows %q, want %d", n, len(es))
	}
}
