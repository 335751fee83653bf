package cli

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// runFetch is import for URLs only, online: a feed's items without their
// full text are archived from their linked pages.
func runFetch(ctx context.Context, c *session, args []string) int {
	var urls int
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		u, err := url.Parse(a)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintf(c.Stderr, "newsarchive: fetch: %q is not an http or https URL (use import for files)\n", a)
			return ExitUsage
		}
		urls++
	}
	if urls == 0 {
		fmt.Fprintln(c.Stderr, "usage: newsarchive [--db PATH] fetch [--json] URL...")
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	if a.Importer.Fetcher == nil {
		f, err := newFetcher()
		if err != nil {
			return c.fail(err)
		}
		a.Importer.Fetcher = f
	}
	return runImport(ctx, c, args)
}

// snapshotJSON is the JSON form of a snapshot.
type snapshotJSON struct {
	Version     int    `json:"version"`
	ID          int64  `json:"id"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	FetchedAt   string `json:"fetched_at"`
	ContentHash string `json:"content_hash"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
}

func runSnapshots(ctx context.Context, c *session, args []string) int {
	fs := c.flags("snapshots", "[--json] ID")
	asJSON := fs.Bool("json", false, "print JSON")
	a, art, code := c.article(ctx, fs, args)
	if code >= 0 {
		return code
	}
	snaps, err := a.Importer.Snapshots(ctx, art.ID)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]snapshotJSON, len(snaps))
		for i, s := range snaps {
			out[i] = snapshotJSON{Version: s.Version, ID: s.ID, URL: s.URL, Title: s.Title,
				FetchedAt: s.FetchedAt.UTC().Format(time.RFC3339), ContentHash: s.ContentHash,
				ContentType: s.ContentType, Size: s.Size}
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if len(snaps) == 0 {
		fmt.Fprintf(c.Stdout, "article %d (%q) has one version: it was not fetched again from the web\n", art.ID, art.Title)
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "article %d: %d versions of %s\n", art.ID, len(snaps), snaps[len(snaps)-1].URL)
	for _, s := range snaps {
		fmt.Fprintf(c.Stdout, "  v%-3d %s  %8s  %s  %s\n", s.Version, s.FetchedAt.Local().Format("2006-01-02 15:04:05"),
			sizeText(s.Size), s.ContentHash[:min(12, len(s.ContentHash))], s.Title)
	}
	return ExitOK
}

// sizeText writes a byte count for people.
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
