// Package app is News Archive's core, shared by the GUI and the CLI: it opens
// an archive and wires the feature services over it (importer, export,
// tagging, search, annotate). It has no GUI code; the services reach the
// database only through package store. See docs/architecture.md.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// EnvDB names the environment variable that overrides the default archive.
const EnvDB = "NEWSARCHIVE_DB"

// App is an open archive and the services over it. The store itself is
// not exported: the GUI and the CLI go through the services.
type App struct {
	st *store.Store

	Importer *importer.Importer // files, folders, pages, feeds, JSONL merges
	Exporter *export.Exporter   // every export format, whole-archive copies
	Tagging  *tagging.Service   // entity tagging, the queue, corrections
	Search   *search.Service    // search, similar articles, name lookup
	Annotate *annotate.Service  // tags and notes

	Workbench *workbench.Service // highlights, collections, watches
}

// DefaultPath returns the archive used when none is named: $NEWSARCHIVE_DB,
// else $XDG_DATA_HOME/newsarchive/archive.db (~/.local/share/... when
// XDG_DATA_HOME is unset).
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the default archive: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "newsarchive", "archive.db"), nil
}

// Open opens (creating when needed) the archive at path and wires the
// services over it.
func Open(ctx context.Context, path string) (*App, error) {
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return New(s), nil
}

// New wires the services over an open store; Close closes it. The GUI and
// the CLI use Open; tests and tools that hold a store use New.
func New(s *store.Store) *App {
	sr := search.New(s)
	ex := export.New(s, sr)
	tg := tagging.New(s)
	tg.EntitiesChanged = sr.NoteEntityChanged
	a := &App{st: s, Importer: importer.New(s, sr, ex), Exporter: ex, Tagging: tg, Search: sr, Annotate: annotate.New(s)}
	a.Workbench = workbench.New(s, sr)
	return a
}

// SetLog sends the services' messages about background work to log (nil
// discards them).
func (a *App) SetLog(log func(string)) {
	a.Tagging.Log = log
	a.Search.Log = log
}

// Close closes the archive.
func (a *App) Close() error {
	if a == nil || a.st == nil {
		return errors.New("close: archive not open")
	}
	return a.st.Close()
}

// Path returns the archive's address with any password removed.
func (a *App) Path() string { return a.st.Path() }

// Backup writes a consistent copy of the archive to the SQLite file dest
// (a PostgreSQL archive too); an existing dest is replaced only when
// overwrite is set.
func (a *App) Backup(ctx context.Context, dest string, overwrite bool) error {
	return a.st.Backup(ctx, dest, overwrite)
}

// Check runs the archive's consistency checks and, when verify is set,
// recomputes every article's content hash; it returns the problems found.
func (a *App) Check(ctx context.Context, verify bool) ([]string, error) {
	problems, err := a.st.Check(ctx)
	if err != nil || !verify {
		return problems, err
	}
	more, err := a.st.VerifyArticles(ctx, ingest.ContentHash)
	return append(problems, more...), err
}

// Restore makes the archive at dest a copy of the backup src; see
// store.Restore. An existing dest is replaced only when overwrite is set.
func Restore(ctx context.Context, src, dest string, overwrite bool) error {
	return store.Restore(ctx, src, dest, overwrite)
}
