package lookup

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// typoCases are the queries of the issue with the name each must find.
var typoCases = []struct{ query, want string }{
	{"Ma Zhoaxu", "Ma Zhaoxu"},  // transposition
	{"Ma Zhaoxo", "Ma Zhaoxu"},  // wrong letter
	{"Ma Zhaooxu", "Ma Zhaoxu"}, // extra letter
	{"Ma Zhaxu", "Ma Zhaoxu"},   // missing letter
	{"mazhaoxu", "Ma Zhaoxu"},   // missing space
	{"Zhaoxu Ma", "Ma Zhaoxu"},  // word order
	{"Huwaei", "Huawei"},
	{"Eurasa Grup", "Eurasia Group"},
	{"jpmorg", "JPMorgan Chase"},
	{"dimon", "Jamie Dimon"},
	{"Jamie Dimno", "Jamie Dimon"},
	{"cristopher landau", "Christopher Landau"},
	{"david perdu", "David Perdue"},
	{"he lifen", "He Lifeng"},
	{"ministry of comerce", "Ministry of Commerce"},
	{"genva", "Geneva"},
	{"washingtn", "Washington"},
	{"BEIJNG", "Beijing"},
}

// testdataIndex indexes testdata/names.tsv: its first half in the compact
// base, the rest in the mutable delta, so that tests see both.
func testdataIndex(t testing.TB) (*Index, []Item) {
	items := loadTSV(t, filepath.Join("testdata", "names.tsv"))
	ix := New()
	ix.Add(items[:len(items)/2]...)
	ix.mu.Lock()
	ix.rebuild()
	ix.mu.Unlock()
	ix.Add(items[len(items)/2:]...)
	return ix, items
}

// rankOf returns the 1-based rank of want among the results, 0 if absent.
func rankOf(rs []Result, want string) int {
	for i, r := range rs {
		if r.Text == want {
			return i + 1
		}
	}
	return 0
}

func texts(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s(%d)", r.Text, r.Score)
	}
	return out
}

// rankOfID returns the 1-based rank of the item named want (found by its
// name or an alias), 0 if absent.
func rankOfID(rs []Result, items []Item, want string) int {
	for _, it := range items {
		if it.Text != want {
			continue
		}
		for i, r := range rs {
			if r.Kind == it.Kind && r.ID == it.ID {
				return i + 1
			}
		}
	}
	return 0
}

func TestSearchTyposTestdata(t *testing.T) {
	ix, items := testdataIndex(t)
	for _, tc := range typoCases {
		t.Run(tc.query, func(t *testing.T) {
			rs := ix.Search(tc.query, "", 10)
			if r := rankOfID(rs, items, tc.want); r < 1 || r > 3 {
				t.Errorf("Search(%q): %q at rank %d, want top 3; got %v", tc.query, tc.want, r, texts(rs))
			}
		})
	}
}

func TestExactAndPrefixOutrankTypos(t *testing.T) {
	ix := New()
	ix.Add(
		Item{Kind: KindEntity, ID: 1, Text: "Simon Johnson", Weight: 1},
		Item{Kind: KindEntity, ID: 2, Text: "Jamie Dimon", Weight: 1000},
		Item{Kind: KindEntity, ID: 3, Text: "Dimona", Weight: 1000},
		Item{Kind: KindEntity, ID: 4, Text: "Simone", Weight: 5000},
	)
	tests := []struct {
		query string
		want  []string // exact order of the first results
	}{
		{"simon", []string{"Simon Johnson", "Simone"}},  // exact word, then prefix, before typos
		{"dimon", []string{"Jamie Dimon", "Dimona"}},    // exact word before prefix despite weights
		{"simo", []string{"Simone", "Simon Johnson"}},   // both prefixes: weight decides
		{"dimno", []string{"Jamie Dimon", "Dimona"}},    // one edit; whole word before prefix
		{"jamie dimon", []string{"Jamie Dimon"}},        // every word
		{"dimon jamie", []string{"Jamie Dimon"}},        // any order
		{"jamiedimon", []string{"Jamie Dimon"}},         // missing space
		{"simon johnson dimon", nil},                    // a word no text has
		{"   ", nil},                                    // nothing to look for
		{"\x00\xff\u200b", nil},                         // control, invalid, zero-width
		{strings.Repeat("é", 10000), nil},               // huge
		{"SIMON JOHNSON", []string{"Simon Johnson"}},    // case
		{"Símön Jöhnsón", []string{"Simon Johnson"}},    // accents
		{"simon-johnson", []string{"Simon Johnson"}},    // punctuation
		{"simmon", []string{"Simon Johnson", "Simone"}}, // typo: whole word first
	}
	for _, tc := range tests {
		t.Run(tc.query[:min(len(tc.query), 20)], func(t *testing.T) {
			rs := ix.Search(tc.query, "", 10)
			got := texts(rs)
			if len(rs) < len(tc.want) || (tc.want == nil && len(rs) > 0) {
				t.Fatalf("Search(%q) = %v, want first %v", tc.query, got, tc.want)
			}
			for i, w := range tc.want {
				if rs[i].Text != w {
					t.Fatalf("Search(%q) = %v, want first %v", tc.query, got, tc.want)
				}
			}
			for i := 1; i < len(rs); i++ {
				if rs[i].Score > rs[i-1].Score {
					t.Errorf("Search(%q) not ordered by score: %v", tc.query, got)
				}
			}
		})
	}
}

