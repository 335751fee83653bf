// Package app is News Archive's core, shared by the GUI and the CLI: it opens
// archives, runs imports as jobs with progress, and answers queries. It has
// no GUI code; it reaches the database only through package store.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/store"
)

// EnvDB names the environment variable that overrides the default archive.
const EnvDB = "NEWSARCHIVE_DB"

// App is an open archive and the services over it.
type App struct {
	Store *store.Store
	// Log receives messages about background work; nil discards them.
	Log func(string)
	// Fetcher downloads web pages (see web.go). When nil, URLs given to
	// Import use a default one and feed items' linked pages are not
	// fetched: items without full text keep their summary.
	Fetcher Fetcher

	tag tagging
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

// Open opens (creating when needed) the archive at path.
func Open(ctx context.Context, path string) (*App, error) {
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return &App{Store: s}, nil
}

// Close closes the archive.
func (a *App) Close() error {
	if a == nil || a.Store == nil {
		return errors.New("close: archive not open")
	}
	return a.Store.Close()
}
