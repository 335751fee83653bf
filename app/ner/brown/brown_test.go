package brown

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthetic generates n sentences from a template of word classes: each
// sentence picks one template and fills every slot with a random word of
// its class. Words of a class are interchangeable, so Brown clustering
// should find the classes.
func synthetic(n int, seed uint64, classes map[string][]string, templates [][]string) [][]string {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([][]string, n)
	for i := range out {
		t := templates[r.IntN(len(templates))]
		s := make([]string, len(t))
		for j, c := range t {
			ws := classes[c]
			s[j] = ws[r.IntN(len(ws))]
		}
		out[i] = s
	}
	return out
}

var testClasses = map[string][]string{
	"name":  {"alice", "bob", "carol", "dave", "erin"},
	"verb":  {"sees", "meets", "calls", "helps"},
	"place": {"paris", "rome", "oslo", "lima"},
	"prep":  {"in", "near"},
	"num":   {"two", "three", "four"},
	"noun":  {"cats", "dogs", "birds"},
}

var testTemplates = [][]string{
	{"name", "verb", "name", "prep", "place"},
	{"num", "noun", "prep", "place"},
	{"name", "verb", "num", "noun"},
}

// classOf returns the class of each word of testClasses.
func classOf() map[string]string {
	m := map[string]string{}
	for c, ws := range testClasses {
		for _, w := range ws {
			m[w] = c
		}
	}
	return m
}

func TestClusterFindsClasses(t *testing.T) {
	sents := synthetic(3000, 7, testClasses, testTemplates)
	tests := []struct {
		clusters int
		minCount int
	}{
		{len(testClasses), 1},
		{len(testClasses), 100},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("C=%d,min=%d", tc.clusters, tc.minCount), func(t *testing.T) {
			res, err := Cluster(sents, Options{Clusters: tc.clusters, MinCount: tc.minCount})
			if err != nil {
				t.Fatal(err)
			}
			class := classOf()
			if res.Words != len(class) {
				t.Fatalf("%d words, want %d", res.Words, len(class))
			}
			pathOf := map[string]string{} // class -> path
			classOfPath := map[string]string{}
			for w, p := range res.Paths {
				c := class[w]
				if q, ok := pathOf[c]; ok && q != p {
					t.Errorf("class %s split: %s has %s, another word %s", c, w, p, q)
				}
				pathOf[c] = p
				if d, ok := classOfPath[p]; ok && d != c {
					t.Errorf("path %s holds classes %s and %s", p, c, d)
				}
				classOfPath[p] = c
			}
			if res.AMI <= 0 {
				t.Errorf("AMI %v, want > 0", res.AMI)
			}
		})
	}
}