func TestWeightBreaksTies(t *testing.T) {
	ix := New()
	for id, w := range []int{3, 9, 1} {
		ix.Add(Item{Kind: KindEntity, ID: int64(id), Text: "Li Wei", Weight: w})
	}
	rs := ix.Search("li wei", "", 10)
	var ids []int64
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	if want := []int64{1, 0, 2}; !slices.Equal(ids, want) {
		t.Errorf("ids = %v, want %v (by weight)", ids, want)
	}
}

func TestPositions(t *testing.T) {
	ix := New()
	ix.Add(
		Item{Kind: KindEntity, ID: 1, Text: "Ma Zhaoxu"},
		Item{Kind: KindEntity, ID: 2, Text: "JPMorgan Chase"},
		Item{Kind: KindEntity, ID: 3, Text: "Recep Tayyip Erdoğan"},
		Item{Kind: KindEntity, ID: 4, Text: "Søren Kierkegaard"},
	)
	tests := []struct {
		query, text string
		want        []int // rune indexes
	}{
		{"jpmorg", "JPMorgan Chase", []int{0, 1, 2, 3, 4, 5}},
		{"ma zhaoxu", "Ma Zhaoxu", []int{0, 1, 3, 4, 5, 6, 7, 8}},
		{"Ma Zhoaxu", "Ma Zhaoxu", []int{0, 1, 3, 4, 5, 6, 7, 8}}, // transposed pair highlighted
		{"Ma Zhaoxo", "Ma Zhaoxu", []int{0, 1, 3, 4, 5, 6, 7}},    // wrong letter not highlighted
		{"zhaoxu ma", "Ma Zhaoxu", []int{0, 1, 3, 4, 5, 6, 7, 8}}, // swapped words
		{"erdogan", "Recep Tayyip Erdoğan", []int{13, 14, 15, 16, 17, 18, 19}},
		{"soren", "Søren Kierkegaard", []int{0, 1, 2, 3, 4}}, // ø folds to o
	}
	for _, tc := range tests {
		rs := ix.Search(tc.query, "", 1)
		if len(rs) == 0 || rs[0].Text != tc.text {
			t.Errorf("Search(%q) = %v, want %q first", tc.query, texts(rs), tc.text)
			continue
		}
		if !slices.Equal(rs[0].Positions, tc.want) {
			t.Errorf("Search(%q) positions = %v, want %v", tc.query, rs[0].Positions, tc.want)
		}
	}
}

