package feed

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// xmlDeclRE finds the XML declaration and its encoding.
var xmlDeclRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["'][^>]*\?>`)

// sniffLimit is how much of the document sniff looks at.
const sniffLimit = 4096

// sniff refuses documents that are not feeds before any XML parsing:
// HTML pages and documents declaring DTD entities.
func sniff(raw []byte) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return fmt.Errorf("%w: empty document", ErrNotFeed)
	}
	if bytes.Contains(raw, []byte("<!ENTITY")) {
		return ErrEntities
	}
	head := raw
	if len(head) > sniffLimit {
		head = head[:sniffLimit]
	}
	root := strings.ToLower(rootElement(head))
	switch root {
	case "html", "head", "body", "!doctype html":
		return fmt.Errorf("%w: looks like an HTML page", ErrNotFeed)
	}
	return nil
}

// rootElement returns the name of the first element (or "!doctype html"),
// skipping the XML declaration, comments and processing instructions.
func rootElement(b []byte) string {
	s := string(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return ""
		}
		s = s[i+1:]
		switch {
		case strings.HasPrefix(s, "?"):
			continue
		case strings.HasPrefix(s, "!--"):
			end := strings.Index(s, "-->")
			if end < 0 {
				return ""
			}
			s = s[end+3:]
			continue
		case strings.HasPrefix(strings.ToLower(s), "!doctype"):
			if strings.Contains(strings.ToLower(s[:min(len(s), 20)]), "html") {
				return "!doctype html"
			}
			continue
		}
		end := strings.IndexAny(s, " \t\r\n/>")
		if end < 0 {
			return s
		}
		return s[:end]
	}
}

// toUTF8 converts the document to UTF-8 and rewrites its declared encoding
// to match: the declared encoding when there is one, else UTF-8 when the
// bytes are valid UTF-8, else Windows-1252 (Latin-1's superset), which is
// what unlabelled non-UTF-8 feeds nearly always are.
func toUTF8(raw []byte) ([]byte, error) {
	raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	m := xmlDeclRE.FindSubmatchIndex(raw)
	if m != nil {
		label := string(raw[m[2]:m[3]])
		enc, name := charset.Lookup(label)
		if enc == nil {
			return nil, fmt.Errorf("unknown feed encoding %q", label)
		}
		if name == "utf-8" && utf8.Valid(raw) {
			return raw, nil
		}
		if name == "utf-8" {
			enc = charmap.Windows1252 // declared UTF-8 but is not: sniff
		}
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, fmt.Errorf("decode feed as %s: %w", name, err)
		}
		// The declaration now lies: make it say UTF-8.
		decl := xmlDeclRE.FindSubmatchIndex(out)
		if decl != nil {
			out = append(append(append([]byte{}, out[:decl[2]]...), "UTF-8"...), out[decl[3]:]...)
		}
		return out, nil
	}
	if utf8.Valid(raw) {
		return raw, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("decode feed as windows-1252: %w", err)
	}
	return out, nil
}
