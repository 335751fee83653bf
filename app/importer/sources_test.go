package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// TestImportWebArchives imports the WARC and WACZ files written by real
// tools (wget --warc-file, warcio; see app/ingest/warc/testdata/make):
// every HTML 200 capture is archived with its URL, capture date and body,
// captures of one URL become snapshots of one article, skipped records are
// counted, and each article keeps its WARC provenance.
func TestImportWebArchives(t *testing.T) {
	type page struct{ url, date, title, body string }
	wget := []page{
		{"http://127.0.0.1:18765/index.html", "2026-12-05T23:11:06Z", "Harbour council approves new ferry terminal", "voted seven to two"},
		{"http://127.0.0.1:18765/story2.html", "2026-12-05T23:11:06Z", "Library reopens after flood repairs", "date back to 1871"},
	}
	wgetSkips := map[string]int{"not HTML: image/png": 1, "not HTML: text/plain": 2, "record type: metadata": 1,
		"record type: request": 6, "record type: warcinfo": 1, "status 404": 2}
	bridge := "https://gazette.example/2025/05/bridge-closure"
	tests := []struct {
		file      string
		pages     []page
		snapshots map[string]int // URL -> versions
		skips     map[string]int
	}{
		{"wget.warc.gz", wget, nil, wgetSkips},
		{"sample.wacz", wget, nil, wgetSkips},
		{"warcio.warc.gz", []page{
			{bridge, "2025-05-12T08:00:00Z", "Old bridge closed for inspection", "reopen to pedestrians"},
			{"https://gazette.example/2025/05/night-trains", "2025-05-12T08:00:07Z", "Night trains return to the valley line", "sleeper service"},
		}, map[string]int{bridge: 2}, map[string]int{"not HTML: image/gif": 1, "record type: warcinfo": 1, "status 404": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := apptest.Open(t)
			ctx := context.Background()
			dir := t.TempDir()
			raw, err := os.ReadFile(filepath.Join("testdata", "sources", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			// In a folder, under a name that hides what it is: found by content.
			apptest.WriteFile(t, dir, "crawl/"+strings.ReplaceAll(tt.file, ".", "-")+".gz", raw)
			rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Results) != 1 || rep.Results[0].Status != importer.StatusImported {
				t.Fatalf("results = %+v", rep.Results)
			}
			for k, v := range tt.skips {
				if rep.SkippedRecords[k] != v {
					t.Errorf("skipped %q = %d, want %d (all: %v)", k, rep.SkippedRecords[k], v, rep.SkippedRecords)
				}
			}
			n, err := a.Store.ArticleCount(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(tt.pages) {
				t.Errorf("%d articles, want %d", n, len(tt.pages))
			}
			for _, p := range tt.pages {
				checkCapturedPage(t, a, p.url, p.date, p.title, p.body, tt.snapshots[p.url])
			}
		})
	}
}

// checkCapturedPage finds the article of a URL and checks its text, its
// snapshots and its WARC provenance.
func checkCapturedPage(t *testing.T, a *apptest.Archive, url, date, title, body string, versions int) {
	t.Helper()
	ctx := context.Background()
	ls, err := a.Store.Articles(ctx, store.SortID, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		art, err := a.Store.Article(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if art.URL != url {
			continue
		}
		if art.Title != title || !strings.Contains(art.Body, body) {
			t.Errorf("%s: title %q body %.80q; want %q with %q", url, art.Title, art.Body, title, body)
		}
		snaps, err := a.Importer.Snapshots(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if versions > 0 && len(snaps) != versions {
			t.Errorf("%s: %d snapshots, want %d", url, len(snaps), versions)
		}
		if len(snaps) == 0 || snaps[0].FetchedAt.Format(time.RFC3339) != date {
			t.Errorf("%s: snapshots %+v, want the first captured %s", url, snaps, date)
		}
		provs, err := a.Importer.Provenance(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(provs) == 0 {
			t.Fatalf("%s: no provenance", url)
		}
		p := provs[0]
		if p.Kind != store.ProvWARC || p.URL != url || !strings.HasPrefix(p.RecordID, "<urn:uuid:") ||
			!strings.HasPrefix(p.PayloadDigest, "sha") || p.CapturedAt.Format(time.RFC3339) != date || p.Source == "" {
			t.Errorf("%s: provenance %+v", url, p)
		}
		return
	}
	t.Errorf("no article with URL %s", url)
}

// TestImportPDF imports a PDF with a text layer and one without: the first
// is one article with PDF provenance, the second a clear per-file error.
func TestImportPDF(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, f := range []string{"ferry-2col.pdf", "scanned.pdf"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "sources", f))
		if err != nil {
			t.Fatal(err)
		}
		apptest.WriteFile(t, dir, f, raw)
	}
	apptest.WriteFile(t, dir, "broken.pdf", []byte("%PDF-1.4\n1 0 obj <<\n"))
	rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]importer.FileResult{}
	for _, r := range rep.Results {
		got[filepath.Base(r.Path)] = r
	}
	if r := got["ferry-2col.pdf"]; r.Status != importer.StatusImported {
		t.Fatalf("ferry-2col.pdf: %+v", r)
	}
	if r := got["scanned.pdf"]; r.Status != importer.StatusFailed || !strings.Contains(r.Error, "OCR it first") {
		t.Errorf("scanned.pdf: %+v, want the no-text-layer error", r)
	}
	if r := got["broken.pdf"]; r.Status != importer.StatusFailed || !strings.Contains(r.Error, "PDF") {
		t.Errorf("broken.pdf: %+v, want a PDF error", r)
	}
	provs, err := a.Importer.Provenance(ctx, got["ferry-2col.pdf"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(provs) != 1 || provs[0].Kind != store.ProvPDF || filepath.Base(provs[0].Source) != "ferry-2col.pdf" {
		t.Errorf("provenance = %+v", provs)
	}
	snap, err := a.Store.Original(ctx, got["ferry-2col.pdf"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Reparse(snap); err != nil {
		t.Errorf("reparse the stored PDF: %v", err)
	}
}

// TestImportMalformedWebArchive: a WARC cut short keeps what came before
// and says why; garbage named .warc is a clear per-file error.
func TestImportMalformedWebArchive(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "junk.wacz", []byte("PK\x03\x04 not really a zip"))
	apptest.WriteFile(t, dir, "empty.warc", []byte("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	whole, err := os.ReadFile(filepath.Join("testdata", "sources", "warcio.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	cut := apptest.WriteFile(t, t.TempDir(), "cut.warc.gz", whole[:len(whole)*3/4])
	rep, err := a.Importer.Import(ctx, []string{dir, cut}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 3 {
		t.Fatalf("results = %+v", rep.Results)
	}
	last := rep.Results[2] // the cut file: what came before the cut is kept, and it says where it stopped
	if last.Status != importer.StatusImported || !strings.Contains(last.Title, "stopped early") {
		t.Errorf("cut WARC: %+v", last)
	}
	t.Logf("cut.warc.gz: %s", last.Title)
	for _, r := range rep.Results[:2] {
		if r.Status != importer.StatusFailed || r.Error == "" {
			t.Errorf("%s: %+v, want a failure with a reason", filepath.Base(r.Path), r)
		}
		t.Logf("%s: %s", filepath.Base(r.Path), r.Error)
	}
}

// TestProvenanceInExports: a web archive's provenance goes through a JSONL
// export and merge unchanged, and shows in the CSV column and RIS notes.
func TestProvenanceInExports(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	if _, err := a.Importer.Import(ctx, []string{filepath.Join("testdata", "sources", "warcio.warc.gz")}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	byURL := func(ar *apptest.Archive) map[string][]store.Provenance {
		ls, err := ar.Store.Articles(ctx, store.SortID, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]store.Provenance{}
		for _, l := range ls {
			art, err := ar.Store.Article(ctx, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := ar.Importer.Provenance(ctx, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ps {
				ps[i].ArticleID = 0
				ps[i].AddedAt = ps[i].AddedAt.UTC()
			}
			out[art.URL] = ps
		}
		return out
	}
	want := byURL(a)
	if len(want["https://gazette.example/2025/05/bridge-closure"]) != 3 {
		t.Fatalf("the bridge has provenance %+v, want its three captures", want)
	}
	path := apptest.WriteFile(t, t.TempDir(), "export.jsonl", apptest.ExportJSONL(t, a))
	b := apptest.Open(t)
	if _, err := b.Importer.Import(ctx, []string{path}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	got := byURL(b)
	for u, ps := range want {
		if len(got[u]) != len(ps) {
			t.Errorf("%s: %d provenance rows after the round trip, want %d", u, len(got[u]), len(ps))
			continue
		}
		for i := range ps {
			if g, w := got[u][i], ps[i]; g.Kind != w.Kind || g.Source != w.Source || g.URL != w.URL ||
				g.RecordID != w.RecordID || g.PayloadDigest != w.PayloadDigest || !g.CapturedAt.Equal(w.CapturedAt) ||
				!g.AddedAt.Equal(w.AddedAt) {
				t.Errorf("%s: after the round trip %+v, want %+v", u, g, w)
			}
		}
	}
	for _, f := range []export.Format{export.FormatCSV, export.FormatRIS} {
		var buf bytes.Buffer
		if _, err := a.Exporter.Write(ctx, &buf, export.Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "warc ") || !strings.Contains(buf.String(), "record <urn:uuid:") {
			t.Errorf("%s export lacks the provenance:\n%.600s", f, buf.String())
		}
	}
}