func TestClusterMinCountAndFewWords(t *testing.T) {
	sents := [][]string{{"a", "b", "a"}, {"a", "c"}, {"b", "a"}}
	res, err := Cluster(sents, Options{Clusters: 10, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Words != 2 || len(res.Paths) != 2 || res.Paths["c"] != "" {
		t.Fatalf("got %+v, want a and b only", res)
	}
	if p, q := res.Paths["a"], res.Paths["b"]; len(p) != 1 || len(q) != 1 || p == q {
		t.Errorf("a %q b %q: want the two leaves 0 and 1", p, q)
	}
	if _, err := Cluster(sents, Options{}); err == nil {
		t.Error("no clusters: want an error")
	}
	if res, err := Cluster(nil, Options{Clusters: 3}); err != nil || len(res.Paths) != 0 {
		t.Errorf("no text: %+v %v", res, err)
	}
}

func TestClusterDeterministic(t *testing.T) {
	sents := synthetic(500, 3, testClasses, testTemplates)
	a, _ := Cluster(sents, Options{Clusters: 4})
	for range 3 {
		b, _ := Cluster(sents, Options{Clusters: 4})
		for w, p := range a.Paths {
			if b.Paths[w] != p {
				t.Fatalf("%s: %s then %s", w, p, b.Paths[w])
			}
		}
	}
}

// TestTree checks that the bit strings are the leaves of one binary tree:
// C distinct strings, none a prefix of another, and every inner node has
// two children (the leaves' Kraft sum is exactly 1).
func TestTree(t *testing.T) {
	sents := synthetic(2000, 11, testClasses, testTemplates)
	for _, c := range []int{1, 2, 3, 6, 10, 21} {
		res, err := Cluster(sents, Options{Clusters: c})
		if err != nil {
			t.Fatal(err)
		}
		leaves := map[string]bool{}
		for _, p := range res.Paths {
			leaves[p] = true
		}
		if len(leaves) != c {
			t.Errorf("C=%d: %d distinct bit strings", c, len(leaves))
		}
		kraft := 0.0
		for p := range leaves {
			kraft += math.Pow(2, -float64(len(p)))
			for q := range leaves {
				if p != q && strings.HasPrefix(q, p) {
					t.Errorf("C=%d: %q is a prefix of %q", c, p, q)
				}
			}
		}
		if math.Abs(kraft-1) > 1e-12 {
			t.Errorf("C=%d: Kraft sum %v, want 1 (a full binary tree)", c, kraft)
		}
	}
}

// TestLossesMatchBruteForce checks the incrementally kept losses against
// the AMI computed from scratch before and after each possible merge.
// With a short table of logarithms, larger counts take math.Log (as for
// texts of more than maxLogTable bigrams).
func TestLossesMatchBruteForce(t *testing.T) {
	sents := synthetic(400, 5, testClasses, testTemplates)
	for _, table := range []int{-1, 3} {
		t.Run(fmt.Sprintf("table=%d", table), func(t *testing.T) {
			words, right, left := vocabulary(sents, 1)
			c := newClusterer(len(words), 5, right, left)
			if table >= 0 {
				c.logn = c.logn[:table]
			}
			for w := range words {
				c.add(int32(w))
				checkLosses(t, c)
				if len(c.active()) > c.C {
					c.mergeBest(false)
					checkLosses(t, c)
				}
				if t.Failed() {
					t.Fatalf("after word %d", w)
				}
			}
		})
	}
}

// bruteAMI computes the AMI of the clustering given by group (word ->
// cluster, -1 for words not in) from the word bigrams.
func bruteAMI(c *clusterer, group []int) float64 {
	n := map[[2]int]float64{}
	pl, pr := map[int]float64{}, map[int]float64{}
	for w, g := range group {
		if g < 0 {
			continue
		}
		pl[g] += c.pl0[w]
		pr[g] += c.pr0[w]
		for _, e := range c.right[w] {
			if h := group[e.w]; h >= 0 {
				n[[2]int{g, h}] += e.n
			}
		}
	}
	var sum float64
	for k, v := range n {
		sum += c.qf(v, pl[k[0]], pr[k[1]])
	}
	return sum
}

func checkLosses(t *testing.T, c *clusterer) {
	t.Helper()
	group := make([]int, len(c.slot))
	for w, s := range c.slot {
		group[w] = int(s)
	}
	before := bruteAMI(c, group)
	if d := math.Abs(before - c.ami()); d > 1e-9 {
		t.Errorf("AMI kept %v, from scratch %v", c.ami(), before)
	}
	act := append([]int32(nil), c.active()...)
	for i, s := range act {
		for _, r := range act[i+1:] {
			merged := make([]int, len(group))
			for w, g := range group {
				merged[w] = g
				if g == int(r) {
					merged[w] = int(s)
				}
			}
			want := before - bruteAMI(c, merged)
			if got := c.loss[int(s)*c.K+int(r)]; math.Abs(got-want) > 1e-9 {
				t.Errorf("loss(%d,%d) kept %v, from scratch %v", s, r, got, want)
			}
		}
	}
}

func BenchmarkCluster(b *testing.B) {
	// A vocabulary of 2,000 words in 40 classes, 20,000 sentences.
	classes := map[string][]string{}
	var names []string
	for k := range 40 {
		name := fmt.Sprintf("c%d", k)
		names = append(names, name)
		for j := range 50 {
			classes[name] = append(classes[name], fmt.Sprintf("w%d_%d", k, j))
		}
	}
	var templates [][]string
	for k := range 40 {
		templates = append(templates, []string{names[k], names[(k*7+3)%40], names[(k*13+5)%40], names[(k+1)%40]})
	}
	sents := synthetic(20000, 1, classes, templates)
	b.ResetTimer()
	for range b.N {
		res, err := Cluster(sents, Options{Clusters: 64})
		if err != nil || res.Words != 2000 {
			b.Fatal(err, res.Words)
		}
	}
}
