package app_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// TestCopyRoundTrip copies a tagged archive with the user's work from
// SQLite to PostgreSQL and back to a new file: the JSONL exports of all
// three must be the same bytes. Without a PostgreSQL server the middle
// archive is a file.
func TestCopyRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	first := filepath.Join(dir, "first.db")
	a, err := apptest.OpenAt(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	apptest.BuildArchive(t, a, append(apptest.FixtureFiles(t), apptest.BBCSubset(t, 200)...))
	want := apptest.ExportJSONL(t, a)
	if n := bytes.Count(want, []byte(`"kind":"article"`)); n < 200 {
		t.Fatalf("the archive has %d articles", n)
	}

	middle := filepath.Join(dir, "middle.db")
	if storetest.Available() {
		middle = storetest.Postgres(t)
	}
	last := filepath.Join(dir, "last.db")
	var tables []string
	rep, err := export.CopyArchive(ctx, first, middle, func(p export.CopyProgress) {
		if len(tables) == 0 || tables[len(tables)-1] != p.Table {
			tables = append(tables, p.Table)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(tables, " ") != strings.Join(store.CopyTables(), " ") || len(rep.Tables) != len(tables) {
		t.Errorf("progress went through %v, the report %d tables; want %v", tables, len(rep.Tables), store.CopyTables())
	}
	if rep.Rows == 0 || rep.Resumed || rep.Tables[0].Table != "articles" || rep.Tables[0].Rows < 200 || rep.Tables[0].Copied != rep.Tables[0].Rows {
		t.Errorf("report %+v", rep)
	}
	if _, err := export.CopyArchive(ctx, middle, last, nil); err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{middle, last} {
		b, err := apptest.OpenAt(ctx, addr)
		if err != nil {
			t.Fatal(err)
		}
		got := apptest.ExportJSONL(t, b)
		if !bytes.Equal(got, want) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Errorf("the export of the copy in %s differs at line %d:\n got %.300s\nwant %.300s", store.Redact(addr), i+1, gl[i], wl[i])
					break
				}
			}
			t.Errorf("the export of the copy in %s has %d lines, the original's %d", store.Redact(addr), len(gl), len(wl))
		}
		if p, err := b.Store.Check(ctx); err != nil || len(p) > 0 {
			t.Errorf("check of the copy in %s: %v %v", store.Redact(addr), p, err)
		}
		b.Close()
	}

	// The original, still open, copied again into the last copy: nothing
	// is left to do.
	rep, err = a.Exporter.CopyTo(ctx, last, nil)
	if err != nil || rep.Copied != 0 || !rep.Resumed {
		t.Errorf("copy into a complete copy: %d rows copied, %v", rep.Copied, err)
	}
}

func TestCopyArchiveRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	archive := filepath.Join(dir, "a.db")
	a, err := apptest.OpenAt(ctx, archive)
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not an archive"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.db")
	for _, tt := range []struct {
		name, from, to, want string
		notArchive           bool
	}{
		{"from a missing file", missing, filepath.Join(dir, "new.db"), "no such file", false},
		{"from a text file", text, filepath.Join(dir, "new.db"), "", true},
		{"into a text file", archive, text, "", true},
		{"into itself", archive, archive, "it is the archive to copy into", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := export.CopyArchive(ctx, tt.from, tt.to, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) || tt.notArchive && !errors.Is(err, store.ErrNotArchive) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("copying from a missing file made it: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused copy made its destination: %v", err)
	}
	if b, _ := os.ReadFile(text); string(b) != "not an archive" {
		t.Errorf("the text file was changed: %q", b)
	}
}

func init() { helperModes["copy"] = helperCopy }

// helperCopy copies the archive args[0] into the helper's archive,
// reporting its progress over all tables as per-mille marks: 1000 a table.
// It pauses after each report, so that a kill lands between batches as
// well as within one.
func helperCopy(ctx context.Context, _ *apptest.Archive, args []string, out *bufio.Writer) error {
	tables := store.CopyTables()
	_, err := export.CopyArchive(ctx, args[0], os.Getenv(envHelperDB), func(p export.CopyProgress) {
		done := int64(slices.Index(tables, p.Table))*1000 + p.Done*1000/max(p.Total, 1)
		fmt.Fprintf(out, "progress %d %d\n", done, len(tables)*1000)
		out.Flush()
		time.Sleep(20 * time.Millisecond)
	})
	return err
}

// TestCopyKilled kills copies in a child process at several points, into a
// file and into PostgreSQL: the copy run again to the end gives the same
// export as the original.
func TestCopyKilled(t *testing.T) {
	skipSlow(t)
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "src.db")
	a, err := apptest.OpenAt(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	apptest.BuildArchive(t, a, append(apptest.FixtureFiles(t), apptest.BBCSubset(t, 300)...))
	want := apptest.ExportJSONL(t, a)
	a.Close()
	dests := []string{filepath.Join(t.TempDir(), "copy.db")}
	if storetest.Available() {
		dests = append(dests, storetest.Postgres(t))
	}
	for _, dst := range dests {
		t.Run(filepath.Base(strings.SplitN(dst, "?", 2)[0]), func(t *testing.T) {
			// Marks: articles done, midway through mentions, fingerprints.
			for k, target := range []int{1000, 4300, 10000} {
				h := startHelper(t, "copy", dst, []string{src})
				killed := false
				for h.lines.Scan() {
					var done, total int
					if _, err := fmt.Sscanf(h.lines.Text(), "progress %d %d", &done, &total); err == nil && done >= target {
						time.Sleep(time.Duration(k*7) * time.Millisecond)
						h.cmd.Process.Signal(syscall.SIGKILL)
						killed = true
						break
					}
				}
				if out, err := h.wait(); !killed && err != nil {
					t.Fatalf("copy failed before the kill: %v\n%s%s", err, out, h.stderr)
				}
				t.Logf("kill %d at mark %d of %d: %v", k+1, target, len(store.CopyTables())*1000, killed)
			}
			rep, err := export.CopyArchive(ctx, src, dst, nil)
			if err != nil || !rep.Resumed {
				t.Fatalf("resume: %+v %v", rep, err)
			}
			t.Logf("the last run copied %d of %d rows", rep.Copied, rep.Rows)
			b, err := apptest.OpenAt(ctx, dst)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if got := apptest.ExportJSONL(t, b); !bytes.Equal(got, want) {
				t.Errorf("the export of the resumed copy differs from the original's (%d and %d bytes)", len(got), len(want))
			}
			if p, err := b.Store.Check(ctx); err != nil || len(p) > 0 {
				t.Errorf("check of the resumed copy: %v %v", p, err)
			}
		})
	}
}
