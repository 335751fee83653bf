package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// largeArchive fills s with n articles whose words occur at known rates:
// "everyday" in 90% of them, "often" 40%, "sometimes" 10%, "seldom" 1%,
// "economy", "economist" and "economic" 20% each; dated over 2000-2024 (2%
// undated), from five sources of falling sizes; seed varies them.
func largeArchive(t *testing.T, s *Store, n int, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	words := []struct {
		w    string
		rate float64
	}{{"everyday", .9}, {"often", .4}, {"sometimes", .1}, {"seldom", .01},
		{"economy", .2}, {"economist", .2}, {"economic", .2}}
	sources := []string{"Daily", "Weekly", "Monthly", "Quarterly", "Yearly"}
	var arts []Article
	for i := range n {
		var body []string
		for _, w := range words {
			if rng.Float64() < w.rate {
				body = append(body, w.w)
			}
		}
		body = append(body, fmt.Sprintf("filler%d text", i%97))
		a := newArticle(fmt.Sprintf("Article %d-%d", seed, i), strings.Join(body, " "))
		if rng.IntN(50) != 0 {
			a.Published = fmt.Sprintf("%04d-%02d-%02dT%02d:00:00", 2000+rng.IntN(25), 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(24))
		}
		a.Source = sources[min(len(sources)-1, int(rng.ExpFloat64()))]
		arts = append(arts, a)
	}
	mustCreate(t, s, arts...)
}

// TestLargeSearchAgreesWithListing runs searches matching a large share of
// an archive twice: listing every match, and as large searches (a scanCap
// far below their match counts), then again after more articles came. The
// pages must be the same; the totals of large searches that say "about"
// within a fifth of the truth.
func TestLargeSearchAgreesWithListing(t *testing.T) {
	s := openTest(t)
	largeArchive(t, s, 2500, 1)
	ctx := context.Background()
	tests := []struct {
		name string
		text string
		sr   Search
	}{
		{"common word", "everyday", Search{}},
		{"by date, deeper page", "often", Search{Sort: ByDate, Offset: 40, Limit: 30}},
		{"filtered", "everyday", Search{From: "2010", To: "2015-06", Source: "weekly"}},
		{"filtered, few allowed", "often", Search{From: "2003-02-01", To: "2003-03-01", Source: "Yearly"}},
		{"mid word", "sometimes", Search{}},
		{"rare word: listed", "seldom", Search{}},
		{"two words", "everyday often", Search{}},
		{"or", "sometimes OR seldom", Search{}},
		{"long prefix", "econo*", Search{}},
		{"long prefix, excluded", "everyday -economi*", Search{}},
		{"short prefix", "of*", Search{}},
		{"exclusion only", "-everyday", Search{}},
		{"exclusions only, filtered", "-often -sometimes", Search{Source: "daily"}},
		{"nothing allowed", "everyday", Search{Source: "Nowhere"}},
		{"page past the end", "seldom -everyday", Search{Offset: 500}},
	}
	largeSeen := false
	for round, tt := range append(tests, tests...) {
		if round == len(tests) {
			largeArchive(t, s, 500, 2) // newer ids: the newest-first order is merged
		}
		t.Run(tt.name, func(t *testing.T) {
			sr := tt.sr
			sr.Query = query.Parse(tt.text)
			scanCap = 1 << 30
			want, err := s.SearchArticles(ctx, sr)
			scanCap = 100
			got, err2 := s.SearchArticles(ctx, sr)
			scanCap = 10_000
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			if !slices.Equal(hitIDs(got), hitIDs(want)) {
				t.Errorf("large search shows %v, listing %v", hitIDs(got), hitIDs(want))
			}
			if !want.TotalExact || want.Approx {
				t.Fatalf("listing: total %d not exact", want.Total)
			}
			switch {
			case got.Approx:
				largeSeen = true
				if d := got.Total - want.Total; d*5 > want.Total || -d*5 > want.Total {
					t.Errorf("estimated %d matches, there are %d", got.Total, want.Total)
				}
				if got.TotalExact {
					t.Error("an estimate says it is exact")
				}
			case got.Total != want.Total || !got.TotalExact:
				t.Errorf("total %d (exact %v), want %d", got.Total, got.TotalExact, want.Total)
			}
		})
	}
	if !largeSeen && !s.Postgres() {
		t.Error("no search was estimated: the large path was never taken")
	}
}

// TestExpandPrefixes checks that a long prefix becomes the words it stands
// for, and that the others are left alone.
func TestExpandPrefixes(t *testing.T) {
	s := openTest(t)
	largeArchive(t, s, 200, 1)
	tests := []struct {
		text string
		want string // the expanded query's terms, clause by clause
		slow bool
	}{
		{"econo*", "economic|economist|economy", false},
		{"economi*", "economic|economist", false},
		{"of*", "of*", false},      // a prefix index answers it
		{"zzzz*", "zzzz*", false},  // no word: nothing to merge
		{"fille*", "fille*", true}, // filler0 to filler96: too many words
		{"écon*", "écon*", true},
		{"-econ* often", "-economic|economist|economy often", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, slow, err := s.expandPrefixes(context.Background(), query.Parse(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if s.Postgres() {
				return // PostgreSQL answers prefixes itself
			}
			if d := describeQuery(got); d != tt.want || slow != tt.slow {
				t.Errorf("got %q (slow %v), want %q (slow %v)", d, slow, tt.want, tt.slow)
			}
		})
	}
}

func describeQuery(q query.Query) string {
	var cs []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			w := strings.Join(t.Words, " ")
			if t.Prefix {
				w += "*"
			}
			alts = append(alts, w)
		}
		d := strings.Join(alts, "|")
		if c.Exclude {
			d = "-" + d
		}
		cs = append(cs, d)
	}
	return strings.Join(cs, " ")
}
