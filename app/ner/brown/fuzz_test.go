package brown

import (
	"math"
	"strings"
	"testing"
)

// FuzzCluster clusters any text (lines are sentences, spaces part words)
// and checks that every word seen MinCount times gets a leaf of one full
// binary tree with at most C leaves.
func FuzzCluster(f *testing.F) {
	f.Add("the cat sat\nthe dog sat\na cat ran", uint8(2), uint8(1))
	f.Add("a a a a\nb", uint8(1), uint8(2))
	f.Add("", uint8(3), uint8(0))
	f.Fuzz(func(t *testing.T, text string, c, minCount uint8) {
		var sents [][]string
		for line := range strings.Lines(text) {
			sents = append(sents, strings.Fields(line))
		}
		k := int(c%8) + 1
		res, err := Cluster(sents, Options{Clusters: k, MinCount: int(minCount % 4)})
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		for _, s := range sents {
			for _, w := range s {
				count[w]++
			}
		}
		leaves := map[string]bool{}
		for w, n := range count {
			p, ok := res.Paths[w]
			if ok != (n >= max(int(minCount%4), 1)) {
				t.Fatalf("%q seen %d times: clustered %v", w, n, ok)
			}
			if ok {
				leaves[p] = true
			}
		}
		if len(res.Paths) != res.Words || len(leaves) > k || len(leaves) > res.Words {
			t.Fatalf("%d words, %d leaves, C=%d", res.Words, len(leaves), k)
		}
		if len(leaves) == 0 {
			return
		}
		kraft := 0.0
		for p := range leaves {
			if strings.Trim(p, "01") != "" {
				t.Fatalf("path %q", p)
			}
			kraft += math.Pow(2, -float64(len(p)))
		}
		if math.Abs(kraft-1) > 1e-9 || math.IsNaN(res.AMI) {
			t.Fatalf("Kraft sum %v, AMI %v", kraft, res.AMI)
		}
	})
}
