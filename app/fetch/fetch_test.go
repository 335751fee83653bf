package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// local returns the default fetcher with the opt-in that lets it reach the
// test servers on the loopback interface.
func local() *Fetcher {
	f := New()
	f.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
	return f
}

func newServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func TestFetchStatusesAndRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.UserAgent() != DefaultUserAgent {
			http.Error(w, "bad agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/oops", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	s := newServer(t, mux.ServeHTTP)

	tests := []struct {
		name, path string
		want       error
		status     int
		final      string
	}{
		{"ok", "/page", nil, 200, "/page"},
		{"three redirects", "/hop/2", nil, 200, "/page"},
		{"redirect loop", "/loop", ErrTooManyHops, 0, ""},
		{"redirect to ftp", "/ftp", ErrScheme, 0, ""},
		{"404", "/gone", ErrStatus, 404, "/gone"},
		{"503", "/oops", ErrStatus, 503, "/oops"},
	}
	f := local()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := f.Fetch(context.Background(), s.URL+tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if r.Status != tt.status {
				t.Errorf("status = %d, want %d", r.Status, tt.status)
			}
			if tt.final != "" && r.URL != s.URL+tt.final {
				t.Errorf("final URL = %s", r.URL)
			}
			if tt.want == nil && (string(r.Body) != "<p>hello</p>" || r.FetchedAt.IsZero()) {
				t.Errorf("response = %+v", r)
			}
		})
	}
}

func TestFetchRefusesSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "data:text/html,hi"} {
		if _, err := New().Fetch(context.Background(), u); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err = %v", u, err)
		}
	}
}

// TestFetchCapsHugeBody streams 100 MB and checks that the fetch fails
// early without allocating anything near that.
func TestFetchCapsHugeBody(t *testing.T) {
	const total = 100 << 20
	chunk := make([]byte, 64<<10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for sent := 0; sent < total; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	f := local()
	f.MaxBytes = 1 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := f.Fetch(context.Background(), s.URL)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("allocated %d MB to refuse a 100 MB body", alloc>>20)
	}
}

func TestFetchCapsAnnouncedLength(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(100<<20))
		w.Write([]byte("short"))
	})
	if _, err := local().Fetch(context.Background(), s.URL); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
}

func TestFetchTimeout(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	f := local()
	f.Timeout = 100 * time.Millisecond
	if _, err := f.Fetch(context.Background(), s.URL); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func TestFetchUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	if _, err := local().Fetch(context.Background(), "http://"+addr+"/"); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("err = %v, want ErrUnreachable", err)
	}
}

func TestFetchHTMLAndHeaderCharset(t *testing.T) {
	latin1 := []byte("<html><head><title>Ol\xe1</title></head><body><article><p>" +
		strings.Repeat("A na\xe7\xe3o celebrou a vit\xf3ria com festa nas ruas da capital. ", 12) + "</p></article></body></html>")
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write(latin1)
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	s := newServer(t, mux.ServeHTTP)
	r, err := local().FetchHTML(context.Background(), s.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	a, err := htmlpage.Parse(r.Body, r.URL, r.ContentType)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Olá" || !strings.Contains(a.Body, "A nação celebrou a vitória") {
		t.Errorf("charset from header lost: %q / %q", a.Title, a.Body[:40])
	}
	if _, err := local().FetchHTML(context.Background(), s.URL+"/pdf"); !errors.Is(err, ErrNotHTML) {
		t.Errorf("pdf: err = %v", err)
	}
}

func TestFetchPageChanged(t *testing.T) {
	var n atomic.Int32
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<p>version %d</p>", n.Add(1))
	})
	f := local()
	a, err := f.Fetch(context.Background(), s.URL)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Fetch(context.Background(), s.URL)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Body) != "<p>version 1</p>" || string(b.Body) != "<p>version 2</p>" {
		t.Errorf("bodies %q, %q", a.Body, b.Body)
	}
	if b.FetchedAt.Before(a.FetchedAt) {
		t.Errorf("second fetch dated %v before first %v", b.FetchedAt, a.FetchedAt)
	}
}

func TestIsHTML(t *testing.T) {
	tests := map[string]bool{
		"text/html": true, "text/html; charset=utf-8": true, "application/xhtml+xml": true, "": true,
		"application/pdf": false, "image/png": false, "application/rss+xml": false, "garbage;;": false,
	}
	for ct, want := range tests {
		if IsHTML(ct) != want {
			t.Errorf("IsHTML(%q) = %v", ct, !want)
		}
	}
}

func BenchmarkFetch(b *testing.B) {
	body := []byte(strings.Repeat("<p>paragraph of text</p>", 4000))
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer s.Close()
	f := local()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := f.Fetch(context.Background(), s.URL); err != nil {
			b.Fatal(err)
		}
	}
}
