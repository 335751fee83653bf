package warc

import (
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"testing"
)

const page = `<html><head><title>Quay works begin</title></head><body><article>
<p>Dredgers arrived at the northern quay on Monday to begin two years of work on the new ferry terminal, the port authority said.</p>
<p>Fishing crews have been given temporary berths at the old pier until the work is finished in the summer of 2027.</p>
</article></body></html>`

func warcRecord(typ, contentType, block string, extra ...string) string {
	h := "WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Target-URI: https://Port.example:443/news#top\r\n" +
		"WARC-Date: 2025-06-02T10:11:12.5Z\r\nWARC-Record-ID: <urn:uuid:" + typ + ">\r\nContent-Type: " + contentType + "\r\n"
	for _, e := range extra {
		h += e + "\r\n"
	}
	return h + "Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// TestRecordKinds covers record shapes the tool-written files lack.
func TestRecordKinds(t *testing.T) {
	gz := gzipped(page)
	tests := []struct {
		name, warc, skip string
		digest           string // expected prefix of PayloadDigest
	}{
		{"resource record", warcRecord("resource", "text/html; charset=utf-8", page), "", "sha256:"},
		{"gzip content-encoding", warcRecord("response", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "+strconv.Itoa(len(gz))+"\r\n\r\n"+gz,
			"WARC-Payload-Digest: sha1:ABC"), "", "sha1:ABC"},
		{"no content type sniffed", warcRecord("response", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\n\r\n"+page), "", "sha256:"},
		{"brotli", warcRecord("response", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx"), "content-encoding: br", ""},
		{"redirect", warcRecord("response", "application/http; msgtype=response",
			"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"), "status 301", ""},
		{"dns", warcRecord("response", "text/dns", "20250602 port.example. 300 IN A 10.0.0.1"), "response not HTTP: text/dns", ""},
		{"broken HTTP", warcRecord("response", "application/http; msgtype=response", "garbage\r\n\r\n"), "malformed HTTP response", ""},
		{"unresolved revisit", warcRecord("revisit", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n",
			"WARC-Refers-To: <urn:uuid:nowhere>"), "revisit of a record not read", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.warc), "t.warc", Options{})
			var got []Capture
			for c, err := range r.All() {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, c)
			}
			if tt.skip != "" {
				if len(got) != 0 || r.Stats().Skipped[tt.skip] != 1 {
					t.Errorf("captures %d, skipped %v, want one %q", len(got), r.Stats().Skipped, tt.skip)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d captures, skipped %v", len(got), r.Stats().Skipped)
			}
			c := got[0]
			if c.URLKey != "https://port.example/news" || c.Date.Format("2006-01-02T15:04:05.0") != "2025-06-02T10:11:12.5" ||
				!strings.HasPrefix(c.PayloadDigest, tt.digest) || !strings.Contains(c.Article.Body, "temporary berths") {
				t.Errorf("capture %+v", c)
			}
		})
	}
}
