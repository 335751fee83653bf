package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

func TestTeamAddress(t *testing.T) {
	for _, tt := range []struct{ addr, pass, want, label string }{
		{" postgres://ann@db.example.org:5432/news ", "", "postgres://ann@db.example.org:5432/news", "ann@db.example.org:5432/news"},
		{"postgres://ann@db.example.org/news?sslmode=verify-full", "pw", "postgres://ann:pw@db.example.org/news?sslmode=verify-full", "ann@db.example.org/news"},
		{"/home/ann/archive.db", "", "", ""},
	} {
		got, err := teamAddress(tt.addr, tt.pass)
		if tt.want == "" {
			if err == nil {
				t.Errorf("teamAddress(%q) accepted a file", tt.addr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("teamAddress(%q, %q) = %q, %v; want %q", tt.addr, tt.pass, got, err, tt.want)
		}
		if l := archiveLabel(got); l != tt.label {
			t.Errorf("archiveLabel(%q) = %q, want %q", got, l, tt.label)
		}
	}
}

// TestTeamArchiveWindow shows a PostgreSQL archive in the window: the title
// names the server without the password, recent archives remember the
// address without it, and the sample article is imported and listed.
func TestTeamArchiveWindow(t *testing.T) {
	addr, err := store.WithPassword(storetest.Postgres(t), "s3cretpw")
	if err != nil {
		t.Fatal(err)
	}
	fa := test.NewTempApp(t)
	a, err := app.Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	w := newWindow(fa, a, addr, Options{Sync: true, NoTagging: true})
	w.win.Resize(fyne.NewSize(1100, 700))
	t.Cleanup(w.shutdown)
	if title := w.win.Title(); !strings.HasPrefix(title, "News Archive — newsarchive@127.0.0.1") || strings.Contains(title, "s3cretpw") {
		t.Errorf("title %q", title)
	}
	for _, p := range recentArchives(fa.Preferences()) {
		if strings.Contains(p, "s3cretpw") {
			t.Errorf("recent archive %q keeps the password", p)
		}
	}
	if got := w.shownPath(); strings.Contains(got, "s3cretpw") {
		t.Errorf("shown path %q", got)
	}
	test.Tap(button(t, w, "Import sample article"))
	if w.articles.list.total != 1 {
		t.Fatalf("after importing the sample the list has %d rows, want 1", w.articles.list.total)
	}
}
