package warc

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoWARC means a WACZ package holds no archive/*.warc(.gz) file.
var ErrNoWARC = errors.New("no WARC file in archive/")

// File is an opened .warc, .warc.gz or .wacz file.
type File struct {
	path  string
	opts  Options
	f     *os.File
	zr    *zip.Reader // nil for a WARC
	warcs []*zip.File
	stats Stats
	seen  *revisitCache // shared by the WARCs of a WACZ: a revisit may point into an earlier one
}

// Open opens a web archive: a WARC (plain or gzipped per record) or a WACZ
// package (a zip with archive/*.warc[.gz], told apart by content, not
// name). Close it when done.
func Open(name string, opts Options) (*File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open web archive: %w", err)
	}
	af := &File{path: name, opts: opts, f: f, stats: Stats{Skipped: map[string]int{}}}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("open web archive %s: %w", name, err)
	}
	if n == 4 && bytes.Equal(magic[:], []byte("PK\x03\x04")) {
		if err := af.openWACZ(); err != nil {
			f.Close()
			return nil, fmt.Errorf("open WACZ %s: %w", name, err)
		}
	}
	return af, nil
}

func (af *File) openWACZ() error {
	st, err := af.f.Stat()
	if err != nil {
		return err
	}
	if af.zr, err = zip.NewReader(af.f, st.Size()); err != nil {
		return err
	}
	for _, zf := range af.zr.File {
		n := path.Clean(zf.Name)
		if strings.HasPrefix(n, "archive/") && (strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")) {
			af.warcs = append(af.warcs, zf)
		}
	}
	if len(af.warcs) == 0 {
		return ErrNoWARC
	}
	sort.Slice(af.warcs, func(i, j int) bool { return af.warcs[i].Name < af.warcs[j].Name })
	return nil
}

// Close closes the file.
func (af *File) Close() error { return af.f.Close() }

// Stats returns the counts of every WARC read so far.
func (af *File) Stats() Stats { return af.stats }

// All iterates over the HTML captures of the file, in file order. A
// malformed record comes as a *RecordError and iteration goes on; any
// other error is the last value (the rest of that WARC is lost; in a WACZ
// the next WARC is still read).
func (af *File) All() iter.Seq2[Capture, error] {
	return func(yield func(Capture, error) bool) {
		if af.zr == nil {
			af.readWARC(af.f, filepath.Base(af.path), yield)
			return
		}
		for _, zf := range af.warcs {
			name := filepath.Base(af.path) + "#" + zf.Name
			rc, err := zf.Open()
			if err != nil {
				if !yield(Capture{}, fmt.Errorf("%s: %w", name, err)) {
					return
				}
				continue
			}
			more := af.readWARC(rc, name, yield)
			rc.Close()
			if !more {
				return
			}
		}
	}
}

// readWARC yields the captures of one WARC; false when the caller stopped.
func (af *File) readWARC(r io.Reader, name string, yield func(Capture, error) bool) bool {
	wr := NewReader(r, name, af.opts)
	if af.seen == nil {
		af.seen = wr.seen
	}
	wr.seen = af.seen
	defer func() { af.stats.add(wr.Stats()) }()
	for c, err := range wr.All() {
		if !yield(c, err) {
			return false
		}
	}
	return true
}

func (s *Stats) add(o Stats) {
	s.Records += o.Records
	s.Captures += o.Captures
	s.Errors += o.Errors
	for k, v := range o.Skipped {
		s.Skipped[k] += v
	}
}
