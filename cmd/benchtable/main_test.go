package main

import (
	"bufio"
	"strings"
	"testing"
)

func TestRatios(t *testing.T) {
	tests := []struct {
		name    string
		metrics []string
		want    string
	}{
		{"latency: naive over measured", []string{"20 p50-ms", "50 p95-ms", "250 naive-p95-ms"}, "p95-ms: 5.0x"},
		{"rate: measured over naive", []string{"1200 store-articles/s", "300 naive-store-articles/s"}, "store-articles/s: 4.0x"},
		{"no naive figure", []string{"20 p50-ms", "50 p95-ms"}, ""},
		{"zero left out", []string{"0 ns/op", "0 naive-ns/op"}, ""},
		{"not numbers", []string{"x p95-ms", "3 naive-p95-ms"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ratios(tt.metrics); got != tt.want {
				t.Errorf("ratios(%q) = %q, want %q", tt.metrics, got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	in := "pkg: github.com/newsarchive/newsarchive/app/search\n" +
		"BenchmarkSearch1M/common-word-2  1  36000 hits  25.5 p50-ms  59.7 p95-ms  250 naive-p95-ms\n" +
		"BenchmarkSearch1M/common-word-2  1  1 hits\n" + // a second run: the first is shown
		"some log line\n"
	rows, err := parse(bufio.NewScanner(strings.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].name != "Search1M/common-word" || rows[0].pkg != "app/search" ||
		ratios(rows[0].metrics) != "p95-ms: 4.2x" {
		t.Errorf("parsed %+v", rows)
	}
}
