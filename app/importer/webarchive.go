package importer

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest/pdf"
	"github.com/newsarchive/newsarchive/app/ingest/warc"
	"github.com/newsarchive/newsarchive/store"
)

// Web archives (WARC, WARC.gz, WACZ) and PDFs: recognised by content,
// whatever their names.

// fileFormat is a binary format the importer reads by content.
type fileFormat int

const (
	formatOther fileFormat = iota
	formatWARC             // .warc, .warc.gz, or a WACZ package
	formatPDF
)

// typePDF is the content type of a PDF original.
const typePDF = "application/pdf"

// sniffFormat tells a web archive or a PDF from its first bytes: "WARC/"
// (plain, or inside a gzip member), a zip holding archive/*.warc (WACZ),
// "%PDF-". Other files, and files that cannot be read, are formatOther.
func sniffFormat(path string) fileFormat {
	f, err := os.Open(path)
	if err != nil {
		return formatOther
	}
	defer f.Close()
	var head [8]byte
	n, _ := io.ReadFull(f, head[:])
	h := head[:n]
	switch {
	case bytes.HasPrefix(h, []byte("WARC/")):
		return formatWARC
	case bytes.HasPrefix(h, []byte("%PDF-")):
		return formatPDF
	case bytes.HasPrefix(h, []byte{0x1f, 0x8b}):
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return formatOther
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			return formatOther
		}
		var in [5]byte
		if _, err := io.ReadFull(zr, in[:]); err == nil && string(in[:]) == "WARC/" {
			return formatWARC
		}
	case bytes.HasPrefix(h, []byte("PK\x03\x04")):
		af, err := warc.Open(path, warc.Options{})
		if err == nil {
			af.Close()
			return formatWARC
		}
		if strings.EqualFold(filepath.Ext(path), ".wacz") {
			return formatWARC // a broken WACZ: its import says why
		}
	}
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return formatPDF // a broken PDF: its import says why
	}
	return formatOther
}

// parsePDF reads a PDF as one article, its bytes kept as the original.
func parsePDF(in inputFile, origin string) parsed {
	p := parsed{in: in}
	raw, err := readFile(in.path)
	if err != nil {
		p.err = err
		return p
	}
	ia, err := pdf.Parse(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		p.err = err
		return p
	}
	p.art = articleFromIngest(ia, origin)
	p.orig = store.Original{ContentType: typePDF, Data: raw}
	p.prov = store.Provenance{Kind: store.ProvPDF, Source: origin}
	return p
}

// webArchiveCounts sums up the captures of one web archive file.
type webArchiveCounts struct {
	imported, versions, dups, failed int
	firstErr, provErr                string
	firstID, firstDup                int64
}

// storeWebArchive archives every HTML capture of a WARC or WACZ file.
// Captures of one URL (by warc.URLKey) become versions of one article,
// dated by their WARC-Date; each keeps its provenance. Skipped records are
// counted by reason in the result; a malformed record is counted and
// skipped; an error that ends a WARC is reported with what came before it
// kept.
func (a *Importer) storeWebArchive(ctx context.Context, path string) FileResult {
	r := FileResult{Path: path, Status: StatusFailed}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	af, err := warc.Open(path, warc.Options{})
	if err != nil {
		r.Error = localError(err).Error()
		return r
	}
	defer af.Close()
	urls := map[string]string{} // URL key -> the URL its article was archived under
	var n webArchiveCounts
	var ended []string
	for c, err := range af.All() {
		if ctx.Err() != nil {
			ended = append(ended, ctx.Err().Error())
			break
		}
		if err != nil {
			var re *warc.RecordError
			if !errors.As(err, &re) {
				ended = append(ended, err.Error())
			}
			continue
		}
		a.storeCapture(ctx, c, filepath.Join(filepath.Dir(abs), c.Archive), urls, &n)
	}
	st := af.Stats()
	r.Skipped = map[string]int{}
	for k, v := range st.Skipped {
		r.Skipped[k] = v
	}
	if st.Errors > 0 {
		r.Skipped["malformed record"] += st.Errors
	}
	r.Title = fmt.Sprintf("web archive: %d new, %d new versions, %d already archived, %d failed of %d pages; %s",
		n.imported, n.versions, n.dups, n.failed, st.Captures, DescribeSkipped(r.Skipped))
	switch {
	case n.imported+n.versions > 0:
		r.Status, r.ID = StatusImported, n.firstID
	case n.dups > 0:
		r.Status, r.DuplicateOf = StatusDuplicate, n.firstDup
	case n.failed > 0:
		r.Error = "no page could be archived: " + n.firstErr
	case len(ended) == 0:
		r.Error = "no HTML page in the archive (" + DescribeSkipped(r.Skipped) + ")"
	}
	if n.provErr != "" {
		r.Title += "; provenance not recorded: " + n.provErr
	}
	if len(ended) > 0 {
		msg := "stopped early: " + strings.Join(ended, "; ")
		if r.Status == StatusFailed && r.Error == "" {
			r.Error = msg
		} else {
			r.Title += "; " + msg
		}
	}
	return r
}

// storeCapture archives one capture as a version of the story at its URL.
func (a *Importer) storeCapture(ctx context.Context, c warc.Capture, source string, urls map[string]string, n *webArchiveCounts) {
	art := articleFromIngest(c.Article, source)
	if u, ok := urls[c.URLKey]; ok {
		art.URL = u
	} else {
		art.URL = c.TargetURI
		urls[c.URLKey] = c.TargetURI
	}
	orig := store.Original{ContentType: firstNonEmpty(c.ContentType, typeHTML), Data: c.Payload}
	if c.Payload == nil { // a revisit: the text of the capture it repeats
		orig = store.Original{ContentType: typeText, Data: []byte(art.Title + "\n\n" + art.Body)}
	}
	saved, err := a.st.SaveVersion(ctx, art, orig, c.Date)
	if err != nil {
		n.failed++
		if n.firstErr == "" {
			n.firstErr = err.Error()
		}
		return
	}
	switch saved.Outcome {
	case store.VersionNew:
		n.imported++
		if n.firstID == 0 {
			n.firstID = saved.ArticleID
		}
	case store.VersionChanged:
		n.versions++
	default:
		n.dups++
		if n.firstDup == 0 {
			n.firstDup = saved.ArticleID
		}
	}
	a.search.FingerprintSaved(ctx, saved, art)
	if saved.ArticleID != 0 {
		err := a.st.AddProvenance(ctx, []store.Provenance{{ArticleID: saved.ArticleID, Kind: store.ProvWARC,
			Source: source, URL: c.TargetURI, RecordID: c.RecordID, PayloadDigest: c.PayloadDigest, CapturedAt: c.Date}})
		if err != nil && n.provErr == "" {
			n.provErr = err.Error()
		}
	}
}

// DescribeSkipped lists skipped records by reason, most frequent first.
func DescribeSkipped(m map[string]int) string {
	if len(m) == 0 {
		return "no record skipped"
	}
	keys := make([]string, 0, len(m))
	total := 0
	for k, v := range m {
		keys = append(keys, k)
		total += v
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return fmt.Sprintf("%d records skipped (%s)", total, strings.Join(parts, ", "))
}

// Provenance returns where an article came from, oldest first; an article
// imported before provenance was kept has none.
func (a *Importer) Provenance(ctx context.Context, id int64) ([]store.Provenance, error) {
	m, err := a.st.ProvenanceOf(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	return m[id], nil
}
