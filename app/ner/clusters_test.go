package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestClusterFeatures(t *testing.T) {
	clusters := map[string]string{
		"the":   "0001",
		"mayor": "011010011101",
		"of":    "0000101",
		"paris": "1101101011100101101011", // longer than 20 bits
	}
	tests := []struct {
		name     string
		words    []string
		clusters map[string]string
		i        int
		want     []string
	}{
		{"middle", []string{"the", "mayor", "of"}, clusters, 1, []string{
			"k-1:4|0001", "k-1:6|0001", "k-1:10|0001", "k-1:20|0001",
			"k4|0110", "k6|011010", "k10|0110100111", "k20|011010011101",
			"k+1:4|0000", "k+1:6|000010", "k+1:10|0000101", "k+1:20|0000101"}},
		{"sentence start, long path cut at 20", []string{"paris"}, clusters, 0, []string{
			"k4|1101", "k6|110110", "k10|1101101011", "k20|11011010111001011010"}},
		{"unclustered word and neighbour", []string{"zyzzyva", "of"}, clusters, 0, []string{
			"k+1:4|0000", "k+1:6|000010", "k+1:10|0000101", "k+1:20|0000101"}},
		{"lower-cased lookup", []string{"The"}, clusters, 0, []string{"k4|0001", "k6|0001", "k10|0001", "k20|0001"}},
		{"model without clusters", []string{"the", "mayor"}, nil, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := make([]token, len(tc.words))
			for i, w := range tc.words {
				toks[i] = token{text: w, lower: strings.ToLower(w), shape: wordShape(w)}
			}
			f := &sentenceFeatures{toks: toks, clusters: tc.clusters}
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
	got := ClusterText(sets)
	want := [][]string{{"the", "un", "said"}, {"paris"}, {}}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("sentence %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
