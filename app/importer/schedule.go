package importer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/store"
)

// Feeds that run themselves: each subscription has an interval; a due
// feed is fetched with a conditional GET (a 304 costs no import), a
// failing one backs off exponentially, and old items are expired when the
// feed keeps them N days.

// MaxBackoff caps the wait after repeated failures.
const MaxBackoff = 24 * time.Hour

// conditionalFetcher is a Fetcher that sends validators (*fetch.Fetcher).
type conditionalFetcher interface {
	Do(ctx context.Context, r fetch.Request) (fetch.Response, error)
}

// Backoff is how long a feed that failed failures times in a row waits
// before its next try: its interval doubled per failure after the first,
// at most MaxBackoff (or the interval, when that is longer).
func Backoff(interval time.Duration, failures int) time.Duration {
	if interval <= 0 {
		interval = store.DefaultFeedInterval
	}
	limit := max(MaxBackoff, interval)
	d := interval
	for i := 1; i < failures && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}

// RefreshDue refreshes every feed due at now, in turn, calling done after
// each (it may be nil). A failing feed does not stop the others: its
// reason is in its FeedRefresh's Error and the feed backs off. The error
// is for the archive failing or ctx ending.
func (a *Importer) RefreshDue(ctx context.Context, now time.Time, opt FeedOptions, done func(FeedRefresh)) ([]FeedRefresh, error) {
	due, err := a.st.DueFeeds(ctx, now)
	if err != nil {
		return nil, err
	}
	if opt.Now.IsZero() {
		opt.Now = now
	}
	var out []FeedRefresh
	for _, sub := range due {
		if err := ctx.Err(); err != nil {
			return out, fmt.Errorf("refresh due feeds: %w", err)
		}
		r, err := a.RefreshScheduled(ctx, sub.ID, opt)
		if err != nil && r.Error == "" {
			return out, err
		}
		out = append(out, r)
		if done != nil {
			done(r)
		}
	}
	return out, nil
}

// DueFeeds lists the feeds due for a refresh at now.
func (a *Importer) DueFeeds(ctx context.Context, now time.Time) ([]store.Feed, error) {
	return a.st.DueFeeds(ctx, now)
}

// RefreshScheduled refreshes one feed as its schedule says: a conditional
// GET with the validators of its last answer (304: nothing imported), its
// items pulled (their linked pages fetched when the feed's FetchFull is
// set), its old items expired, its next refresh set. A feed that cannot be
// fetched or parsed returns a FeedRefresh whose Error says why, its
// failures counted and its next try backed off, and a nil error; the error
// is for the archive failing.
func (a *Importer) RefreshScheduled(ctx context.Context, id int64, opt FeedOptions) (FeedRefresh, error) {
	sub, err := a.st.Feed(ctx, id)
	if err != nil {
		return FeedRefresh{}, err
	}
	start := opt.Now
	if start.IsZero() {
		start = time.Now()
	}
	f, resp, err := a.loadConditional(ctx, sub)
	if err != nil {
		if ctx.Err() != nil {
			return FeedRefresh{Feed: sub}, fmt.Errorf("refresh feed %d: %w", id, ctx.Err())
		}
		fails := sub.Failures + 1
		next := start.Add(Backoff(sub.Interval, fails))
		reason := err.Error()
		if rerr := a.st.FeedFetched(ctx, id, "", "", start, nil, reason); rerr != nil {
			return FeedRefresh{Feed: sub}, rerr
		}
		if rerr := a.st.FeedChecked(ctx, id, next, fails, "", "", reason); rerr != nil {
			return FeedRefresh{Feed: sub}, rerr
		}
		sub, _ = a.st.Feed(ctx, id)
		return FeedRefresh{Feed: sub, Error: reason}, nil
	}
	var rep FeedRefresh
	if resp.NotModified {
		if err := a.st.FeedFetched(ctx, id, "", "", start, nil, ""); err != nil {
			return FeedRefresh{Feed: sub}, err
		}
		rep.NotModified = true
	} else {
		o := opt
		o.Offline = opt.Offline || !sub.FetchFull
		if rep, err = a.pull(ctx, id, sub.URL, f, o); err != nil {
			return rep, err
		}
	}
	if err := a.st.FeedChecked(ctx, id, start.Add(sub.Interval), 0, resp.ETag, resp.LastModified, ""); err != nil {
		return rep, err
	}
	if sub.RetentionDays > 0 {
		n, err := a.expire(ctx, id, start.Add(-time.Duration(sub.RetentionDays)*24*time.Hour))
		rep.Expired = n
		if err != nil {
			return rep, err
		}
	}
	rep.Feed, err = a.st.Feed(ctx, id)
	return rep, err
}

// loadConditional fetches a subscription's feed with its validators (a
// file is read) and parses it, unless the server answers 304.
func (a *Importer) loadConditional(ctx context.Context, sub store.Feed) (feed.Feed, fetch.Response, error) {
	if !isURL(sub.URL) {
		f, err := a.loadFeed(ctx, sub.URL)
		return f, fetch.Response{}, err
	}
	cf, ok := a.fetcher().(conditionalFetcher)
	if !ok {
		f, err := a.loadFeed(ctx, sub.URL)
		return f, fetch.Response{}, err
	}
	resp, err := cf.Do(ctx, fetch.Request{URL: sub.URL, ETag: sub.ETag, LastModified: sub.LastModified})
	if err != nil {
		return feed.Feed{}, resp, err
	}
	if resp.NotModified {
		return feed.Feed{}, resp, nil
	}
	if kind, ok := classifyDocument(resp); !ok || kind != kindFeed {
		return feed.Feed{}, resp, fmt.Errorf("%s: %w (content type %q)", sub.URL, feed.ErrNotFeed, resp.ContentType)
	}
	f, err := feed.Parse(resp.Body, resp.URL)
	return f, resp, err
}

// expire deletes the articles a feed brought before cutoff that nobody
// marked (see store.ExpiredFeedArticles) and returns how many.
func (a *Importer) expire(ctx context.Context, feedID int64, cutoff time.Time) (int, error) {
	ids, err := a.st.ExpiredFeedArticles(ctx, feedID, cutoff)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := a.st.DeleteArticle(ctx, id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return n, fmt.Errorf("expire items of feed %d: %w", feedID, err)
		}
		n++
	}
	return n, nil
}

// SetFeedOptions sets a feed's interval, retention and fetch-full option.
func (a *Importer) SetFeedOptions(ctx context.Context, id int64, o store.FeedOptions) error {
	return a.st.SetFeedOptions(ctx, id, o)
}

// Feed returns one subscription.
func (a *Importer) Feed(ctx context.Context, id int64) (store.Feed, error) {
	return a.st.Feed(ctx, id)
}
