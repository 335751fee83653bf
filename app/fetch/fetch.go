// Package fetch downloads web pages for import: http and https only (also
// across redirects, and never from https down to http), a bounded number of
// redirects, a timeout, and a size cap enforced while reading so that an
// oversized body is never buffered beyond the cap. Connections go only to
// public internet addresses unless the caller opts in (AllowPrivate,
// Allow): the address is checked after DNS resolution, on every connection
// (redirects included), so neither a link to 127.0.0.1 nor a name that
// resolves to 10.0.0.1 or 169.254.169.254 reaches the local network.
// Credentials in URLs are dropped: never sent, never in Response.URL.
// Conditional GET (ETag, Last-Modified) and streaming into a writer are
// available through Do. Errors say what failed: the status, the size, the
// scheme, the address, the timeout or the unreachable host.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Defaults used by New.
const (
	DefaultMaxBytes     = 20 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 10
	DefaultUserAgent    = "NewsArchive/0.1 (+offline news archive for research)"
)

// Errors returned by Fetch, to be matched with errors.Is (see also
// ErrBlocked).
var (
	ErrScheme      = errors.New("only http and https URLs can be fetched")
	ErrDowngrade   = errors.New("redirect from https to http refused")
	ErrTooLarge    = errors.New("response body over the size limit")
	ErrStatus      = errors.New("server answered with an error status")
	ErrTooManyHops = errors.New("too many redirects")
	ErrTimeout     = errors.New("timed out")
	ErrUnreachable = errors.New("server unreachable")
	ErrNotHTML     = errors.New("not an HTML page")
)

// Fetcher downloads documents. The zero value is usable (it applies the
// defaults), but New is clearer. A Fetcher must not be copied after first
// use; it is safe for concurrent use.
type Fetcher struct {
	// Client supplies the transport settings. Its Transport, when an
	// *http.Transport (or nil: http.DefaultTransport), is cloned with the
	// address guard as its dialer and without proxies, since a proxy would
	// hide the server's address. Any other RoundTripper is used as it is,
	// without the address guard. Client is read at the first fetch.
	Client       *http.Client
	MaxBytes     int64         // largest body accepted; <= 0 means DefaultMaxBytes
	Timeout      time.Duration // whole request, body included; <= 0 means DefaultTimeout
	MaxRedirects int           // redirects followed; < 0 means none, 0 means DefaultMaxRedirects
	UserAgent    string        // User-Agent header; "" means DefaultUserAgent

	// AllowPrivate lets the fetcher reach every address, loopback and
	// the local network included (intranet use; never for links found in
	// untrusted feeds or pages).
	AllowPrivate bool
	// Allow lists the non-public networks that may be reached all the
	// same (an intranet news server: 10.1.0.0/16). See ParseAllow.
	Allow []netip.Prefix

	once sync.Once
	rt   http.RoundTripper
}

// Request is one fetch with its options. Fetch(ctx, u) is Do(ctx,
// Request{URL: u}).
type Request struct {
	URL string
	// ETag and LastModified are a previous Response's validators, sent as
	// If-None-Match and If-Modified-Since; when the server answers 304 Not
	// Modified, Do returns a Response with NotModified set and no error.
	ETag, LastModified string
	// To, when set, receives the body as it arrives instead of
	// Response.Body (at most MaxBytes; after an error it may hold a
	// partial body the caller must discard).
	To io.Writer
	// OnlyHTML refuses, before reading the body, a response whose
	// Content-Type is neither HTML nor XHTML (nor absent): ErrNotHTML.
	OnlyHTML bool
}

// Response is a fetched document.
type Response struct {
	URL          string // final URL, after redirects, without credentials
	ContentType  string // the Content-Type header as sent
	Body         []byte // nil when the body went to Request.To, or on 304
	Size         int64  // bytes of body read
	Status       int
	NotModified  bool   // the server answered 304 to a conditional request
	ETag         string // the validators to send next time ("" when none)
	LastModified string
	FetchedAt    time.Time
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
	return f.Do(ctx, Request{URL: rawURL})
}

// FetchHTML is Fetch for callers that want a web page: a response whose
// Content-Type is neither HTML nor XHTML (nor absent) is an error wrapping
// ErrNotHTML, and its body is not read.
func (f *Fetcher) FetchHTML(ctx context.Context, rawURL string) (Response, error) {
	return f.Do(ctx, Request{URL: rawURL, OnlyHTML: true})
}

