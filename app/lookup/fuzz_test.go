package lookup

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that any query, kind and limit is safe: no panic, at most
// limit results, one per Kind and ID, ordered by score, with positions inside
// the text.
func FuzzSearch(f *testing.F) {
	ix, _ := testdataIndex(f)
	for _, tc := range typoCases {
		f.Add(tc.query, "", 5)
	}
	f.Add("", "", 0)
	f.Add("   \t\n", "entity", -1)
	f.Add("\xff\xfe\x00abc", "title", 3)
	f.Add(strings.Repeat("ab ", 400), "", 1000)
	f.Add("ma\u0301 zha\u200boxu", "source", 2)
	f.Fuzz(func(t *testing.T, query, kind string, limit int) {
		rs := ix.Search(query, Kind(kind), limit)
		want := limit
		if want <= 0 {
			want = defaultLimit
		}
		if len(rs) > min(want, maxLimit) {
			t.Fatalf("%d results for limit %d", len(rs), limit)
		}
		type ident struct {
			k  Kind
			id int64
		}
		seen := map[ident]bool{}
		for i, r := range rs {
			if seen[ident{r.Kind, r.ID}] {
				t.Fatalf("%v %d returned twice", r.Kind, r.ID)
			}
			seen[ident{r.Kind, r.ID}] = true
			if i > 0 && r.Score > rs[i-1].Score {
				t.Fatalf("results out of order: %v", texts(rs))
			}
			n := utf8.RuneCountInString(r.Text)
			if !slices.IsSorted(r.Positions) || (len(r.Positions) > 0 && (r.Positions[0] < 0 || r.Positions[len(r.Positions)-1] >= n)) {
				t.Fatalf("bad positions %v for %q", r.Positions, r.Text)
			}
		}
	})
}

// FuzzRecord checks that a record decodes to what was encoded, whatever the
// kind, ID, weight, words and text.
func FuzzRecord(f *testing.F) {
	f.Add(uint8(0), int64(0), int32(0), []byte{}, "")
	f.Add(uint8(3), int64(-1)<<62, int32(-7), []byte{1, 200, 255}, "Ma Zhaoxu")
	f.Add(uint8(255), int64(1)<<62, int32(1)<<30, []byte{0, 0}, "\xff\x00é")
	f.Fuzz(func(t *testing.T, kind uint8, id int64, weight int32, ws []byte, text string) {
		in := record{kind: kind, id: id, weight: weight, text: []byte(text)}
		for i, b := range ws[:min(len(ws), maxTextWords)] {
			in.words = append(in.words, int32(b)<<(i%24))
		}
		p := appendRecord([]byte{0xAA}, &in)[1:]
		var out record
		decodeRecord(p, nil, &out)
		if k, v := recordKey(p); k != kind || v != id {
			t.Fatalf("recordKey = %d, %d, want %d, %d", k, v, kind, id)
		}
		if out.kind != in.kind || out.id != in.id || out.weight != in.weight ||
			!slices.Equal(out.words, in.words) || string(out.text) != text {
			t.Fatalf("decoded %+v, want %+v", out, in)
		}
	})
}

// FuzzUpdates applies a sequence of adds, removals and rebuilds decoded from
// the input to an index and to the all-mutable layout, and checks that both
// hold as many texts and find the same items with the same scores (which of
// an item's tied aliases is shown may differ).
func FuzzUpdates(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte{0, 1, 0, 1, 200, 1, 7, 3, 201, 9, 2, 2, 200, 0})
	words := []string{"ma", "zhaoxu", "huawei", "jpmorgan", "chase", "eurasia", "group", "dimon", "jamie", "marine"}
	queries := []string{"huwaei", "ma zhoaxu", "jpmorg", "eurasa grup", "dimon", "zhaoxuma", "jp morgan"}
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 400 {
			ops = ops[:400]
		}
		ix, ref := New(), newMutableOnly()
		for i := 0; i+1 < len(ops); i += 2 {
			op, arg := ops[i], ops[i+1]
			kind := []Kind{KindEntity, KindTitle}[arg&1]
			id := int64(arg>>1) & 7
			switch {
			case op >= 200:
				forceRebuild(ix)
			case op >= 160:
				ix.Remove(kind, id)
				ref.Remove(kind, id)
			default:
				text := words[int(op)%len(words)] + " " + words[int(arg)%len(words)]
				it := Item{Kind: kind, ID: id, Text: text, Weight: int(op % 5)}
				ix.Add(it)
				ref.Add(it)
			}
		}
		if ix.Len() != ref.Len() {
			t.Fatalf("Len = %d, want %d", ix.Len(), ref.Len())
		}
		for _, q := range queries {
			got, want := idScores(ix.Search(q, "", 50)), idScores(ref.Search(q, "", 50))
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("Search(%q)\n got %v\nwant %v", q, got, want)
			}
		}
	})
}

func idScores(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s %d %d", r.Kind, r.ID, r.Score)
	}
	return out
}
