package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// MaxSize is the largest document an importer accepts, in bytes.
const MaxSize = 20 << 20

// ErrNotText reports bytes that are not a text document (binary data).
var ErrNotText = errors.New("not a text file")

// ErrEmpty reports a document with no text in it.
var ErrEmpty = errors.New("empty file: no text to import")

// ErrTooLarge reports a document over MaxSize.
var ErrTooLarge = fmt.Errorf("file too large: the limit is %d MB", MaxSize>>20)

// Decode turns raw bytes into UTF-8 text. It honours UTF-8 and UTF-16 byte
// order marks, recognises BOM-less UTF-16, accepts valid UTF-8 and falls back
// to Windows-1252 (a superset of Latin-1 for printable text) otherwise. It
// returns the name of the encoding it used. Binary data is refused.
func Decode(raw []byte) (text, encoding string, err error) {
	if len(raw) > MaxSize {
		return "", "", ErrTooLarge
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw, encoding = raw[3:], "utf-8-bom"
		if !utf8.Valid(raw) {
			return "", "", fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte order mark", ErrNotText)
		}
		text = string(raw)
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		text, encoding = decodeUTF16(raw[2:], false), "utf-16le"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, encoding = decodeUTF16(raw[2:], true), "utf-16be"
	default:
		if be, ok := looksUTF16(raw); ok {
			text, encoding = decodeUTF16(raw, be), map[bool]string{true: "utf-16be", false: "utf-16le"}[be]
			break
		}
		if kind := binaryKind(raw); kind != "" {
			return "", "", fmt.Errorf("%w (looks like %s)", ErrNotText, kind)
		}
		if utf8.Valid(raw) {
			text, encoding = string(raw), "utf-8"
		} else {
			text, encoding = decodeMixed(raw)
		}
	}
	if kind := controlHeavy(text); kind != "" {
		return "", "", fmt.Errorf("%w (%s)", ErrNotText, kind)
	}
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmpty
	}
	return text, encoding, nil
}

// decodeMixed decodes bytes that are not valid UTF-8. Text that is mostly
// UTF-8 with some stray Latin-1 bytes (pasted together from two sources)
// keeps its UTF-8 characters and reads the stray bytes as Windows-1252;
// text with more invalid bytes than UTF-8 sequences is Windows-1252
// throughout, so a Latin-1 "Ã©" stays two characters.
func decodeMixed(raw []byte) (text, encoding string) {
	var multi, invalid int
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			multi++
		}
		i += max(n, 1)
	}
	mixed := multi >= invalid
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/4)
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if !mixed || r == utf8.RuneError && n <= 1 {
			r, n = windows1252(raw[i]), 1
		}
		b.WriteRune(r)
		i += n
	}
	if mixed {
		return b.String(), "utf-8+windows-1252"
	}
	return b.String(), "windows-1252"
}

// windows1252 returns the character a Windows-1252 byte stands for; the five
// bytes the code page leaves undefined keep their C1 control code points.
func windows1252(c byte) rune {
	if c < 0x80 {
		return rune(c)
	}
	return charmap.Windows1252.DecodeByte(c)
}

func decodeUTF16(b []byte, bigEndian bool) string {
	n := len(b) / 2
	u := make([]uint16, n)
	for i := 0; i < n; i++ {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// looksUTF16 recognises BOM-less UTF-16 text: mostly ASCII characters with a
// zero byte on the same side of every pair.
func looksUTF16(raw []byte) (bigEndian, ok bool) {
	n := min(len(raw), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			evenZero++
		}
		if raw[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case evenZero*10 >= pairs*7 && oddZero*20 < pairs:
		return true, true
	case oddZero*10 >= pairs*7 && evenZero*20 < pairs:
		return false, true
	}
	return false, false
}

// binaryKind names the kind of binary data in raw, or returns "" for text.
func binaryKind(raw []byte) string {
	if bytes.IndexByte(raw, 0) < 0 {
		return "" // text has no NUL bytes; control-heavy text is caught after decoding
	}
	ct := http.DetectContentType(raw[:min(len(raw), 8192)])
	if strings.HasPrefix(ct, "text/") || ct == "application/octet-stream" {
		return "binary data: it contains NUL bytes"
	}
	return ct
}

// controlHeavy refuses text in which control characters (other than
// whitespace) are frequent, as in binary data decoded by mistake.
func controlHeavy(text string) string {
	var ctl, total int
	for i, r := range text {
		if i > 1<<16 {
			break
		}
		total++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == 0x7F || r == utf8.RuneError && i < len(text) {
			ctl++
		}
	}
	if total > 0 && ctl*50 > total {
		return "binary data: too many control characters"
	}
	return ""
}
