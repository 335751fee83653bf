package lookup

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// newsNames are entity names from a news page about US-China trade talks.
var newsNames = []string{
	"Ma Zhaoxu", "Christopher Landau", "Dan Wang", "David Perdue", "He Lifeng", "Jamie Dimon",
	"Eurasia Group", "JPMorgan Chase", "Huawei", "Ministry of Commerce", "China", "Geneva",
	"Washington", "Beijing",
}

// gmbNames holds the names tagged in the GMB extract and the words they are
// made of.
type gmbNames struct {
	persons, orgs, geos []string // whole names, distinct
	first, last         []string // first and last words of multi-word person names
	orgWords            []string // words of organisation names
	sentences           []string // plain sentences, for title-like texts
}

// harvestGMB reads gmb-train.csv (Latin-1; Sentence #, Word, POS, Tag) and
// assembles B-/I- tagged tokens into person, organisation and place names.
func harvestGMB(path string) (*gmbNames, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("harvest %s: %w", path, err)
	}
	utf := make([]rune, len(raw)) // Latin-1: each byte is one rune
	for i, b := range raw {
		utf[i] = rune(b)
	}
	r := csv.NewReader(strings.NewReader(string(utf)))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	if _, err := r.Read(); err != nil { // header
		return nil, fmt.Errorf("harvest %s: header: %w", path, err)
	}
	sets := map[string]map[string]bool{"per": {}, "org": {}, "geo": {}}
	var g gmbNames
	firsts, lasts, orgw := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var span []string
	var spanType string
	var sentence []string
	flush := func() {
		if len(span) > 0 && sets[spanType] != nil {
			name := strings.Join(span, " ")
			sets[spanType][name] = true
			switch spanType {
			case "per":
				if len(span) > 1 && isNameWord(span[0]) && isNameWord(span[len(span)-1]) {
					firsts[span[0]] = true
					lasts[span[len(span)-1]] = true
				}
			case "org":
				for _, w := range span {
					if isNameWord(w) {
						orgw[w] = true
					}
				}
			}
		}
		span, spanType = nil, ""
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("harvest %s: %w", path, err)
		}
		if len(rec) < 4 {
			continue
		}
		if rec[0] != "" { // a new sentence
			flush()
			if len(sentence) > 5 {
				g.sentences = append(g.sentences, strings.Join(sentence, " "))
			}
			sentence = sentence[:0]
		}
		word, tag := rec[1], rec[3]
		sentence = append(sentence, word)
		switch {
		case strings.HasPrefix(tag, "B-"):
			flush()
			span, spanType = []string{word}, tag[2:]
		case strings.HasPrefix(tag, "I-") && tag[2:] == spanType:
			span = append(span, word)
		default:
			flush()
		}
	}
	flush()
	g.persons, g.orgs, g.geos = sortedKeys(sets["per"]), sortedKeys(sets["org"]), sortedKeys(sets["geo"])
	g.first, g.last, g.orgWords = sortedKeys(firsts), sortedKeys(lasts), sortedKeys(orgw)
	return &g, nil
}

// isNameWord reports whether w looks like a capitalised name word.
func isNameWord(w string) bool {
	rs := []rune(w)
	return len(rs) >= 2 && unicode.IsUpper(rs[0]) && !strings.ContainsAny(w, ".,;:()\"'&/0123456789")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// gmbPath returns the shared GMB extract or skips.
func gmbPath(tb testing.TB) string {
	return corpus.Path(tb, "ner", "gmb-train.csv")
}

// loadTSV reads testdata in the form kind<TAB>id<TAB>weight<TAB>text.
func loadTSV(tb testing.TB, path string) []Item {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var items []Item
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fs := strings.SplitN(sc.Text(), "\t", 4)
		if len(fs) != 4 {
			tb.Fatalf("%s:%d: want 4 tab-separated fields, got %d", path, line, len(fs))
		}
		id, err1 := strconv.ParseInt(fs[1], 10, 64)
		w, err2 := strconv.Atoi(fs[2])
		if err := errors.Join(err1, err2); err != nil {
			tb.Fatalf("%s:%d: %v", path, line, err)
		}
		items = append(items, Item{Kind: Kind(fs[0]), ID: id, Weight: w, Text: fs[3]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return items
}