func TestKindFilterAndAliases(t *testing.T) {
	ix, _ := testdataIndex(t)
	rs := ix.Search("washington", KindSource, 10)
	if len(rs) != 1 || rs[0].Text != "Washington Post" {
		t.Errorf("sources for washington = %v, want only Washington Post", texts(rs))
	}
	if rs := ix.Search("washington", "nosuchkind", 10); rs != nil {
		t.Errorf("unknown kind found %v", texts(rs))
	}
	// The name and its alias "Zhaoxu Ma" share an ID: one result only.
	rs = ix.Search("zhaoxu", KindEntity, 10)
	n := 0
	for _, r := range rs {
		if r.ID == rs[0].ID && r.Kind == rs[0].Kind {
			n++
		}
	}
	if len(rs) == 0 || n != 1 {
		t.Errorf("zhaoxu = %v, want one result per entity", texts(rs))
	}
	if rs := ix.Search("mofcom", "", 3); rankOf(rs, "MOFCOM") != 1 || rs[0].ID != ix.Search("Ministry of Commerce", "", 1)[0].ID {
		t.Errorf("alias MOFCOM = %v, want the ministry's id", texts(rs))
	}
}

func TestAddRemoveReplace(t *testing.T) {
	ix := New()
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 1})
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 5}) // same text: weight replaced
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei Technologies", Weight: 5})
	ix.Add(Item{Kind: KindTitle, ID: 7, Text: "Huawei sales rise", Weight: 1})
	ix.Add(Item{Kind: KindEntity, ID: 8, Text: "???"}) // nothing to index
	if got := ix.Len(); got != 3 {
		t.Fatalf("Len = %d, want 3", got)
	}
	if rs := ix.Search("huawei", KindEntity, 10); len(rs) != 1 || rs[0].Text != "Huawei" {
		t.Fatalf("entities = %v, want Huawei once", texts(rs))
	}
	ix.Remove(KindEntity, 7)
	ix.Remove(KindEntity, 99) // absent: no effect
	ix.Remove("nosuchkind", 7)
	if got := ix.Len(); got != 1 {
		t.Fatalf("Len after Remove = %d, want 1", got)
	}
	if rs := ix.Search("huawei", "", 10); len(rs) != 1 || rs[0].Kind != KindTitle {
		t.Fatalf("after Remove = %v, want the title only", texts(rs))
	}
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei Investment & Holding", Weight: 2})
	if rs := ix.Search("huawei hold", KindEntity, 10); len(rs) != 1 || rs[0].ID != 7 {
		t.Fatalf("after re-Add = %v", texts(rs))
	}
}

func TestRemoveCompacts(t *testing.T) {
	ix := New()
	const n = 40000 // two rebuilds while adding, one while removing
	for i := range n {
		ix.Add(Item{Kind: KindEntity, ID: int64(i), Text: fmt.Sprintf("Person Number%d Smith", i)})
	}
	for i := 0; i < n; i += 2 {
		ix.Remove(KindEntity, int64(i))
	}
	if ix.Len() != n/2 {
		t.Fatalf("Len = %d, want %d", ix.Len(), n/2)
	}
	if held := ix.base.n() + len(ix.entries); held >= n {
		t.Errorf("%d texts held (%d dead in the base) for %d alive: never compacted", held, ix.base.nDead, ix.Len())
	}
	for _, id := range []int{1, 777, 19999} {
		q := fmt.Sprintf("number%d", id)
		if rs := ix.Search(q, "", 1); len(rs) != 1 || rs[0].ID != int64(id) {
			t.Errorf("Search(%q) = %v after compaction", q, texts(rs))
		}
	}
	if rs := ix.Search("number778", "", 1); len(rs) == 1 && rs[0].ID == 778 {
		t.Errorf("removed 778 still found")
	}
}

func TestConcurrentSearchAddRemove(t *testing.T) {
	ix, items := testdataIndex(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				tc := typoCases[(i+w)%len(typoCases)]
				rs := ix.Search(tc.query, "", 5)
				for _, r := range rs {
					if len(r.Positions) > 0 && r.Positions[len(r.Positions)-1] >= len([]rune(r.Text)) {
						t.Errorf("position out of range in %q: %v", r.Text, r.Positions)
						return
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 300 {
			it := items[i%len(items)]
			ix.Remove(it.Kind, it.ID)
			ix.Add(Item{Kind: it.Kind, ID: it.ID + 100000, Text: it.Text + " II", Weight: i})
			ix.Add(it)
		}
	}()
	wg.Wait()
	if rs := ix.Search("Ma Zhaoxu", "", 3); rankOf(rs, "Ma Zhaoxu") == 0 {
		t.Errorf("Ma Zhaoxu lost after concurrent updates: %v", texts(rs))
	}
}
