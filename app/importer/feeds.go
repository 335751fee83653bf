package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/newsarchive/newsarchive/app/fetch"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// ItemResult is what became of one feed item.
type ItemResult struct {
	GUID        string `json:"guid"`
	Link        string `json:"link,omitempty"`
	Title       string `json:"title"`
	Status      string `json:"status"` // StatusImported, StatusDuplicate or StatusFailed
	ID          int64  `json:"id,omitempty"`
	DuplicateOf int64  `json:"duplicate_of,omitempty"`
	Version     int    `json:"version,omitempty"` // snapshot number when a new version of a story archived before
	SummaryOnly bool   `json:"summary_only,omitempty"`
	Note        string `json:"note,omitempty"` // e.g. why the linked page could not be fetched
	Error       string `json:"error,omitempty"`
}

// pageWorkers is how many linked pages are fetched at once.
const pageWorkers = 4

// minTitleWords is how many words of the text make a title for an untitled item.
const minTitleWords = 10

// itemKey identifies a feed item across refreshes: its GUID, else its
// link, else a hash of its text.
func itemKey(it feed.Item) string {
	switch {
	case it.GUID != "":
		return it.GUID
	case it.Link != "":
		return it.Link
	}
	return "hash:" + ingest.ContentHash(it.Title, it.Summary+"\n\n"+it.Content)
}

// Default caps of one feed pull (FeedOptions).
const (
	DefaultMaxItems = 300       // items archived per pull; the rest wait for the next
	DefaultMaxBytes = 256 << 20 // bytes of linked pages fetched per pull; then summaries
)

// pullLimits are the caps of one pull, with the defaults applied.
type pullLimits struct {
	maxItems int
	maxBytes int64
}

func (o FeedOptions) limits() pullLimits {
	l := pullLimits{maxItems: o.MaxItems, maxBytes: o.MaxBytes}
	if l.maxItems <= 0 {
		l.maxItems = DefaultMaxItems
	}
	if l.maxBytes <= 0 {
		l.maxBytes = DefaultMaxBytes
	}
	return l
}

// capItems keeps the first maxItems items and says what it left out.
func capItems(items []feed.Item, l pullLimits) ([]feed.Item, string) {
	if len(items) <= l.maxItems {
		return items, ""
	}
	return items[:l.maxItems], fmt.Sprintf("the feed has %d new items: the first %d archived, the other %d left for the next pull (cap of %d items per pull)",
		len(items), l.maxItems, len(items)-l.maxItems, l.maxItems)
}

// importItems archives feed items in order. Items carrying their full text
// are archived from the feed; the others, when online, from their linked
// page, else as their summary, marked SummaryOnly. Pages are fetched
// pageWorkers at a time and each group is stored, then released, before
// the next is fetched, so a pull holds at most pageWorkers pages; once
// l.maxBytes of pages were fetched the remaining items keep their summary.
// An item with a link is a story keyed by it (see saveItem), unless several
// items of the feed share the link.
func (a *Importer) importItems(ctx context.Context, f feed.Feed, items []feed.Item, origin string, online bool, l pullLimits) []ItemResult {
	shared := map[string]int{}
	for _, it := range items {
		if it.Link != "" {
			shared[it.Link]++
		}
	}
	out := make([]ItemResult, len(items))
	var fps []store.Fingerprint
	var fetched int64
	for lo := 0; lo < len(items); lo += pageWorkers {
		hi := min(lo+pageWorkers, len(items))
		pages := make([]*fetch.Response, hi-lo)
		notes := make([]string, hi-lo)
		if online && fetched < l.maxBytes {
			a.fetchLinkedPages(ctx, items[lo:hi], pages, notes)
		} else if online {
			for i, it := range items[lo:hi] {
				if needsPage(it) {
					notes[i] = fmt.Sprintf("summary only: %d MB of pages fetched in this pull (the cap)", l.maxBytes>>20)
				}
			}
		}
		for k := range pages {
			if pages[k] != nil {
				fetched += pages[k].Size
			}
			r, fp := a.storeItem(ctx, f, items[lo+k], origin, pages[k], notes[k], shared[items[lo+k].Link] > 1)
			out[lo+k] = r
			if fp != nil {
				fps = append(fps, *fp)
			}
			pages[k] = nil // released: the next group does not hold it
		}
	}
	a.search.SetFingerprints(ctx, fps)
	return out
}

