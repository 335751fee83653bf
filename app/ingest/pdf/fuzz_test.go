package pdf

import (
	"bytes"
	"testing"
)

// FuzzParse: any bytes parse or fail with an error, never a panic or a
// hang.
func FuzzParse(f *testing.F) {
	f.Add(mustRead(f, "testdata/library-1col.pdf"))
	f.Add(mustRead(f, "testdata/ferry-2col.pdf")[:4000])
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(bytes.NewReader(data), int64(len(data)))
		if err == nil && a.Body == "" {
			t.Fatal("no error and no body")
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := mustRead(b, "testdata/ferry-2col.pdf")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
