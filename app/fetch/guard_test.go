package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestBlocked(t *testing.T) {
	tests := []struct {
		addr    string
		blocked bool
	}{
		{"8.8.8.8", false},
		{"1.1.1.1", false},
		{"172.32.0.1", false},
		{"100.128.0.1", false},
		{"2606:4700:4700::1111", false},
		{"2a00:1450:4009:81b::200e", false},
		{"127.0.0.1", true},
		{"127.255.255.254", true},
		{"10.0.0.1", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true}, // AWS, GCP, Azure, OpenStack metadata
		{"100.100.100.200", true}, // Alibaba metadata (CGNAT range)
		{"168.63.129.16", true},   // Azure wire server
		{"100.64.0.1", true},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"224.0.0.1", true},
		{"239.255.255.250", true},
		{"255.255.255.255", true},
		{"::", true},
		{"::1", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd00:ec2::254", true}, // AWS IPv6 metadata
		{"ff02::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::127.0.0.1", true},
		{"64:ff9b::7f00:1", true},
		{"64:ff9b::a9fe:a9fe", true},
		{"2002:7f00:1::1", true},
		{"2002:0808:0808::1", false},
		{"64:ff9b::808:808", false},
		{"::ffff:8.8.8.8", false},
	}
	for _, tt := range tests {
		a := netip.MustParseAddr(tt.addr)
		if why := Blocked(a); (why != "") != tt.blocked {
			t.Errorf("Blocked(%s) = %q, want blocked %v", tt.addr, why, tt.blocked)
		}
	}
}

// TestControlAfterResolution checks the dialer hook: it sees the resolved
// address, so whatever name led there, a local address is refused.
func TestControlAfterResolution(t *testing.T) {
	tests := []struct {
		name    string
		f       *Fetcher
		address string
		want    error
	}{
		{"public", New(), "93.184.215.14:80", nil},
		{"loopback", New(), "127.0.0.1:80", ErrBlocked},
		{"loopback v6", New(), "[::1]:443", ErrBlocked},
		{"mapped", New(), "[::ffff:192.168.0.1]:80", ErrBlocked},
		{"zoned link-local", New(), "[fe80::1%lo]:80", ErrBlocked},
		{"metadata", New(), "169.254.169.254:80", ErrBlocked},
		{"garbage", New(), "nonsense", ErrBlocked},
		{"allowed net", &Fetcher{Allow: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")}}, "10.1.2.3:80", nil},
		{"outside allowed net", &Fetcher{Allow: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")}}, "10.2.0.1:80", ErrBlocked},
		{"allow private", &Fetcher{AllowPrivate: true}, "127.0.0.1:80", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.f.control("tcp4", tt.address, nil); !errors.Is(err, tt.want) {
				t.Errorf("control(%s) = %v, want %v", tt.address, err, tt.want)
			}
		})
	}
}

// countingServer counts the requests that reach it.
func countingServer(t *testing.T, body string) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, body)
	})
	return s, &hits
}

// TestFetchRefusesLocalByDefault is finding 1: links to the loopback
// interface, by address or by name, are not fetched without the opt-in.
func TestFetchRefusesLocalByDefault(t *testing.T) {
	s, hits := countingServer(t, "<p>secret</p>")
	port := s.Listener.Addr().(*net.TCPAddr).Port
	for _, u := range []string{
		s.URL + "/secret",
		fmt.Sprintf("http://localhost:%d/secret", port),
		fmt.Sprintf("http://[::1]:%d/secret", port),
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/secret", port),
		fmt.Sprintf("http://0.0.0.0:%d/secret", port),
		"http://169.254.169.254/latest/meta-data/",
	} {
		_, err := New().Fetch(context.Background(), u)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: err = %v, want ErrBlocked", u, err)
		} else if !strings.Contains(err.Error(), "AllowPrivate") {
			t.Errorf("%s: error does not say how to opt in: %v", u, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the local server was reached %d times", n)
	}
	for name, f := range map[string]*Fetcher{"Allow": local(), "AllowPrivate": {AllowPrivate: true}} {
		r, err := f.Fetch(context.Background(), s.URL+"/secret")
		if err != nil || string(r.Body) != "<p>secret</p>" {
			t.Errorf("with %s: %q, %v", name, r.Body, err)
		}
	}
}

// TestFetchRefusesRedirectToLocal: an allowed server (on 127.0.0.2)
// redirecting to a local address outside the opt-in (127.0.0.1) is not
// followed, whether the redirect names the address or a host name that
// resolves to it (checked at dial time, after resolution).
func TestFetchRefusesRedirectToLocal(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	secret, hits := countingServer(t, "secret")
	port := secret.Listener.Addr().(*net.TCPAddr).Port
	front := &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/by-address":
			http.Redirect(w, r, secret.URL+"/secret", http.StatusFound)
		case "/by-name":
			http.Redirect(w, r, fmt.Sprintf("http://localhost:%d/secret", port), http.StatusFound)
		default:
			fmt.Fprint(w, "front")
		}
	})}}
	front.Start()
	t.Cleanup(front.Close)
	f := &Fetcher{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	if r, err := f.Fetch(context.Background(), front.URL); err != nil || string(r.Body) != "front" {
		t.Fatalf("allowed server: %q, %v", r.Body, err)
	}
	for _, path := range []string{"/by-address", "/by-name"} {
		if _, err := f.Fetch(context.Background(), front.URL+path); !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: err = %v, want ErrBlocked", path, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("redirects reached the secret server %d times", n)
	}
}

