package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// Limits on one record's WARC header: a line longer than the read buffer
// or a header block larger than maxHeaderBytes is malformed.
const (
	readBufSize    = 64 << 10
	maxHeaderBytes = 64 << 10
	maxResyncScan  = 64 << 20 // bytes skipped looking for the next record before giving up
)

// ErrTruncated means the file ends inside a record (a cut download, a
// truncated gzip member). Records before it have been read.
var ErrTruncated = errors.New("truncated WARC file")

// errBadRecord marks a record whose framing is broken; the reader skips to
// the next record.
var errBadRecord = errors.New("malformed WARC record")

// ErrNotWARC means the input does not start with a WARC record.
var ErrNotWARC = errors.New("not a WARC file")

// record is one WARC record as the framing reader sees it: its header and
// a reader of exactly its content block.
type record struct {
	offset int64 // where the record (or its gzip member) starts in the file
	header textproto.MIMEHeader
	block  *io.LimitedReader
}

// countingReader counts the bytes read from the underlying file.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// framer reads WARC records one at a time from an uncompressed WARC or a
// WARC of gzip members (one member per record, as the standard asks). It
// holds at most one header in memory; the block is streamed.
type framer struct {
	cnt     *countingReader
	raw     *bufio.Reader // the file
	gz      *gzip.Reader
	gzbr    *bufio.Reader // the current gzip member, decompressed
	src     *bufio.Reader // raw or gzbr
	cur     *record
	inGz    bool
	started bool // a record start was found
}

func newFramer(r io.Reader) *framer {
	c := &countingReader{r: r}
	return &framer{cnt: c, raw: bufio.NewReaderSize(c, readBufSize)}
}

func (f *framer) pos() int64 { return f.cnt.n - int64(f.raw.Buffered()) }

// next finishes the current record and reads the next header. It returns
// io.EOF at the end, an error wrapping ErrTruncated when the file stops
// inside a record, and one wrapping errBadRecord for a record that cannot
// be framed (the following call resynchronises on the next record).
func (f *framer) next() (*record, error) {
	if f.cur != nil {
		if err := f.finish(); err != nil {
			f.cur = nil
			return nil, err
		}
		f.cur = nil
	}
	if err := f.skipToRecord(); err != nil {
		return nil, err
	}
	f.started = true
	off := f.pos()
	if err := f.open(); err != nil {
		return nil, fmt.Errorf("record at offset %d: %w", off, err)
	}
	h, err := f.readHeader()
	if err != nil {
		f.abandon()
		return nil, fmt.Errorf("record at offset %d: %w", off, err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		f.abandon()
		return nil, fmt.Errorf("record at offset %d: bad Content-Length %q: %w", off, h.Get("Content-Length"), errBadRecord)
	}
	f.cur = &record{offset: off, header: h, block: &io.LimitedReader{R: f.src, N: n}}
	return f.cur, nil
}

// skipToRecord skips blank lines between records and, after a broken
// record, any junk up to the next "WARC/" line or gzip member.
func (f *framer) skipToRecord() error {
	for skipped := 0; ; skipped++ {
		b, err := f.raw.Peek(5)
		if len(b) == 0 && errors.Is(err, io.EOF) {
			return io.EOF
		}
		if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
			return nil
		}
		if bytes.HasPrefix(b, []byte("WARC/")) {
			return nil
		}
		if len(b) < 5 && errors.Is(err, io.EOF) {
			if len(bytes.TrimSpace(b)) == 0 {
				return io.EOF
			}
			return fmt.Errorf("junk at end of file (offset %d): %w", f.pos(), ErrTruncated)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read at offset %d: %w", f.pos(), err)
		}
		if !f.started && len(bytes.TrimLeft(b, "\r\n")) > 0 {
			return fmt.Errorf("starts with %q: %w", b, ErrNotWARC)
		}
		if skipped > maxResyncScan {
			return fmt.Errorf("no WARC record in %d bytes after offset %d: %w", maxResyncScan, f.pos(), errBadRecord)
		}
		if _, err := f.raw.Discard(1); err != nil {
			return err
		}
	}
}

// open starts a gzip member when one begins here.
func (f *framer) open() error {
	b, _ := f.raw.Peek(2)
	f.inGz = len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b
	if !f.inGz {
		f.src = f.raw
		return nil
	}
	var err error
	if f.gz == nil {
		f.gz, err = gzip.NewReader(f.raw)
	} else {
		err = f.gz.Reset(f.raw)
	}
	if err != nil {
		_, _ = f.raw.Discard(1) // resynchronise past this magic
		return fmt.Errorf("gzip header: %v: %w", err, errBadRecord)
	}
	f.gz.Multistream(false)
	if f.gzbr == nil {
		f.gzbr = bufio.NewReaderSize(f.gz, readBufSize)
	} else {
		f.gzbr.Reset(f.gz)
	}
	f.src = f.gzbr
	return nil
}

// readHeader reads the version line and the named fields of a record.
func (f *framer) readHeader() (textproto.MIMEHeader, error) {
	line, err := f.line()
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("no WARC version line (found %.40q): %w", line, errBadRecord)
	}
	h := textproto.MIMEHeader{}
	total := len(line)
	var last string
	for {
		line, err := f.line()
		if err != nil {
			return nil, err
		}
		if total += len(line); total > maxHeaderBytes {
			return nil, fmt.Errorf("header over %d bytes: %w", maxHeaderBytes, errBadRecord)
		}
		if line == "" {
			return h, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" { // folded continuation
			vs := h[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("bad header line %.60q: %w", line, errBadRecord)
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		h.Add(last, strings.TrimSpace(value))
	}
}

// line reads one header line without its CRLF, bounded by the buffer size.
func (f *framer) line() (string, error) {
	b, err := f.src.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return "", fmt.Errorf("header line over %d bytes: %w", readBufSize, errBadRecord)
	case errors.Is(err, io.EOF):
		return "", fmt.Errorf("file ends inside a header: %w", ErrTruncated)
	case err != nil:
		return "", f.readErr(err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// finish drains the rest of the current block and its end-of-record
// marker, and for a gzip member checks its checksum.
func (f *framer) finish() error {
	rec := f.cur
	if _, err := io.Copy(io.Discard, rec.block); err != nil {
		return fmt.Errorf("record at offset %d: %w", rec.offset, f.readErr(err))
	}
	if rec.block.N > 0 {
		return fmt.Errorf("record at offset %d: file ends %d bytes into its block: %w", rec.offset, rec.block.N, ErrTruncated)
	}
	if !f.inGz {
		return nil // the CRLFs between records are skipped by skipToRecord
	}
	if _, err := io.Copy(io.Discard, f.gzbr); err != nil {
		return fmt.Errorf("record at offset %d: %w", rec.offset, f.readErr(err))
	}
	return nil
}

// abandon gives up on the current gzip member after a broken header: the
// next call resynchronises on the following member or record.
func (f *framer) abandon() {
	if f.inGz {
		// Skip to the end of this member if it decompresses; a corrupt
		// member leaves the raw reader mid-stream and skipToRecord scans on.
		_, _ = io.Copy(io.Discard, io.LimitReader(f.gzbr, maxResyncScan))
	}
}

func (f *framer) readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%v: %w", err, ErrTruncated)
	}
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
		return fmt.Errorf("gzip: %v: %w", err, errBadRecord)
	}
	return fmt.Errorf("%v: %w", err, errBadRecord) // flate.CorruptInputError and friends
}
