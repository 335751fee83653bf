package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestClusterFeatures(t *testing.T) {
	lower := map[string]string{
		"the":   "0001",
		"mayor": "011010011101",
		"of":    "0000101",
		"paris": "1101101011100101101011", // longer than 20 bits
	}
	cased := map[string]string{"Paris": "10", "paris": "0111"}
	tests := []struct {
		name     string
		words    []string
		clusters Clusters
		i        int
		want     []string
	}{
		{"middle", []string{"the", "mayor", "of"}, Clusters{Paths: lower}, 1, []string{
			"k-1:4|0001", "k-1:10|0001",
			"k4|0110", "k6|011010", "k10|0110100111", "k20|011010011101",
			"k+1:4|0000", "k+1:10|0000101"}},
		{"sentence start, long path cut at 20", []string{"paris"}, Clusters{Paths: lower}, 0, []string{
			"k4|1101", "k6|110110", "k10|1101101011", "k20|11011010111001011010"}},
		{"unclustered word and neighbour", []string{"zyzzyva", "of"}, Clusters{Paths: lower}, 0, []string{
			"k+1:4|0000", "k+1:10|0000101"}},
		{"lower-cased lookup", []string{"The"}, Clusters{Paths: lower}, 0, []string{"k4|0001", "k6|0001", "k10|0001", "k20|0001"}},
		{"cased lookup", []string{"Paris"}, Clusters{Paths: cased, Cased: true}, 0, []string{"k4|10", "k6|10", "k10|10", "k20|10"}},
		{"cased lookup misses", []string{"PARIS"}, Clusters{Paths: cased, Cased: true}, 0, nil},
		{"model without clusters", []string{"the", "mayor"}, Clusters{}, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := make([]token, len(tc.words))
			for i, w := range tc.words {
				toks[i] = token{text: w, lower: strings.ToLower(w), shape: wordShape(w)}
			}
			f := &sentenceFeatures{toks: toks, paths: clusterPaths(toks, tc.clusters)}
			var got []string
			f.clusterFeatures(tc.i, func(k []byte) { got = append(got, string(k)) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestClusterText(t *testing.T) {
	sets := []TrainingSet{
		{Name: "a", Sents: []GoldSentence{{Words: []string{"The", "UN", "said"}, Tags: []string{"O", "B-org", "O"}}}},
		{Name: "b", Sents: []GoldSentence{{Words: []string{"Paris"}}, {Words: nil}}},
	}
	for _, tc := range []struct {
		cased bool
		want  [][]string
	}{
		{false, [][]string{{"the", "un", "said"}, {"paris"}, {}}},
		{true, [][]string{{"The", "UN", "said"}, {"Paris"}, {}}},
	} {
		got := ClusterText(sets, tc.cased)
		if len(got) != len(tc.want) {
			t.Fatalf("cased %v: got %q, want %q", tc.cased, got, tc.want)
		}
		for i := range tc.want {
			if !slices.Equal(got[i], tc.want[i]) {
				t.Errorf("cased %v, sentence %d: got %q, want %q", tc.cased, i, got[i], tc.want[i])
			}
		}
	}
}
