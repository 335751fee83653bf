package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/store"
)

// MaxNoteBytes bounds a note's length.
const MaxNoteBytes = 1 << 20

// Note returns an article's note, "" when it has none. It returns
// store.ErrNotFound for a missing article.
func (a *App) Note(ctx context.Context, articleID int64) (string, error) {
	n, err := a.Store.Note(ctx, articleID)
	if errors.Is(err, store.ErrNotFound) {
		if _, err := a.Store.Article(ctx, articleID); err != nil {
			return "", err
		}
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return n.Text, nil
}

// SetNote replaces an article's note; text that is only white space deletes
// it.
func (a *App) SetNote(ctx context.Context, articleID int64, text string) error {
	if len(text) > MaxNoteBytes {
		return fmt.Errorf("note on article %d: longer than %d bytes", articleID, MaxNoteBytes)
	}
	if strings.TrimSpace(text) == "" {
		text = ""
	}
	return a.Store.SetNote(ctx, articleID, text)
}