func TestFetchRefusesHTTPSDowngrade(t *testing.T) {
	plain, plainHits := countingServer(t, "<p>plain</p>")
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/up" {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		if r.URL.Path == "/page" {
			fmt.Fprint(w, "<p>tls</p>")
			return
		}
		http.Redirect(w, r, plain.URL+"/page", http.StatusFound)
	}))
	t.Cleanup(tlsSrv.Close)
	f := local()
	f.Client = tlsSrv.Client()
	if _, err := f.Fetch(context.Background(), tlsSrv.URL+"/down"); !errors.Is(err, ErrDowngrade) {
		t.Fatalf("https->http: err = %v, want ErrDowngrade", err)
	}
	if plainHits.Load() != 0 {
		t.Fatal("downgraded request sent")
	}
	if r, err := f.Fetch(context.Background(), tlsSrv.URL+"/up"); err != nil || string(r.Body) != "<p>tls</p>" {
		t.Fatalf("https->https: %q, %v", r.Body, err)
	}
}

// TestFetchDropsCredentials: user:password in a link or a redirect is
// neither sent nor kept in the response URL.
func TestFetchDropsCredentials(t *testing.T) {
	var auth atomic.Value
	auth.Store("")
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		auth.Store(auth.Load().(string) + r.Header.Get("Authorization"))
		fmt.Fprint(w, "<p>page</p>")
	})
	var srvURL string
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		auth.Store(auth.Load().(string) + r.Header.Get("Authorization"))
		http.Redirect(w, r, strings.Replace(srvURL, "http://", "http://eve:pw@", 1)+"/page", http.StatusFound)
	})
	s := newServer(t, mux.ServeHTTP)
	srvURL = s.URL
	for _, path := range []string{"/page", "/hop"} {
		u := strings.Replace(s.URL, "http://", "http://alice:secret@", 1) + path
		r, err := local().Fetch(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.URL, "@") || r.URL != s.URL+"/page" {
			t.Errorf("%s: response URL %q", path, r.URL)
		}
	}
	if a := auth.Load().(string); a != "" {
		t.Errorf("credentials sent: %q", a)
	}
	if _, err := New().Fetch(context.Background(), "ftp://bob:pw@example.org/"); err == nil || strings.Contains(err.Error(), "pw") {
		t.Errorf("error shows the password: %v", err)
	}
}

func TestParseAllow(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  bool
	}{
		{"", "[]", false},
		{"10.1.0.0/16", "[10.1.0.0/16]", false},
		{"10.1.2.3/16, 192.168.1.5", "[10.1.0.0/16 192.168.1.5/32]", false},
		{"fd00::/8 ::1", "[fd00::/8 ::1/128]", false},
		{"::ffff:10.0.0.1", "[10.0.0.1/32]", false},
		{"intranet", "", true},
		{"10.0.0.0/33", "", true},
	}
	for _, tt := range tests {
		got, err := ParseAllow(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseAllow(%q) err = %v", tt.in, err)
			continue
		}
		if !tt.err && fmt.Sprint(got) != tt.want {
			t.Errorf("ParseAllow(%q) = %v, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzParseAllow(f *testing.F) {
	for _, s := range []string{"10.0.0.0/8", "1.2.3.4, ::1", "fe80::1%eth0", "::ffff:1.2.3.4/120", ",,, ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseAllow(s)
		if err != nil {
			return
		}
		for _, p := range ps {
			if !p.IsValid() || p != p.Masked() {
				t.Fatalf("ParseAllow(%q) gave %v", s, p)
			}
		}
	})
}

func BenchmarkBlocked(b *testing.B) {
	addrs := []netip.Addr{netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("2606:4700::1111"),
		netip.MustParseAddr("::ffff:10.0.0.1"), netip.MustParseAddr("2002:7f00:1::1")}
	for b.Loop() {
		for _, a := range addrs {
			Blocked(a)
		}
	}
}

// TestErrorsCarryNoServerText: an error status's reason phrase, written by
// the server, does not reach the error printed to a terminal.
func TestErrorsCarryNoServerText(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		buf := make([]byte, 4096)
		c.Read(buf)
		fmt.Fprint(c, "HTTP/1.1 503 \x1b]0;pwned\x07Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	}()
	t.Cleanup(func() { l.Close() })
	_, err = local().Fetch(context.Background(), "http://"+l.Addr().String()+"/")
	if !errors.Is(err, ErrStatus) || strings.ContainsAny(err.Error(), "\x1b\x07") || !strings.Contains(err.Error(), "503 Service Unavailable") {
		t.Fatalf("err = %q", err)
	}
}
