package lookup

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// generateNames builds n realistic items for benchmarks out of the real words
// harvested from GMB: people ("First Last", "First M. Last"), organisations
// (GMB organisation names with a word swapped, or place + organisation
// words), places, sources and title-like sentence starts. The news page's
// names come first. The list is deterministic for a seed and never stored.
func generateNames(g *gmbNames, n int, seed uint64) []Item {
	rng := rand.New(rand.NewPCG(seed, 0x6e616d6573))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	items := make([]Item, 0, n)
	for i, s := range newsNames {
		if len(items) == n {
			return items
		}
		items = append(items, Item{Kind: KindEntity, ID: int64(i + 1), Text: s, Weight: 20})
	}
	var sb strings.Builder
	for id := int64(len(items) + 1); len(items) < n; id++ {
		sb.Reset()
		kind := KindEntity
		switch r := rng.IntN(100); {
		case r < 50:
			sb.WriteString(pick(g.first) + " " + pick(g.last))
		case r < 60:
			initial, _ := utf8.DecodeRuneInString(pick(g.first))
			sb.WriteString(pick(g.first) + " " + string(initial) + ". " + pick(g.last))
		case r < 63:
			sb.WriteString(pick(g.persons))
		case r < 72:
			words := strings.Fields(pick(g.orgs))
			words[rng.IntN(len(words))] = pick(g.orgWords)
			sb.WriteString(strings.Join(words, " "))
		case r < 78:
			sb.WriteString(pick(g.geos) + " " + pick(g.orgWords) + " " + pick(g.orgWords))
		case r < 88:
			sb.WriteString(pick(g.geos))
		case r < 97:
			kind = KindTitle
			words := strings.Fields(pick(g.sentences))
			sb.WriteString(strings.Join(words[:min(len(words), 5+rng.IntN(8))], " "))
		default:
			kind = KindSource
			sb.WriteString(pick(g.orgWords) + " " + pick(g.orgWords))
		}
		w := int(rng.ExpFloat64() * 10)
		items = append(items, Item{Kind: kind, ID: id, Text: sb.String(), Weight: w})
	}
	return items
}

// Query shapes used by the benchmarks.
const (
	queryExact  = "exact"
	queryPrefix = "prefix"
	queryTypo   = "typo"
)

// makeQuery turns a text into a query of the given shape: the text itself;
// the text with its last word cut in half (as typed); or the text with one
// typo (two in a third of the cases) in its longest words.
func makeQuery(rng *rand.Rand, text, shape string) string {
	words := strings.Fields(text)
	switch shape {
	case queryPrefix:
		last := []rune(words[len(words)-1])
		words[len(words)-1] = string(last[:min(len(last), max(3, len(last)/2))])
	case queryTypo:
		typos := 1 + rng.IntN(3)/2
		for range typos {
			longest := 0
			for i, w := range words {
				if utf8.RuneCountInString(w) > utf8.RuneCountInString(words[longest]) {
					longest = i
				}
			}
			words[longest] = typo(rng, []rune(words[longest]))
		}
	}
	return strings.Join(words, " ")
}

// typo applies one random edit to w (not to its first letter, as people
// seldom get that wrong): a transposition, substitution, deletion or
// insertion.
func typo(rng *rand.Rand, w []rune) string {
	if len(w) < 4 {
		return string(w)
	}
	i := 1 + rng.IntN(len(w)-2)
	letter := rune('a' + rng.IntN(26))
	switch rng.IntN(4) {
	case 0:
		w[i], w[i+1] = w[i+1], w[i]
	case 1:
		w[i] = letter
	case 2:
		w = append(w[:i], w[i+1:]...)
	default:
		w = append(w[:i], append([]rune{letter}, w[i:]...)...)
	}
	return string(w)
}