// storeItem archives one item (from its fetched page when page is set)
// and reports it, with the fingerprint of what it saved.
func (a *Importer) storeItem(ctx context.Context, f feed.Feed, it feed.Item, origin string, page *fetch.Response, note string, sharedLink bool) (ItemResult, *store.Fingerprint) {
	if it.Dropped != "" {
		note = joinNotes(it.Dropped, note)
	}
	r := ItemResult{GUID: itemKey(it), Link: it.Link, Title: it.Title, Note: note, Status: StatusFailed}
	if err := ctx.Err(); err != nil {
		r.Error = err.Error()
		return r, nil
	}
	art, orig, err := itemArticle(f, it, origin, page)
	if err != nil {
		r.Error = err.Error()
		return r, nil
	}
	r.Title, r.SummaryOnly = art.Title, art.SummaryOnly
	saved, err := a.saveItem(ctx, art, orig, sharedLink)
	if err != nil {
		r.Error = err.Error()
		return r, nil
	}
	if saved.Outcome == store.VersionDuplicate {
		r.Status, r.DuplicateOf = StatusDuplicate, saved.ArticleID
		return r, nil
	}
	r.Status, r.ID = StatusImported, saved.ArticleID
	if saved.Outcome == store.VersionChanged {
		r.Version = saved.Version
	}
	if err := a.st.AddProvenance(ctx, []store.Provenance{{ArticleID: saved.ArticleID, Kind: store.ProvFeed,
		Source: origin, URL: it.Link, CapturedAt: time.Now()}}); err != nil {
		r.Note = joinNotes(r.Note, "provenance not recorded: "+err.Error())
	}
	fp := search.Fingerprint(saved.ArticleID, art)
	return r, &fp
}

// joinNotes joins the non-empty notes with "; ".
func joinNotes(notes ...string) string {
	var keep []string
	for _, n := range notes {
		if n != "" {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, "; ")
}

// saveItem stores an item's article: as a version of the story at its URL
// (when the item's text came from the feed, only of a story this feed
// archived: see store.SaveVersionFromOrigin), or, without a URL of its
// own, as a new article unless its text is archived.
func (a *Importer) saveItem(ctx context.Context, art store.Article, orig store.Original, sharedLink bool) (store.SavedVersion, error) {
	switch {
	case art.URL != "" && !sharedLink && orig.ContentType != typeFeedItem:
		// fetched from its URL: the story's own server speaks
		return a.st.SaveVersion(ctx, art, orig, art.ImportedAt)
	case art.URL != "" && !sharedLink:
		// the feed's word only: a version of what this feed archived at
		// the link, never of an article from another source
		return a.st.SaveVersionFromOrigin(ctx, art, orig, art.ImportedAt)
	}
	ids, errs, err := a.st.CreateArticles(ctx, []store.Article{art}, []store.Original{orig})
	if err != nil {
		return store.SavedVersion{}, err
	}
	var dup *store.DuplicateError
	if errors.As(errs[0], &dup) {
		return store.SavedVersion{Outcome: store.VersionDuplicate, ArticleID: dup.ID, Duplicate: dup}, nil
	}
	return store.SavedVersion{Outcome: store.VersionNew, ArticleID: ids[0], Version: 1}, nil
}

// needsPage reports whether an item's text is to come from its linked page.
func needsPage(it feed.Item) bool { return !it.IsFullContent && isURL(it.Link) }

// fetchLinkedPages fetches, at once, the linked page of every item without
// its full text. A failure leaves the item's page nil and says why in its
// note.
func (a *Importer) fetchLinkedPages(ctx context.Context, items []feed.Item, pages []*fetch.Response, notes []string) {
	var wg sync.WaitGroup
	for i, it := range items {
		if !needsPage(it) || ctx.Err() != nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, kind, err := a.fetchDocument(ctx, it.Link)
			switch {
			case err != nil:
				notes[i] = "summary only: " + err.Error()
			case kind != kindHTML:
				notes[i] = fmt.Sprintf("summary only: the link %s is not a web page", it.Link)
			default:
				pages[i] = &resp
			}
		}()
	}
	wg.Wait()
}

