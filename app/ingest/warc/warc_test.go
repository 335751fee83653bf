package warc

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type want struct {
	uri, date, title, body, revisitOf string
}

func TestFiles(t *testing.T) {
	const wgetDate = "2026-12-05T23:11:06Z"
	wgetWant := []want{
		{uri: "http://127.0.0.1:18765/index.html", date: wgetDate, title: "Harbour council approves new ferry terminal", body: "voted seven to two"},
		{uri: "http://127.0.0.1:18765/", date: wgetDate, title: "Harbour council approves new ferry terminal", body: "dredging plan"},
		{uri: "http://127.0.0.1:18765/story2.html", date: wgetDate, title: "Library reopens after flood repairs", body: "date back to 1871"},
	}
	wgetSkips := map[string]int{"not HTML: image/png": 1, "not HTML: text/plain": 2, "record type: metadata": 1,
		"record type: request": 6, "record type: warcinfo": 1, "status 404": 2}
	bridge := "https://gazette.example/2025/05/bridge-closure"
	tests := []struct {
		file  string
		want  []want
		skips map[string]int
	}{
		{"wget.warc.gz", wgetWant, wgetSkips},
		{"sample.wacz", wgetWant, wgetSkips},
		{"warcio.warc.gz", []want{
			{uri: bridge, date: "2025-05-12T08:00:00Z", title: "Old bridge closed for inspection", body: "tourist season"},
			{uri: bridge, date: "2025-05-13T08:00:00Z", title: "Old bridge closed for inspection", body: "reopen to pedestrians"},
			{uri: bridge, date: "2025-05-19T08:00:00Z", title: "Old bridge closed for inspection", body: "tourist season",
				revisitOf: "<urn:uuid:17424727-a315-4007-be81-3fbf7acf950e>"},
			{uri: "https://gazette.example/2025/05/night-trains", date: "2025-05-12T08:00:07Z",
				title: "Night trains return to the valley line", body: "sleeper service"},
		}, map[string]int{"not HTML: image/gif": 1, "record type: warcinfo": 1, "status 404": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, stats, errs := readAll(t, filepath.Join("testdata", tt.file))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			checkCaptures(t, got, tt.want)
			if !equalCounts(stats.Skipped, tt.skips) {
				t.Errorf("skipped = %v, want %v", stats.Skipped, tt.skips)
			}
			for _, c := range got {
				if c.RecordID == "" || !strings.HasPrefix(c.PayloadDigest, "sha") || c.Archive == "" {
					t.Errorf("missing provenance: %+v", c)
				}
			}
		})
	}
}

func TestSnapshotsShareURLKey(t *testing.T) {
	got, _, _ := readAll(t, "testdata/warcio.warc.gz")
	if got[0].URLKey != got[1].URLKey || got[1].URLKey != got[2].URLKey || got[0].URLKey == got[3].URLKey {
		t.Errorf("URL keys: %q %q %q %q", got[0].URLKey, got[1].URLKey, got[2].URLKey, got[3].URLKey)
	}
	if got[0].PayloadDigest != got[2].PayloadDigest || got[0].PayloadDigest == got[1].PayloadDigest {
		t.Errorf("digests: %q %q %q", got[0].PayloadDigest, got[1].PayloadDigest, got[2].PayloadDigest)
	}
}

func TestURLKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"HTTP://Example.COM", "http://example.com/"},
		{"https://example.com:443/a?b=1#frag", "https://example.com/a?b=1"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"not a url", "not a url"},
	} {
		if got := URLKey(tt.in); got != tt.want {
			t.Errorf("URLKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMalformed cuts and corrupts real files: records before the damage
// are kept, a damaged record is reported, later records are still read
// where the framing allows.
func TestMalformed(t *testing.T) {
	gz := mustRead(t, "testdata/warcio.warc.gz")
	plain := gunzip(t, mustRead(t, "testdata/wget.warc.gz"))
	second := bytes.Index(gz[10:], []byte{0x1f, 0x8b, 0x08}) + 10 // start of the 2nd gzip member
	third := bytes.Index(gz[second+10:], []byte{0x1f, 0x8b, 0x08}) + second + 10
	resp := bytes.Index(plain, []byte("WARC-Type: response"))
	corruptGz := append([]byte{}, gz...)
	for i := second + 30; i < second+60; i++ { // garble the deflate data of the first capture
		corruptGz[i] ^= 0x55
	}
	badHeader := append([]byte{}, plain...)
	copy(badHeader[resp:], "WARC-Type response!")
	tests := []struct {
		name      string
		data      []byte
		captures  int  // captures still returned
		recordErr bool // a *RecordError was reported
		final     error
	}{
		{"truncated gzip", gz[:third+40], 1, false, ErrTruncated},
		{"truncated mid block", plain[:len(plain)/2], 1, false, ErrTruncated},
		{"corrupt gzip member", corruptGz, 2, true, nil},
		{"bad header line", badHeader, 2, true, nil},
		{"not a WARC", []byte("<html>hello</html>\n"), 0, false, ErrNotWARC},
		{"junk after records", append(append([]byte{}, gz...), "junk"...), 4, false, ErrTruncated},
		{"empty", nil, 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(bytes.NewReader(tt.data), tt.name, Options{})
			var n int
			var recErr bool
			var final error
			for c, err := range r.All() {
				var re *RecordError
				switch {
				case errors.As(err, &re):
					recErr = true
				case err != nil:
					final = err
				default:
					n++
					if c.Article.Body == "" {
						t.Errorf("empty capture %+v", c)
					}
				}
			}
			if n != tt.captures || recErr != tt.recordErr {
				t.Errorf("captures=%d recordErr=%v, want %d %v (final %v)", n, recErr, tt.captures, tt.recordErr, final)
			}
			if (tt.final == nil) != (final == nil) || (tt.final != nil && !errors.Is(final, tt.final)) {
				t.Errorf("final error %v, want %v", final, tt.final)
			}
			if final != nil && !strings.Contains(final.Error(), tt.name) {
				t.Errorf("error %q does not name the archive", final)
			}
		})
	}
}

func TestPayloadCap(t *testing.T) {
	r := NewReader(bytes.NewReader(mustRead(t, "testdata/warcio.warc.gz")), "x", Options{MaxPayload: 100})
	for _, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		t.Error("a capture over the cap was returned")
	}
	if got := r.Stats().Skipped["payload too large"]; got != 3 {
		t.Errorf("too large = %d, want 3: %v", got, r.Stats().Skipped)
	}
}

func TestWACZWithoutWARC(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.wacz")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("datapackage.json")
	io.WriteString(w, `{"profile":"data-package","resources":[]}`)
	zw.Close()
	f.Close()
	if _, err := Open(p, Options{}); !errors.Is(err, ErrNoWARC) {
		t.Errorf("err = %v, want ErrNoWARC", err)
	}
}

func readAll(t *testing.T, name string) ([]Capture, Stats, []error) {
	t.Helper()
	f, err := Open(name, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []Capture
	var errs []error
	for c, err := range f.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, c)
	}
	return got, f.Stats(), errs
}

func checkCaptures(t *testing.T, got []Capture, want []want) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d captures, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		c := got[i]
		if c.TargetURI != w.uri || c.Date.Format(time.RFC3339) != w.date || c.Article.Title != w.title ||
			!strings.Contains(c.Article.Body, w.body) || c.RevisitOf != w.revisitOf {
			t.Errorf("capture %d = %q %s %q rev %q body %.80q; want %+v", i, c.TargetURI, c.Date.Format(time.RFC3339),
				c.Article.Title, c.RevisitOf, c.Article.Body, w)
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWACZRevisitAcrossWARCs: a revisit in the second WARC of a WACZ
// resolves against a capture in the first.
func TestWACZRevisitAcrossWARCs(t *testing.T) {
	gz := mustRead(t, "testdata/warcio.warc.gz")
	const cut = 925 // offset of the second capture's gzip member (see TestFiles)
	if gz[cut] != 0x1f || gz[cut+1] != 0x8b {
		t.Fatalf("no gzip member at %d", cut)
	}
	p := filepath.Join(t.TempDir(), "two.wacz")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, part := range map[string][]byte{"archive/a.warc.gz": gz[:cut], "archive/b.warc.gz": gz[cut:]} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(part)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, stats, errs := readAll(t, p)
	if len(errs) > 0 || len(got) != 4 {
		t.Fatalf("%d captures, errors %v, stats %+v", len(got), errs, stats)
	}
	if got[2].RevisitOf == "" || got[2].Archive != "two.wacz#archive/b.warc.gz" || got[0].Archive != "two.wacz#archive/a.warc.gz" {
		t.Errorf("revisit capture %+v", got[2])
	}
}