// Do performs one fetch as r describes.
func (f *Fetcher) Do(ctx context.Context, r Request) (Response, error) {
	u, err := checkURL(r.URL)
	if err != nil {
		return Response{}, err
	}
	shown := u.String() // without credentials, for errors
	if err := f.checkHost(u.Hostname()); err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", shown, err)
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, shown, nil)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", shown, err)
	}
	req.Header.Set("User-Agent", f.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	conditional := setValidator(req.Header, "If-None-Match", r.ETag)
	conditional = setValidator(req.Header, "If-Modified-Since", r.LastModified) || conditional

	resp, err := f.client().Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", shown, classify(ctx, err))
	}
	defer resp.Body.Close()
	out := Response{
		URL:          withoutCredentials(resp.Request.URL),
		ContentType:  resp.Header.Get("Content-Type"),
		Status:       resp.StatusCode,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		FetchedAt:    time.Now().UTC(),
	}
	if resp.StatusCode == http.StatusNotModified && conditional {
		out.NotModified = true
		out.ETag, out.LastModified = first(out.ETag, r.ETag), first(out.LastModified, r.LastModified)
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The reason phrase is the server's own text: not repeated.
		return out, fmt.Errorf("fetch %s: %d %s: %w", shown, resp.StatusCode, http.StatusText(resp.StatusCode), ErrStatus)
	}
	if r.OnlyHTML && !IsHTML(out.ContentType) {
		return out, fmt.Errorf("fetch %s: content type %q: %w", shown, out.ContentType, ErrNotHTML)
	}
	err = f.readBody(resp, r.To, &out)
	if errors.Is(err, ErrTooLarge) {
		return out, fmt.Errorf("fetch %s: limit %d bytes: %w", shown, f.maxBytes(), err)
	}
	if err != nil {
		return out, fmt.Errorf("fetch %s: read body: %w", shown, classify(ctx, err))
	}
	return out, nil
}

// checkURL parses rawURL, refuses schemes other than http and https and
// URLs without a host, and drops any user:password part.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	u.User = nil
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %q: scheme %q: %w", u.Redacted(), u.Scheme, ErrScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %q: no host in URL", u.String())
	}
	return u, nil
}

// setValidator sets a conditional header when v is a usable header value.
func setValidator(h http.Header, key, v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || strings.ContainsAny(v, "\r\n\x00") {
		return false
	}
	h.Set(key, v)
	return true
}

func withoutCredentials(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
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

// client returns a client over the guarded transport with this fetcher's
// redirect policy: http(s) only, no https to http, a bounded number of
// hops, credentials dropped, IP literals checked before dialling.
func (f *Fetcher) client() *http.Client {
	c := http.Client{Transport: f.transport()}
	if f.Client != nil {
		c.Jar = f.Client.Jar
	}
	limit := f.MaxRedirects
	if limit == 0 {
		limit = DefaultMaxRedirects
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		req.URL.User = nil
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s: %w", req.URL, ErrScheme)
		}
		if len(via) > 0 && via[len(via)-1].URL.Scheme == "https" && req.URL.Scheme == "http" {
			return fmt.Errorf("redirect from %s to %s: %w", via[len(via)-1].URL, req.URL, ErrDowngrade)
		}
		if len(via) > limit || limit < 0 {
			return fmt.Errorf("%d redirects, last to %s: %w", len(via), req.URL, ErrTooManyHops)
		}
		if err := f.checkHost(req.URL.Hostname()); err != nil {
			return fmt.Errorf("redirect to %s: %w", req.URL, err)
		}
		return nil
	}
	return &c
}

// transport builds, once, the transport every fetch uses: a clone of the
// configured one whose dialer refuses non-public addresses.
func (f *Fetcher) transport() http.RoundTripper {
	f.once.Do(func() {
		var base http.RoundTripper = http.DefaultTransport
		if f.Client != nil && f.Client.Transport != nil {
			base = f.Client.Transport
		}
		t, ok := base.(*http.Transport)
		if !ok {
			f.rt = base
			return
		}
		t = t.Clone()
		t.Proxy = nil
		t.DialContext = f.dialer().DialContext
		t.DialTLSContext = nil
		//lint:ignore SA1019 cleared so that TLS dials too go through the guarded DialContext
		t.DialTLS = nil
		//lint:ignore SA1019 cleared so that every dial goes through the guarded DialContext
		t.Dial = nil
		f.rt = t
	})
	return f.rt
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
	if errors.Is(err, ErrScheme) || errors.Is(err, ErrTooManyHops) || errors.Is(err, ErrBlocked) || errors.Is(err, ErrDowngrade) {
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
