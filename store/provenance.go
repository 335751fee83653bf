package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// The provenance table: where each article came from.

// Kinds of provenance.
const (
	ProvFile   = "file"   // a file imported from disk
	ProvURL    = "url"    // a page fetched from the web
	ProvFeed   = "feed"   // an item of a feed (Source is the feed's URL or file)
	ProvWARC   = "warc"   // a capture in a WARC or WACZ file
	ProvPDF    = "pdf"    // a PDF file
	ProvExport = "export" // merged from a News Archive export
)

// Provenance is one way an article reached the archive.
type Provenance struct {
	ArticleID     int64
	Kind          string    // ProvFile, ProvURL, ProvFeed, ProvWARC, ProvPDF, ProvExport
	Source        string    // file path, feed URL, or archive file (a WACZ names its WARC after '#')
	URL           string    // the page's URL: WARC-Target-URI, fetched URL, item link
	RecordID      string    // WARC-Record-ID
	PayloadDigest string    // WARC-Payload-Digest
	CapturedAt    time.Time // WARC-Date or fetch time; zero when unknown
	AddedAt       time.Time
}

// String is the provenance as one line for people.
func (p Provenance) String() string {
	var b strings.Builder
	b.WriteString(p.Kind)
	if p.Source != "" {
		b.WriteString(" " + p.Source)
	}
	if p.URL != "" && p.URL != p.Source {
		b.WriteString(" url " + p.URL)
	}
	if p.RecordID != "" {
		b.WriteString(" record " + p.RecordID)
	}
	if p.PayloadDigest != "" {
		b.WriteString(" digest " + p.PayloadDigest)
	}
	if !p.CapturedAt.IsZero() {
		b.WriteString(" captured " + p.CapturedAt.UTC().Format(time.RFC3339))
	}
	return b.String()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// AddProvenance records where articles came from. A row equal to one
// recorded (same article, kind, source, URL and record) is kept once;
// rows of missing articles are an error.
func (s *Store) AddProvenance(ctx context.Context, ps []Provenance) error {
	if len(ps) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return addProvenance(ctx, tx, ps) })
	if err != nil {
		return fmt.Errorf("record provenance: %w", err)
	}
	return nil
}

func addProvenance(ctx context.Context, tx *sql.Tx, ps []Provenance) error {
	now := time.Now()
	for _, p := range ps {
		if p.AddedAt.IsZero() {
			p.AddedAt = now
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO provenance (article_id, kind, source, url, record_id,
			payload_digest, captured_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, kind, source, url, record_id) DO NOTHING`,
			p.ArticleID, p.Kind, p.Source, p.URL, p.RecordID, p.PayloadDigest, formatTime(p.CapturedAt),
			formatTime(p.AddedAt))
		if err != nil {
			return fmt.Errorf("article %d: %w", p.ArticleID, err)
		}
	}
	return nil
}

// ProvenanceOf returns where the given articles came from, oldest first
// per article. Articles without provenance (imported before it was kept)
// are absent from the map.
func (s *Store) ProvenanceOf(ctx context.Context, ids []int64) (map[int64][]Provenance, error) {
	out := map[int64][]Provenance{}
	for lo := 0; lo < len(ids); lo += 500 {
		chunk := ids[lo:min(lo+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		q := `SELECT article_id, kind, source, url, record_id, payload_digest, captured_at, added_at
			FROM provenance WHERE article_id IN (?` + strings.Repeat(", ?", len(chunk)-1) + `) ORDER BY id`
		if err := s.scanProvenance(ctx, q, args, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) scanProvenance(ctx context.Context, q string, args []any, out map[int64][]Provenance) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("read provenance: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanProvenanceRow(rows)
		if err != nil {
			return fmt.Errorf("read provenance: %w", err)
		}
		out[p.ArticleID] = append(out[p.ArticleID], p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read provenance: %w", err)
	}
	return nil
}

// scanProvenanceRow reads article_id, kind, source, url, record_id,
// payload_digest, captured_at, added_at.
func scanProvenanceRow(rows *sql.Rows) (Provenance, error) {
	var p Provenance
	var captured, added string
	if err := rows.Scan(&p.ArticleID, &p.Kind, &p.Source, &p.URL, &p.RecordID, &p.PayloadDigest,
		&captured, &added); err != nil {
		return p, err
	}
	var err error
	if captured != "" {
		if p.CapturedAt, err = time.Parse(time.RFC3339Nano, captured); err != nil {
			return p, fmt.Errorf("provenance of article %d: bad time %q: %w", p.ArticleID, captured, err)
		}
	}
	if p.AddedAt, err = time.Parse(time.RFC3339Nano, added); err != nil {
		return p, fmt.Errorf("provenance of article %d: bad time %q: %w", p.ArticleID, added, err)
	}
	return p, nil
}
