package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest/opml"
	"github.com/newsarchive/newsarchive/store"
)

// OPMLReport is what an OPML import did.
type OPMLReport struct {
	Added, Existing int
	Failed          []string // "URL: reason" per subscription that could not be added
}

// ImportOPML subscribes to every feed of an OPML file, with its title,
// site, folder and categories. Feeds already subscribed are counted and
// left as they are; new ones are due at once (nothing is fetched here:
// the next refresh of due feeds pulls them). A file that is not OPML is an
// error wrapping opml.ErrMalformed, and nothing is subscribed.
func (a *Importer) ImportOPML(ctx context.Context, path string) (OPMLReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return OPMLReport{}, fmt.Errorf("import OPML %s: %w", path, readError(err))
	}
	defer f.Close()
	doc, err := opml.Parse(f)
	if err != nil {
		return OPMLReport{}, fmt.Errorf("import OPML %s: %w", path, err)
	}
	var rep OPMLReport
	for _, s := range doc.Subscriptions {
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("import OPML %s: %w", path, err)
		}
		src := s.XMLURL
		if !isURL(src) {
			rep.Failed = append(rep.Failed, fmt.Sprintf("%s: not an http(s) feed URL", src))
			continue
		}
		_, err := a.st.CreateFeed(ctx, store.Feed{URL: src, Title: s.Title, Site: s.HTMLURL, Folder: s.Folder,
			Categories: s.Categories})
		switch {
		case errors.Is(err, store.ErrFeedExists):
			rep.Existing++
		case err != nil:
			return rep, fmt.Errorf("import OPML %s: %w", path, err)
		default:
			rep.Added++
		}
	}
	return rep, nil
}

// ExportOPML writes the subscriptions as OPML 2.0, with their folders and
// categories; ImportOPML reads it back to the same subscriptions. Feeds
// that are saved files (not URLs) are left out: another reader could not
// fetch them.
func (a *Importer) ExportOPML(ctx context.Context, w io.Writer) (int, error) {
	feeds, err := a.st.Feeds(ctx)
	if err != nil {
		return 0, err
	}
	doc := opml.Document{Title: "News Archive subscriptions"}
	// Write groups subscriptions by folder in first-appearance order: keep
	// each folder's feeds together so that the list reads back the same.
	order := map[string]int{}
	groups := [][]opml.Subscription{}
	for _, f := range feeds {
		if !isURL(f.URL) {
			continue
		}
		key := fmt.Sprintf("%q", f.Folder)
		i, ok := order[key]
		if !ok {
			i = len(groups)
			order[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], opml.Subscription{Title: f.Title, XMLURL: f.URL, HTMLURL: f.Site, Type: "rss",
			Folder: f.Folder, Categories: f.Categories})
	}
	for _, g := range groups {
		doc.Subscriptions = append(doc.Subscriptions, g...)
	}
	if err := opml.Write(w, doc, time.Now()); err != nil {
		return 0, fmt.Errorf("export OPML: %w", err)
	}
	return len(doc.Subscriptions), nil
}
