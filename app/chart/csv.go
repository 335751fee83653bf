package chart

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteCSV writes one row per period: period_start, period_end (both days
// included, YYYY-MM-DD), then the count of each series; in share mode then
// the total of all articles and each series' share (0 to 1, empty where the
// total is 0).
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"period_start", "period_end"}
	for _, c := range t.Series {
		head = append(head, cell(c.Name))
	}
	if t.Totals != nil {
		head = append(head, cell(t.Totals.Name))
		for _, c := range t.Series {
			head = append(head, cell(c.Name+" share"))
		}
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	row := make([]string, len(head))
	for i, p := range t.Periods {
		row = row[:0]
		row = append(row, p.Start.Format(time.DateOnly), p.Last().Format(time.DateOnly))
		for _, c := range t.Series {
			row = append(row, strconv.Itoa(c.Counts[i]))
		}
		if t.Totals != nil {
			row = append(row, strconv.Itoa(t.Totals.Counts[i]))
			for _, c := range t.Series {
				v := ""
				if s := c.Share[i]; s == s {
					v = strconv.FormatFloat(s, 'f', 6, 64)
				}
				row = append(row, v)
			}
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// cell keeps a spreadsheet from reading a series name as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
