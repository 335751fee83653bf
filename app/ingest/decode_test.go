package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want, encoding string
		err                      error
	}{
		{"utf-8", "Café au lait", "Café au lait", "utf-8", nil},
		{"latin-1", "Caf\xe9 \xa315", "Café £15", "windows-1252", nil},
		{"cp1252 quotes", "\x93quoted\x94 \x80", "“quoted” €", "windows-1252", nil},
		{"utf-8 with a stray latin-1 byte", "Zoë’s café costs \xa35", "Zoë’s café costs £5", "utf-8+windows-1252", nil},
		{"latin-1 that looks like utf-8 once", "\xc3\xa9t\xe9 \xe0 Gen\xe8ve", "Ã©té à Genève", "windows-1252", nil},
		{"utf-8 bom", "\xef\xbb\xbfHello", "Hello", "utf-8-bom", nil},
		{"utf-16le bom", "\xff\xfeH\x00i\x00", "Hi", "utf-16le", nil},
		{"utf-16be without bom", "\x00H\x00e\x00l\x00l\x00o", "Hello", "utf-16be", nil},
		{"empty", "", "", "", ErrEmpty},
		{"blank", " \r\n\t", "", "", ErrEmpty},
		{"nul", "text\x00more text", "", "", ErrNotText},
		{"controls", strings.Repeat("\x01\x02ab", 50), "", "", ErrNotText},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", "", "", ErrNotText},
		{"bad utf-8 after bom", "\xef\xbb\xbf\xff", "", "", ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode([]byte(tt.in))
			if !errors.Is(err, tt.err) || text != tt.want || enc != tt.encoding {
				t.Errorf("Decode(%q) = %q, %q, %v; want %q, %q, %v", tt.in, text, enc, err, tt.want, tt.encoding, tt.err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"Café", "Caf\xe9", "Zoë \xa3", "\xef\xbb\xbfHi", "\xff\xfeH\x00", "\x00H\x00i", "PK\x03\x04", "a\x00b", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc, err := Decode(raw)
		if err != nil {
			if !errors.Is(err, ErrNotText) && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Decode(%q): unexpected error %v", raw, err)
			}
			if text != "" || enc != "" {
				t.Fatalf("Decode(%q): text %q or encoding %q with error %v", raw, text, enc, err)
			}
			return
		}
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" || enc == "" {
			t.Fatalf("Decode(%q) = %q, %q", raw, text, enc)
		}
		if enc == "utf-8" && text != string(raw) {
			t.Fatalf("valid UTF-8 %q changed to %q", raw, text)
		}
		if utf8.Valid(raw) && strings.HasPrefix(enc, "windows-1252") {
			t.Fatalf("valid UTF-8 %q decoded as %s", raw, enc)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	raw := []byte(strings.Repeat("Zoë’s café costs \xa35 in Gen\xe8ve.\n", 2000))
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}
