package search

import (
	"math/rand/v2"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest/simhash"
	"github.com/newsarchive/newsarchive/store"
)

func TestGroupNear(t *testing.T) {
	fp := func(id int64, h uint64) store.Fingerprint { return store.Fingerprint{ArticleID: id, SimHash: h} }
	const base = 0x0123456789abcdef
	flip := func(n int) uint64 { return base ^ (1<<n - 1) } // base with its n low bits flipped
	tests := []struct {
		name string
		fps  []store.Fingerprint
		want [][]int64
	}{
		{"none", nil, nil},
		{"pair at the threshold", []store.Fingerprint{fp(1, base), fp(2, flip(simhash.NearThreshold))}, [][]int64{{1, 2}}},
		{"pair beyond it", []store.Fingerprint{fp(1, base), fp(2, flip(simhash.NearThreshold+1))}, nil},
		{"chain", []store.Fingerprint{fp(3, base), fp(1, flip(8)), fp(2, flip(8)^0xff00)}, [][]int64{{1, 2, 3}}},
		{"empty bodies do not match", []store.Fingerprint{fp(1, 0), fp(2, 0), fp(3, 1)}, nil},
		{"two groups, larger first", []store.Fingerprint{fp(1, base), fp(2, ^uint64(base)), fp(3, base^1), fp(4, ^uint64(base)^3), fp(5, base^7)},
			[][]int64{{1, 3, 5}, {2, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groupNear(tt.fps)
			if len(got) != len(tt.want) {
				t.Fatalf("%d groups %+v, want %v", len(got), got, tt.want)
			}
			for i, g := range got {
				if len(g.ids) != len(tt.want[i]) {
					t.Fatalf("group %d: %v, want %v", i, g.ids, tt.want[i])
				}
				for j := range g.ids {
					if g.ids[j] != tt.want[i][j] {
						t.Errorf("group %d: %v, want %v", i, g.ids, tt.want[i])
					}
				}
			}
		})
	}
}

// BenchmarkNearDuplicates groups 20,000 random fingerprints, all pairs.
func BenchmarkNearDuplicates(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	fps := make([]store.Fingerprint, 20000)
	for i := range fps {
		fps[i] = store.Fingerprint{ArticleID: int64(i + 1), SimHash: r.Uint64()}
	}
	for b.Loop() {
		groupNear(fps)
	}
}
