// Package warc reads web archives — WARC files (plain or gzipped per record)
// and WACZ packages — and turns every captured HTML page into an
// ingest.Article with its provenance: original URL, capture time, archive
// file, record id and payload digest.
//
// Records are streamed: only one record's header and at most
// Options.MaxPayload bytes of one HTML payload are held in memory. Records
// that are not HTML 200 responses are counted by reason and skipped. A
// malformed record is reported and skipped; a file cut short stops the
// reading with an error wrapping ErrTruncated, after every record before it
// has been returned.
//
// The package is pure: no database, no network, no globals.
package warc

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Defaults of Options.
const (
	DefaultMaxPayload = 16 << 20
	DefaultRevisits   = 4096
	maxBadInARow      = 50
)

// Options tune a Reader. The zero value uses the defaults.
type Options struct {
	// MaxPayload caps the HTML payload read from one record (after
	// content decoding); bigger pages are skipped as "payload too large".
	MaxPayload int64
	// Revisits is how many earlier captures are remembered (by payload
	// digest and record id) to resolve revisit records.
	Revisits int
}

// Capture is one HTML page captured in a web archive.
type Capture struct {
	Article   ingest.Article // the page through the HTML extractor
	TargetURI string         // WARC-Target-URI: the URL captured
	URLKey    string         // TargetURI normalised: captures with the same key are snapshots of one page
	Date      time.Time      // WARC-Date: when it was captured (UTC)
	Archive   string         // archive file name ("crawl.wacz#archive/data.warc.gz" inside a WACZ)
	RecordID  string         // WARC-Record-ID, e.g. "<urn:uuid:...>"
	Offset    int64          // byte offset of the record in its WARC (compressed offset for .warc.gz)
	// PayloadDigest is WARC-Payload-Digest ("sha1:BASE32..."), or one
	// computed here ("sha256:hex") when the record has none.
	PayloadDigest string
	// RevisitOf is the record id of the earlier capture whose payload a
	// revisit record reuses; "" for a response record.
	RevisitOf string
	// Payload is the HTML as captured (after content decoding) and
	// ContentType its Content-Type, for the archive to keep the original;
	// nil for a revisit, whose payload is the earlier capture's.
	Payload     []byte
	ContentType string
}

// Stats counts what a Reader saw.
type Stats struct {
	Records  int            // WARC records read
	Captures int            // HTML captures returned
	Skipped  map[string]int // skipped records by reason ("status 404", "not HTML: image/png", "record type: request"...)
	Errors   int            // malformed records reported
}

// RecordError is a malformed record: the Reader skips it and goes on.
type RecordError struct {
	Archive string
	Err     error
}

func (e *RecordError) Error() string { return fmt.Sprintf("%s: %v", e.Archive, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// Reader reads captures from one WARC stream.
type Reader struct {
	archive string
	opts    Options
	fr      *framer
	stats   Stats
	seen    *revisitCache
	done    bool
	badRun  int
}

// NewReader returns a Reader of the WARC (plain or record-gzipped) in r;
// archive names the file in each Capture.
func NewReader(r io.Reader, archive string, opts Options) *Reader {
	if opts.MaxPayload <= 0 {
		opts.MaxPayload = DefaultMaxPayload
	}
	if opts.Revisits <= 0 {
		opts.Revisits = DefaultRevisits
	}
	return &Reader{archive: archive, opts: opts, fr: newFramer(r),
		stats: Stats{Skipped: map[string]int{}}, seen: newRevisitCache(opts.Revisits)}
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats { return r.stats }

// Next returns the next HTML capture. At the end it returns io.EOF. A
// *RecordError means one record was malformed and skipped: call Next
// again. Any other error (wrapping ErrTruncated, or an I/O error) is final:
// the following calls return io.EOF.
func (r *Reader) Next() (Capture, error) {
	for !r.done {
		rec, err := r.fr.next()
		if err != nil {
			return Capture{}, r.fail(err)
		}
		r.badRun = 0
		r.stats.Records++
		c, reason, err := r.capture(rec)
		if err != nil {
			return Capture{}, r.fail(fmt.Errorf("record at offset %d: %w", rec.offset, err))
		}
		if reason != "" {
			r.stats.Skipped[reason]++
			continue
		}
		r.stats.Captures++
		return c, nil
	}
	return Capture{}, io.EOF
}

func (r *Reader) fail(err error) error {
	if errors.Is(err, io.EOF) && !errors.Is(err, ErrTruncated) {
		r.done = true
		return io.EOF
	}
	if errors.Is(err, errBadRecord) {
		r.stats.Errors++
		if r.badRun++; r.badRun < maxBadInARow {
			return &RecordError{Archive: r.archive, Err: err}
		}
		err = fmt.Errorf("%d malformed records in a row, giving up: %w", maxBadInARow, err)
	}
	r.done = true
	r.stats.Errors++
	return fmt.Errorf("%s: %w", r.archive, err)
}

// All iterates over the captures; malformed records come as *RecordError
// and iteration goes on; a final error ends it.
func (r *Reader) All() iter.Seq2[Capture, error] {
	return func(yield func(Capture, error) bool) {
		for {
			c, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(c, err) {
				return
			}
			var re *RecordError
			if err != nil && !errors.As(err, &re) {
				return
			}
		}
	}
}

// targetURI reads WARC-Target-URI, dropping the angle brackets some tools
// (wget 1.x, the WARC 1.1 draft grammar) put around it.
func targetURI(v string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "<"), ">")
}

// warcDate parses WARC-Date (ISO 8601 in UTC, seconds or finer).
func warcDate(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad WARC-Date %q", v)
}
