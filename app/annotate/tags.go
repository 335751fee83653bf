package annotate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/store"
)

// MaxTagLen is the longest tag name, in characters.
const MaxTagLen = 64

// ErrBadTag wraps errors in a tag name a person typed.
var ErrBadTag = errors.New("bad tag")

// NormalizeTag trims a tag name and collapses its inner runs of white space
// to one space. It fails on an empty name, a name longer than MaxTagLen, or
// one with control characters.
func NormalizeTag(name string) (string, error) {
	n := strings.Join(strings.Fields(name), " ")
	switch {
	case n == "":
		return "", fmt.Errorf("%w: a tag needs a name", ErrBadTag)
	case utf8.RuneCountInString(n) > MaxTagLen:
		return "", fmt.Errorf("%w: %q is longer than %d characters", ErrBadTag, n, MaxTagLen)
	case strings.ContainsFunc(n, unicode.IsControl):
		return "", fmt.Errorf("%w: %q has control characters", ErrBadTag, n)
	}
	return n, nil
}

func normalizeTags(names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	for _, n := range names {
		t, err := NormalizeTag(n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// AddTags puts tags on an article; see NormalizeTag for what a name may be.
func (a *Service) AddTags(ctx context.Context, articleID int64, names ...string) error {
	tags, err := normalizeTags(names)
	if err != nil {
		return err
	}
	return a.st.AddTags(ctx, articleID, tags)
}

// RemoveTags takes tags off an article.
func (a *Service) RemoveTags(ctx context.Context, articleID int64, names ...string) error {
	tags, err := normalizeTags(names)
	if err != nil {
		return err
	}
	return a.st.RemoveTags(ctx, articleID, tags)
}

// ArticleTags returns an article's tags in name order.
func (a *Service) ArticleTags(ctx context.Context, articleID int64) ([]string, error) {
	return a.st.ArticleTags(ctx, articleID)
}

// Tags returns the tags whose name starts with prefix ("" for all), with
// their article counts, in name order.
func (a *Service) Tags(ctx context.Context, prefix string) ([]store.Tag, error) {
	return a.st.Tags(ctx, strings.TrimLeftFunc(prefix, unicode.IsSpace))
}

// TagArticles returns a page of the articles carrying a tag, newest first.
func (a *Service) TagArticles(ctx context.Context, name string, limit, offset int) ([]store.ArticleListing, error) {
	return a.st.TagArticles(ctx, name, limit, offset)
}
