// Command benchtable reads `go test -bench` output on stdin and prints the
// results as a readable table, one row per benchmark with its metrics, in the
// order they ran. Lines that are not results pass through to stderr. A
// benchmark reporting a metric twice, as "U" and as "naive-U" (the same
// figure measured the naive way in the same run), gets its ratio to the
// naive figure in the ratio column: how many times better (faster, or more
// per second for a unit ending in "/s").
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	rows, err := parse(bufio.NewScanner(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "benchmark\tpackage\tmetrics\tratio")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.name, r.pkg, strings.Join(r.metrics, "  "), ratios(r.metrics))
	}
	tw.Flush()
}

type row struct {
	name, pkg string
	metrics   []string
}

// parse collects benchmark result lines, attributing each to the package
// named by the "pkg:" line before it.
func parse(sc *bufio.Scanner) ([]row, error) {
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var rows []row
	pkg := ""
	seen := map[string]bool{}
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimPrefix(p, "github.com/newsarchive/newsarchive/")
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			if strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "---") || strings.Contains(line, "panic") {
				fmt.Fprintln(os.Stderr, line)
			}
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			name = name[:i]
		}
		name = strings.TrimPrefix(name, "Benchmark")
		if seen[pkg+name] {
			continue // the first run of a benchmark is the one shown
		}
		seen[pkg+name] = true
		var ms []string
		for i := 2; i+1 < len(f); i += 2 {
			ms = append(ms, f[i]+" "+f[i+1])
		}
		rows = append(rows, row{name: name, pkg: pkg, metrics: ms})
	}
	return rows, sc.Err()
}

// ratios returns "U: N.Nx" for each metric "V U" of ms with a "W naive-U"
// beside it: W/V, or V/W for a rate (a unit ending in "/s").
func ratios(ms []string) string {
	vals := map[string]float64{}
	var units []string
	for _, m := range ms {
		v, unit, ok := strings.Cut(m, " ")
		f, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			continue
		}
		vals[unit] = f
		units = append(units, unit)
	}
	var out []string
	for _, u := range units {
		naive, ok := vals["naive-"+u]
		if !ok || strings.HasPrefix(u, "naive-") || vals[u] == 0 || naive == 0 {
			continue
		}
		r := naive / vals[u]
		if strings.HasSuffix(u, "/s") {
			r = vals[u] / naive
		}
		out = append(out, fmt.Sprintf("%s: %.1fx", u, r))
	}
	return strings.Join(out, "  ")
}
