package importer

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// Re-extraction: articles read again from their stored originals with
// today's parsers, so archives imported before a parser improved improve
// too. Tags, notes and entity corrections stay (they hang on the article
// id); a changed body waits for tagging again.

// Re-extraction statuses of an article.
const (
	ReextractChanged   = "changed"
	ReextractUnchanged = "unchanged"
	ReextractDuplicate = "duplicate" // the new extraction is another article's content: left as it was
	ReextractSkipped   = "skipped"   // no stored original to read again
	ReextractFailed    = "failed"
)

// ReextractResult is what re-extraction did to one article.
type ReextractResult struct {
	ID           int64  `json:"id"`
	Status       string `json:"status"`
	Title        string `json:"title,omitempty"`     // the title now
	OldTitle     string `json:"old_title,omitempty"` // when it changed
	TitleChanged bool   `json:"title_changed,omitempty"`
	BodyChanged  bool   `json:"body_changed,omitempty"`
	DuplicateOf  int64  `json:"duplicate_of,omitempty"`
	Note         string `json:"note,omitempty"` // the parser's note, e.g. ingest.FallbackDensest
	Error        string `json:"error,omitempty"`
}

// ReextractReport sums up a re-extraction.
type ReextractReport struct {
	Results                                         []ReextractResult
	Changed, Unchanged, Duplicates, Skipped, Failed int
	TitlesChanged, BodiesChanged                    int
	Elapsed                                         time.Duration
}

// ReextractOptions receive a re-extraction's progress; both may be nil and
// are called from the running goroutine, in id order.
type ReextractOptions struct {
	OnProgress func(done, total int)
	OnResult   func(ReextractResult)
}

// Reextract reads the given articles (every article when ids is empty)
// again from their stored originals and stores what changed. A failing
// article never stops the others; the error is for the archive failing or
// ctx ending, and the report then covers the articles done so far.
func (a *Importer) Reextract(ctx context.Context, ids []int64, opt ReextractOptions) (ReextractReport, error) {
	start := time.Now()
	var rep ReextractReport
	if len(ids) == 0 {
		var err error
		if ids, err = a.st.ArticleIDs(ctx); err != nil {
			return rep, fmt.Errorf("re-extract: %w", err)
		}
	}
	if opt.OnProgress != nil {
		opt.OnProgress(0, len(ids))
	}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			rep.Elapsed = time.Since(start)
			return rep, fmt.Errorf("re-extract cancelled: %w", err)
		}
		r, err := a.reextractOne(ctx, id)
		if err != nil {
			rep.Elapsed = time.Since(start)
			return rep, err
		}
		rep.add(r)
		if opt.OnResult != nil {
			opt.OnResult(r)
		}
		if opt.OnProgress != nil {
			opt.OnProgress(i+1, len(ids))
		}
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

func (rep *ReextractReport) add(r ReextractResult) {
	rep.Results = append(rep.Results, r)
	switch r.Status {
	case ReextractChanged:
		rep.Changed++
	case ReextractUnchanged:
		rep.Unchanged++
	case ReextractDuplicate:
		rep.Duplicates++
	case ReextractSkipped:
		rep.Skipped++
	default:
		rep.Failed++
	}
	if r.TitleChanged {
		rep.TitlesChanged++
	}
	if r.BodyChanged {
		rep.BodiesChanged++
	}
}

// reextractOne re-extracts one article. A missing article or original, or
// a parser failing, is the article's result; the error is for the store.
func (a *Importer) reextractOne(ctx context.Context, id int64) (ReextractResult, error) {
	r := ReextractResult{ID: id, Status: ReextractFailed}
	cur, err := a.st.Article(ctx, id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			r.Error = err.Error()
			return r, nil
		}
		return r, err
	}
	r.Title = cur.Title
	o, err := a.st.Original(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && len(o.Data) == 0) {
		r.Status = ReextractSkipped
		r.Error = "no stored original"
		return r, nil
	}
	if err != nil {
		return r, err
	}
	url := ""
	if cur.Origin == cur.URL {
		url = cur.URL // a fetched page: parsed online with its URL
	}
	ia, err := reparseFor(o, url)
	if err != nil {
		r.Error = err.Error()
		return r, nil
	}
	r.Note = ia.Note
	art := articleFromIngest(ia, cur.Origin)
	if art.Body == "" {
		r.Error = "the new extraction has no text"
		return r, nil
	}
	up, err := a.st.UpdateExtraction(ctx, id, art)
	if err != nil {
		return r, err
	}
	switch up.Outcome {
	case store.ExtractionUnchanged:
		r.Status = ReextractUnchanged
	case store.ExtractionDuplicate:
		r.Status, r.DuplicateOf = ReextractDuplicate, up.Duplicate.ID
	case store.ExtractionChanged:
		r.Status, r.TitleChanged, r.BodyChanged = ReextractChanged, up.TitleChanged, up.BodyChanged
		if up.TitleChanged {
			r.OldTitle = cur.Title
		}
		now, err := a.st.Article(ctx, id)
		if err != nil {
			return r, err
		}
		r.Title = now.Title
		if up.BodyChanged {
			a.search.SetFingerprints(ctx, []store.Fingerprint{search.Fingerprint(id, now)})
		}
	}
	return r, nil
}

// reparseFor is Reparse with the article's URL given to the HTML parser,
// as a fetched page was parsed online.
func reparseFor(o store.Original, url string) (ingest.Article, error) {
	mt, _, _ := mime.ParseMediaType(o.ContentType)
	if mt != typeFeedItem && mt != typeText && url != "" {
		return htmlpage.Parse(o.Data, url, o.ContentType)
	}
	return Reparse(o)
}

// MaxOriginalText is how much of an original OriginalText returns.
const MaxOriginalText = 256 << 10

// OriginalText returns the document article id was imported from as text
// to show beside the extraction (a page's HTML source as it is, a feed
// item as its stored JSON), cut to MaxOriginalText bytes; cut says whether
// it was. An article without a stored original returns "".
func (a *Importer) OriginalText(ctx context.Context, id int64) (text string, cut bool, err error) {
	o, err := a.st.Original(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		if _, err := a.st.Article(ctx, id); err != nil {
			return "", false, err
		}
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if text, _, err = ingest.Decode(o.Data); err != nil {
		text = strings.ToValidUTF8(string(o.Data), "\uFFFD")
	}
	if len(text) > MaxOriginalText {
		n := MaxOriginalText
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		text, cut = text[:n], true
	}
	return text, cut, nil
}
