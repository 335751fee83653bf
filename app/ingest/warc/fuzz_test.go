package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader: it must end (no endless
// resync), never panic, and every capture must carry its provenance.
func FuzzReader(f *testing.F) {
	gz := mustRead(f, "testdata/warcio.warc.gz")
	f.Add(gz)
	f.Add(gunzip(f, gz))
	f.Add(gunzip(f, mustRead(f, "testdata/wget.warc.gz"))[:4000])
	f.Add([]byte("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "fuzz", Options{MaxPayload: 1 << 16})
		for i := 0; ; i++ {
			c, err := r.Next()
			if err == io.EOF {
				break
			}
			var re *RecordError
			if err != nil && !errors.As(err, &re) {
				if _, err := r.Next(); err != io.EOF {
					t.Fatalf("Next after a final error = %v, want io.EOF", err)
				}
				break
			}
			if err == nil && (c.TargetURI == "" || c.Date.IsZero()) {
				t.Fatalf("capture without provenance: %+v", c)
			}
			if i > len(data)+10 {
				t.Fatalf("more results than input bytes")
			}
		}
	})
}

// BenchmarkReader reads the wget WARC; b.SetBytes gives the throughput of
// the compressed file.
func BenchmarkReader(b *testing.B) {
	data := mustRead(b, "testdata/wget.warc.gz")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data), "bench", Options{})
		for _, err := range r.All() {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSkip measures the cost of records that are skipped (a big
// non-HTML payload): they are streamed past, never held.
func BenchmarkSkip(b *testing.B) {
	payload := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	var rec bytes.Buffer
	rec.WriteString("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/a.bin\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n")
	rec.WriteString("Content-Type: application/http; msgtype=response\r\n")
	http := "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"
	rec.WriteString("Content-Length: " + itoa(len(http)+len(payload)) + "\r\n\r\n" + http)
	rec.Write(payload)
	rec.WriteString("\r\n\r\n")
	data := bytes.Repeat(rec.Bytes(), 8)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data), "bench", Options{})
		for _, err := range r.All() {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func itoa(n int) string { // strconv-free helper for the benchmark
	var b []byte
	for ; n > 0 || len(b) == 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