// itemArticle makes the article of a feed item: from its linked page when
// one was fetched and parses, else from the item itself: its full content,
// or its summary (its headline when it has nothing else), marked
// SummaryOnly.
func itemArticle(f feed.Feed, it feed.Item, origin string, page *fetch.Response) (store.Article, store.Original, error) {
	if page != nil {
		if art, orig, _, err := pageArticle(*page); err == nil {
			art.Title = firstNonEmpty(art.Title, it.Title)
			art.Source = firstNonEmpty(art.Source, f.Title)
			art.Byline = firstNonEmpty(art.Byline, it.Author)
			if art.Published == "" {
				art.Published, art.PublishedText = it.Published, it.Published
			}
			return art, orig, nil
		}
	}
	body, summary := it.Content, false
	if !it.IsFullContent || strings.TrimSpace(body) == "" {
		body, summary = firstNonEmpty(it.Summary, it.Content), true
	}
	if strings.TrimSpace(body) == "" {
		body = it.Title // a headline-only item: the headline is all the feed says
	}
	if strings.TrimSpace(body) == "" {
		if id := firstNonEmpty(it.Link, it.GUID); id != "" {
			return store.Article{}, store.Original{}, fmt.Errorf("item %s has no title and no text", id)
		}
		return store.Article{}, store.Original{}, errors.New("an item has no title, no text and no link")
	}
	title := it.Title
	if title == "" {
		title = firstWords(body, minTitleWords)
	}
	art := store.Article{
		Title: title, Published: it.Published, PublishedText: it.Published, Byline: it.Author, Source: f.Title,
		URL: it.Link, Body: body, SummaryOnly: summary, ContentHash: ingest.ContentHash(title, body), Origin: origin,
	}
	data, err := json.Marshal(struct {
		Feed    string    `json:"feed"`
		FeedURL string    `json:"feed_url"`
		Item    feed.Item `json:"item"`
	}{f.Title, origin, it})
	if err != nil {
		return store.Article{}, store.Original{}, fmt.Errorf("item %q: %w", title, err)
	}
	return art, store.Original{ContentType: typeFeedItem, Data: data}, nil
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// firstWords returns the first n words of s, with an ellipsis when cut.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}

// FeedRefresh is what one pull of a subscribed feed brought.
type FeedRefresh struct {
	Feed                         store.Feed
	Items                        []ItemResult // the new items, in feed order
	Imported, Duplicates, Failed int
	Seen                         int    // items already pulled before, passed over
	Left                         int    // new items over FeedOptions.MaxItems, left for the next pull
	Note                         string // what the caps left out, the feed link dropped
	NotModified                  bool   // the server answered 304: nothing imported
	Expired                      int    // old items deleted by the feed's retention
	Error                        string // why a scheduled refresh failed ("" when it did not)
}

// FeedOptions tune a feed pull.
type FeedOptions struct {
	// Offline archives items without their full text as their summary
	// instead of fetching their linked pages. Pulls are otherwise online
	// when the App has a Fetcher or the feed itself is a URL.
	Offline bool
	// MaxItems caps the new items archived per pull (DefaultMaxItems when
	// <= 0); the others are not marked seen and come with the next pull.
	MaxItems int
	// MaxBytes caps the bytes of linked pages fetched per pull
	// (DefaultMaxBytes when <= 0; it may be passed by the pages fetched
	// at once); items after it keep their summary, with a note.
	MaxBytes int64
	// Now is the time a scheduled refresh counts its next one from (and
	// retention its cutoff); zero means time.Now(). RefreshDue passes its
	// own.
	Now time.Time
}

// AddFeed subscribes to a feed, given by URL or as a saved file, and pulls
// its items. The document must parse as a feed; a source already
// subscribed gives an error wrapping store.ErrFeedExists.
func (a *Importer) AddFeed(ctx context.Context, source string, opt FeedOptions) (FeedRefresh, error) {
	src, err := feedSource(source)
	if err != nil {
		return FeedRefresh{}, err
	}
	f, resp, err := a.loadConditional(ctx, store.Feed{URL: src})
	if err != nil {
		return FeedRefresh{}, err
	}
	id, err := a.st.CreateFeed(ctx, store.Feed{URL: src, Title: f.Title, Site: f.Link})
	if err != nil {
		return FeedRefresh{}, err
	}
	rep, err := a.pull(ctx, id, src, f, opt)
	if err != nil {
		return rep, err
	}
	if err := a.st.FeedChecked(ctx, id, time.Now().Add(rep.Feed.Interval), 0, resp.ETag, resp.LastModified, ""); err != nil {
		return rep, err
	}
	rep.Feed, err = a.st.Feed(ctx, id)
	return rep, err
}

// RefreshFeed pulls the items of a subscribed feed that were not pulled
// before. A feed that cannot be read or parsed is an error, also recorded
// as the feed's LastError.
func (a *Importer) RefreshFeed(ctx context.Context, id int64, opt FeedOptions) (FeedRefresh, error) {
	sub, err := a.st.Feed(ctx, id)
	if err != nil {
		return FeedRefresh{}, err
	}
	f, err := a.loadFeed(ctx, sub.URL)
	if err != nil {
		if rerr := a.st.FeedFetched(ctx, id, "", "", time.Now(), nil, err.Error()); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return FeedRefresh{Feed: sub}, fmt.Errorf("refresh feed %d: %w", id, err)
	}
	return a.pull(ctx, id, sub.URL, f, opt)
}

// RefreshFeeds refreshes every subscription in turn. A feed that fails
// does not stop the others: its error is joined into the returned one.
func (a *Importer) RefreshFeeds(ctx context.Context, opt FeedOptions) ([]FeedRefresh, error) {
	subs, err := a.st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var out []FeedRefresh
	var errs []error
	for _, s := range subs {
		if ctx.Err() != nil {
			return out, errors.Join(append(errs, ctx.Err())...)
		}
		r, err := a.RefreshFeed(ctx, s.ID, opt)
		out = append(out, r)
		errs = append(errs, err)
	}
	return out, errors.Join(errs...)
}

// pull archives the items of f not yet pulled for subscription id and
// records them.
func (a *Importer) pull(ctx context.Context, id int64, src string, f feed.Feed, opt FeedOptions) (FeedRefresh, error) {
	seen, err := a.st.SeenItems(ctx, id)
	if err != nil {
		return FeedRefresh{}, err
	}
	var fresh []feed.Item
	rep := FeedRefresh{}
	for _, it := range f.Items {
		if k := itemKey(it); seen[k] {
			rep.Seen++
		} else {
			seen[k] = true // an item repeated within the feed is pulled once
			fresh = append(fresh, it)
		}
	}
	online := !opt.Offline && (a.Fetcher != nil || isURL(src))
	lim := opt.limits()
	kept, capNote := capItems(fresh, lim)
	rep.Left, rep.Note = len(fresh)-len(kept), joinNotes(f.Dropped, capNote)
	rep.Items = a.importItems(ctx, f, kept, src, online, lim)
	var done []store.SeenItem
	for _, r := range rep.Items {
		switch r.Status {
		case StatusImported:
			rep.Imported++
			done = append(done, store.SeenItem{GUID: r.GUID, ArticleID: r.ID})
		case StatusDuplicate:
			rep.Duplicates++
			done = append(done, store.SeenItem{GUID: r.GUID, ArticleID: r.DuplicateOf})
		default:
			rep.Failed++ // not marked seen: tried again next time
		}
	}
	if err := a.st.FeedFetched(ctx, id, f.Title, f.Link, time.Now(), done, ""); err != nil {
		return rep, err
	}
	rep.Feed, err = a.st.Feed(ctx, id)
	return rep, err
}

// feedSource normalises a subscription's source: a URL as given, a file as
// its absolute path.
func feedSource(source string) (string, error) {
	if isURL(source) {
		return source, nil
	}
	p, err := filepath.Abs(source)
	if err != nil {
		return "", fmt.Errorf("feed %s: %w", source, err)
	}
	return p, nil
}

// loadFeed fetches or reads a feed and parses it.
func (a *Importer) loadFeed(ctx context.Context, src string) (feed.Feed, error) {
	if !isURL(src) {
		raw, err := readFile(src)
		if err != nil {
			return feed.Feed{}, fmt.Errorf("read feed %s: %w", src, err)
		}
		return feed.Parse(raw, "")
	}
	resp, kind, err := a.fetchDocument(ctx, src)
	if err != nil {
		return feed.Feed{}, err
	}
	if kind != kindFeed {
		return feed.Feed{}, fmt.Errorf("%s: %w: it is a web page", src, feed.ErrNotFeed)
	}
	return feed.Parse(resp.Body, resp.URL)
}

// Feeds lists the feeds the archive subscribes to.
func (a *Importer) Feeds(ctx context.Context) ([]store.Feed, error) {
	return a.st.Feeds(ctx)
}

// DeleteFeed unsubscribes from a feed; the articles it brought stay.
func (a *Importer) DeleteFeed(ctx context.Context, id int64) error {
	return a.st.DeleteFeed(ctx, id)
}
