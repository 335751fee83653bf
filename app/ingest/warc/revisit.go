package warc

import "strings"

// revisitBytes caps the article text remembered for revisit records.
const revisitBytes = 64 << 20

// revisit resolves a revisit record against an earlier capture of this
// file: by WARC-Refers-To, then by payload digest, then (for the
// server-not-modified profile) by the latest capture of the same URL.
func (r *Reader) revisit(rec *record) (Capture, string, error) {
	c, reason := r.base(rec)
	if reason != "" {
		return c, reason, nil
	}
	prev, ok := r.seen.byID[strings.TrimSpace(rec.header.Get("Warc-Refers-To"))]
	if !ok && c.PayloadDigest != "" {
		prev, ok = r.seen.byDigest[c.PayloadDigest]
	}
	if !ok && strings.Contains(rec.header.Get("Warc-Profile"), "server-not-modified") {
		prev, ok = r.seen.byURL[c.URLKey]
	}
	if !ok {
		return c, "revisit of a record not read", nil
	}
	c.Article = prev.Article
	c.PayloadDigest = prev.PayloadDigest
	c.RevisitOf = prev.RecordID
	return c, "", nil
}

// revisitCache remembers recent captures, bounded in count and text size;
// the oldest are forgotten first.
type revisitCache struct {
	max, bytes int
	order      []Capture
	sizes      []int
	byID       map[string]Capture
	byDigest   map[string]Capture
	byURL      map[string]Capture
}

func newRevisitCache(max int) *revisitCache {
	return &revisitCache{max: max, byID: map[string]Capture{}, byDigest: map[string]Capture{}, byURL: map[string]Capture{}}
}

func (rc *revisitCache) add(c Capture) {
	size := len(c.Article.Body) + len(c.Article.Title)
	for len(rc.order) > 0 && (len(rc.order) >= rc.max || rc.bytes+size > revisitBytes) {
		old := rc.order[0]
		rc.bytes -= rc.sizes[0]
		rc.order, rc.sizes = rc.order[1:], rc.sizes[1:]
		if rc.byID[old.RecordID].Offset == old.Offset {
			delete(rc.byID, old.RecordID)
		}
		if rc.byDigest[old.PayloadDigest].Offset == old.Offset {
			delete(rc.byDigest, old.PayloadDigest)
		}
		if rc.byURL[old.URLKey].Offset == old.Offset {
			delete(rc.byURL, old.URLKey)
		}
	}
	rc.order, rc.sizes = append(rc.order, c), append(rc.sizes, size)
	rc.bytes += size
	if c.RecordID != "" {
		rc.byID[c.RecordID] = c
	}
	rc.byDigest[c.PayloadDigest] = c
	rc.byURL[c.URLKey] = c
}
