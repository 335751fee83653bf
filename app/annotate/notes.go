package annotate

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
func (a *Service) Note(ctx context.Context, articleID int64) (string, error) {
	n, err := a.st.Note(ctx, articleID)
	if errors.Is(err, store.ErrNotFound) {
		if _, err := a.st.Article(ctx, articleID); err != nil {
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
func (a *Service) SetNote(ctx context.Context, articleID int64, text string) error {
	if len(text) > MaxNoteBytes {
		return fmt.Errorf("note on article %d: longer than %d bytes", articleID, MaxNoteBytes)
	}
	if strings.TrimSpace(text) == "" {
		text = ""
	}
	return a.st.SetNote(ctx, articleID, text)
}
