package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

const header = `{"kind":"header","format":"newsarchive-export","version":1}` + "\n"

// jsonLine marshals one record of an export.
func jsonLine(t testing.TB, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// localArchive holds one article with the user's tag and note, and three
// confirmed entities.
func localArchive(t *testing.T) (*apptest.Archive, store.Article) {
	t.Helper()
	ctx := context.Background()
	a := apptest.Open(t)
	body := "Ann Smith flew to Beijing on Monday. Annie Smith stayed."
	ids, _, err := a.Store.CreateArticles(ctx, []store.Article{{Title: "Local", Body: body,
		ContentHash: ingest.ContentHash("Local", body), Origin: "test"}}, []store.Original{{ContentType: "text/plain", Data: []byte(body)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.AddTags(ctx, ids[0], "mine"); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.SetNote(ctx, ids[0], "My own note."); err != nil {
		t.Fatal(err)
	}
	for _, e := range [][2]string{{"Beijing", store.TypePlace}, {"Ann Smith", store.TypePerson}, {"Annie Smith", store.TypePerson}} {
		if _, err := a.Store.AddEntity(ctx, e[0], e[1], 0); err != nil {
			t.Fatal(err)
		}
	}
	art, err := a.Store.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	return a, art
}

// hostileExport is the crafted export of issue #15 finding 6: it repeats
// the local article with a tag and a note, claims its content hash for
// another text, confirms a local entity with an alias, and deletes,
// renames and merges local entities.
func hostileExport(t *testing.T, local store.Article) []byte {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(jsonLine(t, map[string]any{"kind": "article", "title": local.Title, "body": local.Body,
		"content_hash": "forged", "tags": []string{"evil"}, "note": map[string]any{"text": "Injected note.", "updated_at": "2024-01-01T00:00:00Z"}}))
	b.WriteString(jsonLine(t, map[string]any{"kind": "article", "title": "Claimer", "body": "Another text entirely.",
		"content_hash": local.ContentHash, "tags": []string{"evil2"}, "note": map[string]any{"text": "Claimed note.", "updated_at": "2024-01-01T00:00:00Z"}}))
	b.WriteString(jsonLine(t, map[string]any{"kind": "entity", "name": "Beijing", "type": "PLACE", "confirmed": true, "aliases": []string{"Evil alias"}}))
	b.WriteString(jsonLine(t, map[string]any{"kind": "correction", "rule": "reject", "name": "Annie Smith", "type": "PERSON"}))
	b.WriteString(jsonLine(t, map[string]any{"kind": "correction", "rule": "rename", "name": "Beijing", "type": "PLACE", "target": "Peking"}))
	b.WriteString(jsonLine(t, map[string]any{"kind": "correction", "rule": "merge", "name": "Ann Smith", "type": "PERSON",
		"target": "Annie Smith", "target_type": "PERSON"}))
	return []byte(b.String())
}

// TestMergeNeverRewritesLocalData: without ApplyCorrections a crafted
// export adds its new article and nothing else: local notes, tags and
// entities stay; a dry run lists what the option would change; with it
// the corrections apply.
func TestMergeNeverRewritesLocalData(t *testing.T) {
	ctx := context.Background()
	a, local := localArchive(t)
	dump := hostileExport(t, local)
	unchanged := func(when string) {
		t.Helper()
		tags, _ := a.Annotate.ArticleTags(ctx, local.ID)
		note, _ := a.Annotate.Note(ctx, local.ID)
		if strings.Join(tags, ",") != "mine" || note != "My own note." {
			t.Errorf("%s: local article has tags %v, note %q", when, tags, note)
		}
		for _, name := range []string{"Beijing", "Ann Smith", "Annie Smith"} {
			e, err := a.Store.EntityByName(ctx, name)
			if err != nil || e.Name != name {
				t.Errorf("%s: local entity %q: %+v %v", when, name, e, err)
			}
		}
		if _, err := a.Store.EntityByName(ctx, "Evil alias"); err == nil {
			t.Errorf("%s: the export added an alias to a local entity", when)
		}
	}

	rep, err := a.Exporter.Merge(ctx, bytes.NewReader(dump), export.MergeOptions{DryRun: true, ApplyCorrections: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	preview := strings.Join(rep.Preview, "\n")
	for _, want := range []string{`"Annie Smith" (PERSON) would be deleted`, `"Beijing" (PLACE) would be renamed "Peking"`,
		`"Ann Smith" (PERSON) would be merged into "Annie Smith"`, `would get tags "evil" and a note`, `"Beijing" (PLACE): would be confirmed and get aliases "Evil alias"`} {
		if !strings.Contains(preview, want) {
			t.Errorf("preview lacks %q:\n%s", want, preview)
		}
	}
	if n, _ := a.Store.ArticleCount(ctx); n != 1 || rep.Imported != 1 || rep.Duplicates != 1 {
		t.Errorf("dry run: %d articles after, report %+v", n, rep)
	}
	unchanged("after a dry run")

	rep, err = a.Exporter.Merge(ctx, bytes.NewReader(dump), export.MergeOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 1 || rep.Duplicates != 1 || rep.LocalSkipped != 1 || rep.CorrectionsSkipped != 3 || rep.EntitiesSkipped != 1 || rep.Corrections != 0 {
		t.Errorf("merge report %+v", rep)
	}
	unchanged("after the merge")
	claimer, err := a.Store.ArticleByHash(ctx, ingest.ContentHash("Claimer", "Another text entirely."))
	if err != nil || claimer.ID == local.ID {
		t.Errorf("the record claiming the local hash: %+v %v", claimer, err)
	}
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}

	if _, err := a.Exporter.Merge(ctx, bytes.NewReader(dump), export.MergeOptions{ApplyCorrections: true}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store.EntityByName(ctx, "Peking"); err != nil {
		t.Errorf("with ApplyCorrections the rename was not applied: %v", err)
	}
	if tags, _ := a.Annotate.ArticleTags(ctx, local.ID); !strings.Contains(strings.Join(tags, ","), "evil") {
		t.Errorf("with ApplyCorrections the tags were not added: %v", tags)
	}
}

// TestMergeAtomic: a bad record at line N fails the merge before anything
// is written, and the error names line N (finding 15).
func TestMergeAtomic(t *testing.T) {
	good := func(i int) string {
		return fmt.Sprintf(`{"kind":"article","title":"Good %d","body":"Body number %d."}`+"\n", i, i)
	}
	var many strings.Builder
	for i := range 150 { // more than two batches
		many.WriteString(good(i))
	}
	tests := []struct {
		name, bad, want string
	}{
		{"no body", `{"kind":"article","title":"Empty"}`, "line 152: article \"Empty\" has no body"},
		{"bad json", `{"kind":"article","title":`, "line 152: unexpected end of JSON input"},
		{"bad entity", `{"kind":"entity","name":"X","type":"ALIEN"}`, "line 152: entity \"X\" of unknown type"},
		{"bad correction", `{"kind":"correction","rule":"explode","name":"X"}`, "line 152: malformed correction"},
		{"bad time", `{"kind":"article","title":"T","body":"B","imported_at":"99999-99-99T00:00:00Z"}`, "line 152:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := apptest.Open(t)
			in := header + many.String() + tt.bad + "\n" + good(999)
			_, err := a.Exporter.Merge(context.Background(), strings.NewReader(in), export.MergeOptions{}, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
			if n, _ := a.Store.ArticleCount(context.Background()); n != 0 {
				t.Errorf("%d articles written before the bad record", n)
			}
		})
	}
}

// TestMergeCleansRecords: dates are normalised or dropped, text loses
// escapes, unsafe links go, the content hash is recomputed.
func TestMergeCleansRecords(t *testing.T) {
	tests := []struct {
		name                  string
		rec                   map[string]any
		published, title, url string
	}{
		{"impossible date", map[string]any{"published": "99999-99-99"}, "", "T", ""},
		{"written date", map[string]any{"published": "May 23, 2025"}, "2025-05-23", "T", ""},
		{"ISO date", map[string]any{"published": "2025-05-23T05:30:00"}, "2025-05-23T05:30:00", "T", ""},
		{"escapes", map[string]any{"title": "Ti\x1b]0;pwned\x07tle\u202e"}, "", "Title", ""},
		{"file link", map[string]any{"url": "file:///etc/passwd"}, "", "T", ""},
		{"http link", map[string]any{"url": "https://example.org/a"}, "", "T", "https://example.org/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := apptest.Open(t)
			rec := map[string]any{"kind": "article", "title": "T", "body": "Some body.", "content_hash": "forged"}
			for k, v := range tt.rec {
				rec[k] = v
			}
			if _, err := a.Exporter.Merge(ctx, strings.NewReader(header+jsonLine(t, rec)), export.MergeOptions{}, nil); err != nil {
				t.Fatal(err)
			}
			got, err := a.Store.Article(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if got.Published != tt.published || got.Title != tt.title || got.URL != tt.url || got.ContentHash != ingest.ContentHash(got.Title, got.Body) {
				t.Errorf("stored %q %q %q %q", got.Published, got.Title, got.URL, got.ContentHash)
			}
		})
	}
}

// endless is an export whose second line never ends: 300 MB of body.
type endless struct {
	head string
	n    int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n >= 300<<20 {
		return 0, io.EOF
	}
	i := 0
	for ; i < len(p) && e.n < 300<<20; i++ {
		if int(e.n) < len(e.head) {
			p[i] = e.head[e.n]
		} else {
			p[i] = 'a'
		}
		e.n++
	}
	return i, nil
}

func (e *endless) Seek(int64, int) (int64, error) { e.n = 0; return 0, nil }

// TestMergeLineCap: a 300 MB line is a clear error, read no further than
// the cap (finding 5), and a record over the cap in a small MaxLine too.
func TestMergeLineCap(t *testing.T) {
	a := apptest.Open(t)
	src := &endless{head: header + `{"kind":"article","title":"Huge","body":"`}
	_, err := a.Exporter.Merge(context.Background(), src, export.MergeOptions{}, nil)
	if !errors.Is(err, export.ErrLineTooLong) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("300 MB line: %v", err)
	}
	if src.n > export.DefaultMaxLine+1<<20 {
		t.Errorf("read %d MB of a line capped at %d MB", src.n>>20, export.DefaultMaxLine>>20)
	}
	body := strings.Repeat("word ", 1<<20/5*2)
	in := header + jsonLine(t, map[string]any{"kind": "article", "title": "Big", "body": body})
	_, err = a.Exporter.Merge(context.Background(), strings.NewReader(in), export.MergeOptions{MaxLine: 1 << 20}, nil)
	if !errors.Is(err, export.ErrLineTooLong) {
		t.Errorf("2 MB line with a 1 MB cap: %v", err)
	}
	body = strings.Repeat("x", ingest.MaxSize+1)
	in = header + jsonLine(t, map[string]any{"kind": "article", "title": "Over", "body": body})
	_, err = a.Exporter.Merge(context.Background(), strings.NewReader(in), export.MergeOptions{}, nil)
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Errorf("body over ingest.MaxSize: %v", err)
	}
}
