package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/newsarchive/newsarchive/store"
)

// CopyProgress is the state of a running copy: the table being copied and
// its rows.
type CopyProgress struct {
	store.CopyProgress
	Elapsed time.Duration
}

// CopiedTable is what a copy did with one table.
type CopiedTable struct {
	Table  string `json:"table"`
	Rows   int64  `json:"rows"`   // rows of the table in the copy
	Copied int64  `json:"copied"` // of them, written by this run (fewer when it resumed a copy; tagging: rows changed)
}

// CopyReport sums up a copy. From and To are fit to show (see store.Redact).
type CopyReport struct {
	From    string        `json:"from"`
	To      string        `json:"to"`
	Tables  []CopiedTable `json:"tables"`
	Rows    int64         `json:"rows"`    // rows of all tables in the copy
	Copied  int64         `json:"copied"`  // rows written by this run
	Resumed bool          `json:"resumed"` // an earlier, interrupted copy had copied some rows
	Elapsed time.Duration `json:"-"`
	Seconds float64       `json:"seconds"`
}

// RowsPerSecond is the rate at which this run wrote rows.
func (r CopyReport) RowsPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Copied) / r.Elapsed.Seconds()
}

// CopyArchive copies the whole archive at from (a file or a postgres://
// address) into the archive at to, created when missing: articles and their
// originals, entities, corrections, tags, notes, snapshots, feeds, keeping
// ids (see store.Copy). The archive at to must be empty, or what an
// interrupted copy from the same archive left: the copy then resumes. A file
// to copy from must exist; a file to copy into that exists must be a News
// Archive. progress, when not nil, is called from the copying goroutine
// after each batch. The report covers the tables copied, also on error.
func CopyArchive(ctx context.Context, from, to string, progress func(CopyProgress)) (CopyReport, error) {
	rep := CopyReport{From: store.Redact(from), To: store.Redact(to)}
	if from == to {
		return rep, fmt.Errorf("copy %s: it is the archive to copy into", rep.From)
	}
	if !store.IsPostgres(from) {
		if err := store.CheckArchiveFile(ctx, from); err != nil {
			return rep, fmt.Errorf("copy from %s: %w", rep.From, err)
		}
	}
	src, err := store.Open(ctx, from)
	if err != nil {
		return rep, err
	}
	defer src.Close()
	return copyInto(ctx, to, src, rep, progress)
}

// CopyTo copies the open archive into the archive at to, as CopyArchive.
func (a *Exporter) CopyTo(ctx context.Context, to string, progress func(CopyProgress)) (CopyReport, error) {
	return copyInto(ctx, to, a.st, CopyReport{From: a.st.Path(), To: store.Redact(to)}, progress)
}

// copyInto opens the archive at to, after checking that a file there is an
// archive, and copies src into it.
func copyInto(ctx context.Context, to string, src *store.Store, rep CopyReport, progress func(CopyProgress)) (CopyReport, error) {
	if !store.IsPostgres(to) {
		if _, err := os.Stat(to); err == nil {
			if err := store.CheckArchiveFile(ctx, to); err != nil {
				return rep, fmt.Errorf("copy to %s: %w", rep.To, err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return rep, fmt.Errorf("copy to %s: %w", rep.To, err)
		}
	}
	dst, err := store.Open(ctx, to)
	if err != nil {
		return rep, err
	}
	defer dst.Close()
	return copyStores(ctx, dst, src, rep, progress)
}

func copyStores(ctx context.Context, dst, src *store.Store, rep CopyReport, progress func(CopyProgress)) (CopyReport, error) {
	start := time.Now()
	err := store.Copy(ctx, dst, src, func(p store.CopyProgress) {
		if n := len(rep.Tables); n == 0 || rep.Tables[n-1].Table != p.Table {
			rep.Tables = append(rep.Tables, CopiedTable{Table: p.Table})
			rep.Resumed = rep.Resumed || p.Done > 0
		}
		t := &rep.Tables[len(rep.Tables)-1]
		t.Rows, t.Copied = p.Done, p.Copied
		if progress != nil {
			progress(CopyProgress{CopyProgress: p, Elapsed: time.Since(start)})
		}
	})
	rep.Rows, rep.Copied = 0, 0
	for _, t := range rep.Tables {
		rep.Rows += t.Rows
		rep.Copied += t.Copied
	}
	rep.Elapsed = time.Since(start)
	rep.Seconds = rep.Elapsed.Seconds()
	return rep, err
}
