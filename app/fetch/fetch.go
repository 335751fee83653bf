// Package fetch downloads web pages for import: http and https only (also
// across redirects), a bounded number of redirects, a timeout, and a size
// cap enforced while reading so that an oversized body is never buffered
// beyond the cap. Errors say what failed: the status, the size, the
// scheme, the timeout or the unreachable host.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Defaults used by New.
const (
	DefaultMaxBytes     = 20 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 10
	DefaultUserAgent    = "NewsArchive/0.1 (+offline news archive for research)"
)

// Errors returned by Fetch, to be matched with errors.Is.
var (
	ErrScheme      = errors.New("only http and https URLs can be fetched")
	ErrTooLarge    = errors.New("response body over the size limit")
	ErrStatus      = errors.New("server answered with an error status")
	ErrTooManyHops = errors.New("too many redirects")
	ErrTimeout     = errors.New("timed out")
	ErrUnreachable = errors.New("server unreachable")
	ErrNotHTML     = errors.New("not an HTML page")
)

// Fetcher downloads documents. The zero value is usable (it applies the
// defaults), but New is clearer.
type Fetcher struct {
	Client       *http.Client  // transport to use; nil means http.DefaultTransport
	MaxBytes     int64         // largest body accepted; <= 0 means DefaultMaxBytes
	Timeout      time.Duration // whole request, body included; <= 0 means DefaultTimeout
	MaxRedirects int           // redirects followed; < 0 means none, 0 means DefaultMaxRedirects
	UserAgent    string        // User-Agent header; "" means DefaultUserAgent
}

// Response is a fetched document.
type Response struct {
	URL         string // final URL, after redirects
	ContentType string // the Content-Type header as sent
	Body        []byte
	Status      int
	FetchedAt   time.Time
}

// New returns a Fetcher with the default limits.
func New() *Fetcher {
	return &Fetcher{
		Client:       &http.Client{},
		MaxBytes:     DefaultMaxBytes,
		Timeout:      DefaultTimeout,
		MaxRedirects: DefaultMaxRedirects,
		UserAgent:    DefaultUserAgent,
	}
}

// Fetch downloads rawURL. Any status other than 2xx is an error wrapping
// ErrStatus (the Response still carries the status).
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Response{}, fmt.Errorf("fetch %q: scheme %q: %w", rawURL, u.Scheme, ErrScheme)
	}
	if u.Host == "" {
		return Response{}, fmt.Errorf("fetch %q: no host in URL", rawURL)
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")

	resp, err := f.client().Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", rawURL, classify(ctx, err))
	}
	defer resp.Body.Close()
	out := Response{
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Status:      resp.StatusCode,
		FetchedAt:   time.Now().UTC(),
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return out, fmt.Errorf("fetch %s: %s: %w", rawURL, resp.Status, ErrStatus)
	}
	max := f.maxBytes()
	if resp.ContentLength > max {
		return out, fmt.Errorf("fetch %s: %d bytes announced, limit %d: %w", rawURL, resp.ContentLength, max, ErrTooLarge)
	}
	out.Body, err = readCapped(resp.Body, max)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return out, fmt.Errorf("fetch %s: limit %d bytes: %w", rawURL, max, err)
		}
		return out, fmt.Errorf("fetch %s: read body: %w", rawURL, classify(ctx, err))
	}
	return out, nil
}

// FetchHTML is Fetch for callers that want a web page: a response whose
// Content-Type is neither HTML nor XHTML (nor absent) is an error wrapping
// ErrNotHTML.
func (f *Fetcher) FetchHTML(ctx context.Context, rawURL string) (Response, error) {
	r, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return r, err
	}
	if !IsHTML(r.ContentType) {
		return r, fmt.Errorf("fetch %s: content type %q: %w", rawURL, r.ContentType, ErrNotHTML)
	}
	return r, nil
}

// IsHTML reports whether a Content-Type header names an HTML page (an
// empty header counts: the body will tell).
func IsHTML(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// readCapped reads at most max bytes, failing with ErrTooLarge as soon as
// the body proves longer; it never holds more than max+1 bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrTooLarge
	}
	return b, nil
}

// client returns a copy of the configured client with this fetcher's
// redirect policy.
func (f *Fetcher) client() *http.Client {
	c := http.Client{}
	if f.Client != nil {
		c = *f.Client
	}
	limit := f.MaxRedirects
	if limit == 0 {
		limit = DefaultMaxRedirects
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s: %w", req.URL, ErrScheme)
		}
		if len(via) > limit || limit < 0 {
			return fmt.Errorf("%d redirects, last to %s: %w", len(via), req.URL, ErrTooManyHops)
		}
		return nil
	}
	return &c
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout <= 0 {
		return DefaultTimeout
	}
	return f.Timeout
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return f.MaxBytes
}

func (f *Fetcher) userAgent() string {
	if f.UserAgent == "" {
		return DefaultUserAgent
	}
	return f.UserAgent
}

// classify maps transport errors onto ErrTimeout and ErrUnreachable,
// keeping the original error in the chain.
func classify(ctx context.Context, err error) error {
	if errors.Is(err, ErrScheme) || errors.Is(err, ErrTooManyHops) {
		return err
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	var oe *net.OpError
	var de *net.DNSError
	if errors.As(err, &oe) || errors.As(err, &de) {
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	return err
}
