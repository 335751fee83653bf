package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestConditionalGet: the validators of a fetch, sent back, give a 304
// result without a body; a changed page gives the new body and validators.
func TestConditionalGet(t *testing.T) {
	var version atomic.Int32
	version.Store(1)
	modified := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		v := version.Load()
		etag := fmt.Sprintf(`"v%d"`, v)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified.Add(time.Duration(v)*time.Hour).Format(http.TimeFormat))
		if r.URL.Path == "/lastmod-only" {
			w.Header().Del("ETag")
		}
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			if inm == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil &&
			!modified.Add(time.Duration(v)*time.Hour).After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, "<p>version %d</p>", v)
	})
	f := local()
	ctx := context.Background()
	first, err := f.Fetch(ctx, s.URL)
	if err != nil || first.ETag != `"v1"` || first.LastModified == "" || first.NotModified {
		t.Fatalf("first fetch: %+v, %v", first, err)
	}
	tests := []struct {
		name          string
		req           Request
		bump          bool
		wantNotMod    bool
		wantBody      string
		wantETag      string
		wantErrStatus bool
	}{
		{"same etag", Request{URL: s.URL, ETag: first.ETag}, false, true, "", `"v1"`, false},
		{"same date", Request{URL: s.URL + "/lastmod-only", LastModified: first.LastModified}, false, true, "", "", false},
		{"both", Request{URL: s.URL, ETag: first.ETag, LastModified: first.LastModified}, false, true, "", `"v1"`, false},
		{"header injection ignored", Request{URL: s.URL, ETag: "\"v1\"\r\nX-Evil: 1"}, false, false, "<p>version 1</p>", `"v1"`, false},
		{"changed", Request{URL: s.URL, ETag: first.ETag, LastModified: first.LastModified}, true, false, "<p>version 2</p>", `"v2"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bump {
				version.Add(1)
			}
			r, err := f.Do(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if r.NotModified != tt.wantNotMod || string(r.Body) != tt.wantBody || r.ETag != tt.wantETag {
				t.Errorf("got NotModified=%v body=%q etag=%q", r.NotModified, r.Body, r.ETag)
			}
			if tt.wantNotMod && (r.Status != http.StatusNotModified || r.LastModified == "") {
				t.Errorf("304 result without status or validators: %+v", r)
			}
		})
	}
}

// TestUnaskedNotModified: a 304 to a request that sent no validators is an
// error, not an empty page.
func TestUnaskedNotModified(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) })
	r, err := local().Fetch(context.Background(), s.URL)
	if !errors.Is(err, ErrStatus) || r.NotModified {
		t.Fatalf("err = %v, NotModified = %v", err, r.NotModified)
	}
}

// TestFetchStreamsToWriter: with Request.To the body goes to the writer,
// never into memory whole (finding 3), and the size cap still holds.
func TestFetchStreamsToWriter(t *testing.T) {
	const total = 48 << 20
	chunk := bytes.Repeat([]byte("<p>x</p>"), 8<<10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for sent := 0; sent < total; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	f := local()
	f.MaxBytes = 64 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := f.Do(context.Background(), Request{URL: s.URL, To: io.Discard})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if r.Body != nil || r.Size < total {
		t.Errorf("body %d bytes held, size %d", len(r.Body), r.Size)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 16<<20 {
		t.Errorf("allocated %d MB to stream %d MB", alloc>>20, total>>20)
	}
	t.Logf("streamed %d MB to a writer, %d KB allocated", total>>20, alloc>>10)

	f.MaxBytes = 1 << 20
	var buf bytes.Buffer
	if _, err := f.Do(context.Background(), Request{URL: s.URL, To: &buf}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over the cap: err = %v", err)
	}
	if buf.Len() > 1<<20 {
		t.Errorf("wrote %d bytes past a 1 MB cap", buf.Len())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestFetchWriterError(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>hello</p>") })
	_, err := local().Do(context.Background(), Request{URL: s.URL, To: failingWriter{}})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v", err)
	}
}

// TestOnlyHTMLSkipsBody: a PDF asked for as a page is refused before its
// body is read.
func TestOnlyHTMLSkipsBody(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(bytes.Repeat([]byte("%PDF"), 1<<10))
	})
	r, err := local().FetchHTML(context.Background(), s.URL)
	if !errors.Is(err, ErrNotHTML) || r.Size != 0 || r.Body != nil {
		t.Fatalf("err = %v, size %d", err, r.Size)
	}
}
