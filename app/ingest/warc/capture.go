package warc

import (
	"bufio"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// capture turns one record into a Capture, or says why it is skipped. An
// error means the file could not be read (truncated or corrupt).
func (r *Reader) capture(rec *record) (Capture, string, error) {
	typ := strings.ToLower(rec.header.Get("Warc-Type"))
	switch typ {
	case "response", "resource":
	case "revisit":
		return r.revisit(rec)
	default:
		if typ == "" {
			typ = "none"
		}
		return Capture{}, "record type: " + typ, nil
	}
	c, reason := r.base(rec)
	if reason != "" {
		return c, reason, nil
	}
	src := &errReader{r: rec.block}
	body, mediaType, reason := openPayload(typ, rec, src)
	if src.err != nil {
		return c, "", r.fr.readErr(src.err)
	}
	if reason != "" {
		return c, reason, nil
	}
	payload, err := io.ReadAll(io.LimitReader(body, r.opts.MaxPayload+1))
	if src.err != nil {
		return c, "", r.fr.readErr(src.err)
	}
	if err != nil {
		return c, "bad payload encoding", nil
	}
	if int64(len(payload)) > r.opts.MaxPayload {
		return c, "payload too large", nil
	}
	if mediaType == "" {
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(payload))
		if !isHTML(mediaType) {
			return c, "not HTML: " + mediaType, nil
		}
	}
	if c.PayloadDigest == "" {
		sum := sha256.Sum256(payload)
		c.PayloadDigest = "sha256:" + hex.EncodeToString(sum[:])
	}
	art, err := htmlpage.Parse(payload, c.TargetURI, src.contentType)
	switch {
	case errors.Is(err, htmlpage.ErrNotHTML):
		return c, "not HTML: " + mediaType, nil
	case errors.Is(err, htmlpage.ErrNoText):
		return c, "no article text", nil
	case err != nil:
		return c, "unparsable HTML", nil
	}
	c.Article = art
	r.seen.add(c) // without the payload: the cache holds text only
	c.Payload, c.ContentType = payload, src.contentType
	return c, "", nil
}

// base fills the provenance fields from the WARC header.
func (r *Reader) base(rec *record) (Capture, string) {
	c := Capture{
		TargetURI:     targetURI(rec.header.Get("Warc-Target-Uri")),
		Archive:       r.archive,
		RecordID:      strings.TrimSpace(rec.header.Get("Warc-Record-Id")),
		Offset:        rec.offset,
		PayloadDigest: strings.TrimSpace(rec.header.Get("Warc-Payload-Digest")),
	}
	if c.TargetURI == "" {
		return c, "no WARC-Target-URI"
	}
	c.URLKey = URLKey(c.TargetURI)
	d, err := warcDate(rec.header.Get("Warc-Date"))
	if err != nil {
		return c, "bad WARC-Date"
	}
	c.Date = d
	return c, ""
}

// openPayload returns the entity body of a response or resource record,
// its media type ("" when undeclared), or a reason to skip it.
func openPayload(typ string, rec *record, src *errReader) (io.Reader, string, string) {
	ct := rec.header.Get("Content-Type")
	if typ == "resource" {
		mt, _, _ := mime.ParseMediaType(ct)
		src.contentType = ct
		if mt != "" && !isHTML(mt) {
			return nil, "", "not HTML: " + mt
		}
		return src, mt, ""
	}
	if mt, _, _ := mime.ParseMediaType(ct); mt != "application/http" {
		return nil, "", "response not HTTP: " + mt
	}
	resp, err := http.ReadResponse(bufio.NewReaderSize(src, 16<<10), nil)
	if err != nil {
		return nil, "", "malformed HTTP response"
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", "status " + strconv.Itoa(resp.StatusCode)
	}
	src.contentType = resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(src.contentType)
	if mt != "" && !isHTML(mt) {
		return nil, "", "not HTML: " + mt
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		if body, err = gzip.NewReader(body); err != nil {
			return nil, "", "bad payload encoding"
		}
	case "deflate":
		if body, err = zlib.NewReader(body); err != nil {
			return nil, "", "bad payload encoding"
		}
	default:
		return nil, "", "content-encoding: " + enc
	}
	return body, mt, ""
}

func isHTML(mediaType string) bool {
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// errReader remembers the first read error of the record's block, to tell
// a cut file from a malformed HTTP message inside a sound record.
type errReader struct {
	r           io.Reader
	err         error
	contentType string
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// URLKey normalises a captured URL so that captures of one page share a
// key: scheme and host lower-cased, default port and fragment dropped, an
// empty path made "/". The query is kept as is.
func URLKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && !(p == "80" && u.Scheme == "http") && !(p == "443" && u.Scheme == "https") {
		host += ":" + p
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}
