package htmlpage

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaCharsetScan is how far into the page a <meta charset> is looked for
// when the standard 1024-byte prescan found none (some pages put long
// scripts or comments before it).
const metaCharsetScan = 64 << 10

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)`)

// ToUTF8 decodes raw page bytes to UTF-8. The encoding is chosen, in order,
// from a byte-order mark, the charset parameter of contentType (the HTTP
// header), a <meta charset> or http-equiv declaration in the page, and
// finally by sniffing: valid UTF-8 stays UTF-8, anything else is read as
// Windows-1252 (the HTML standard's default for unlabelled Western pages).
// It returns the text and the name of the encoding used.
func ToUTF8(raw []byte, contentType string) (string, string, error) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain {
		enc, name = sniffEncoding(raw)
	}
	if name == "utf-8" {
		return string(bytes.ToValidUTF8(trimUTF8BOM(raw), []byte("\uFFFD"))), name, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", name, fmt.Errorf("decode page as %s: %w", name, err)
	}
	return string(out), name, nil
}

// sniffEncoding picks an encoding when neither a BOM, the header nor the
// 1024-byte prescan declared one.
func sniffEncoding(raw []byte) (encoding.Encoding, string) {
	head := raw
	if len(head) > metaCharsetScan {
		head = head[:metaCharsetScan]
	}
	if m := metaCharsetRE.FindSubmatch(head); m != nil {
		if enc, name := charset.Lookup(string(m[1])); enc != nil {
			// A page served as bytes that are valid UTF-8 but labelled
			// otherwise is almost always mislabelled ASCII-compatible UTF-8.
			if name != "utf-8" && utf8.Valid(raw) && hasNonASCII(raw) && name != "utf-16le" && name != "utf-16be" {
				return unicode.UTF8, "utf-8"
			}
			return enc, name
		}
	}
	if utf8.Valid(raw) {
		return unicode.UTF8, "utf-8"
	}
	return charmap.Windows1252, "windows-1252"
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func trimUTF8BOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
}
