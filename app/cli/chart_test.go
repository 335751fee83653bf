package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chartFeed is a feed of four items: two in the week of 4 March 2024, one
// the week after, one undated.
const chartFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://harbour.example.org/</link>
<item><title>Ferry strike begins</title><link>https://harbour.example.org/1</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>
<description>The ferry crews walked out at dawn over pay.</description></item>
<item><title>Ferry strike talks</title><link>https://harbour.example.org/2</link><pubDate>Wed, 06 Mar 2024 09:00:00 +0000</pubDate>
<description>Talks to end the ferry strike began in the town hall.</description></item>
<item><title>Harbour reopens</title><link>https://harbour.example.org/3</link><pubDate>Tue, 12 Mar 2024 09:00:00 +0000</pubDate>
<description>The harbour reopened to ferry traffic after the strike.</description></item>
<item><title>Old ferry story</title><link>https://harbour.example.org/4</link>
<description>A ferry story from the archive, without a date.</description></item>
</channel></rss>`

func TestChart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	feed := filepath.Join(dir, "harbour.rss")
	if err := os.WriteFile(feed, []byte(chartFeed), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, db, "import", feed); code != ExitOK {
		t.Fatalf("import exit %d: %s %s", code, out, errs)
	}
	csvOut := filepath.Join(dir, "ferry.csv")
	tests := []struct {
		args    []string
		code    int
		outPart string
		errPart string
	}{
		{[]string{"chart", "--query", "ferry", "--by", "week", "--out", csvOut}, ExitOK,
			csvOut + ": 2 weeks from 2024-03-04 to 2024-03-12\n  query: ferry: 3 articles drawn\n1 undated, not drawn\n", ""},
		{[]string{"chart", "--query", "strike", "--query", "harbour", "--by", "day", "--from", "2024-03", "--to", "2024-03", "--out", filepath.Join(dir, "a.svg")}, ExitOK,
			"31 days from 2024-03-01 to 2024-03-31", ""},
		{[]string{"chart", "--query", "ferry", "--share", "--out", filepath.Join(dir, "a.png")}, ExitOK, "query: ferry: 3 articles drawn", ""},
		{[]string{"chart", "--query", "ferry", "--out", filepath.Join(dir, "a.gif")}, ExitUsage, "", "want a .svg, .png or .csv"},
		{[]string{"chart", "--query", "ferry"}, ExitUsage, "", "usage"},
		{[]string{"chart", "--out", csvOut}, ExitUsage, "", "usage"},
		{[]string{"chart", "--entity", "Nobody Atall", "--out", csvOut}, ExitUsage, "", "no person, organisation or place"},
		{[]string{"chart", "--query", "ferry", "--by", "year", "--out", csvOut}, ExitUsage, "", "want day, week or month"},
		{[]string{"chart", "--tag", "a", "--tag", "b", "--tag", "c", "--tag", "d", "--tag", "e", "--tag", "f", "--out", csvOut}, ExitUsage, "", "at most 5 series"},
	}
	for _, tc := range tests {
		code, out, errs := run(t, db, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.outPart) || !strings.Contains(errs, tc.errPart) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d, %q, %q", tc.args, code, out, errs, tc.code, tc.outPart, tc.errPart)
		}
		if tc.code == ExitOK && errs != "" {
			t.Errorf("%q: stderr %q, want nothing", tc.args, errs)
		}
	}
	// The CSV's counts add up to the search's dated matches.
	code, out, _ := run(t, db, "chart", "--query", "ferry", "--by", "week", "--out", csvOut)
	if code != ExitOK {
		t.Fatal(out)
	}
	data, err := os.ReadFile(csvOut)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"period_start", "period_end", "query: ferry"}, {"2024-03-04", "2024-03-10", "2"}, {"2024-03-11", "2024-03-12", "1"}}
	if len(rows) != len(want) || strings.Join(rows[0], ",") != strings.Join(want[0], ",") ||
		strings.Join(rows[1], ",") != strings.Join(want[1], ",") || strings.Join(rows[2], ",") != strings.Join(want[2], ",") {
		t.Errorf("CSV %q, want %q", rows, want)
	}
}
