package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/store"
)

func runCopy(ctx context.Context, c *session, args []string) int {
	fs := c.flags("copy", "[--from ARCHIVE] --to ARCHIVE [--json]")
	from := fs.String("from", "", "the archive to copy, a file or a postgres:// address (default: the --db archive)")
	to := fs.String("to", "", "the archive to copy into, created when missing; it must be empty, or a copy of the same archive stopped midway")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	flagUsage := fs.Usage
	fs.Usage = func() {
		flagUsage()
		fmt.Fprint(c.Stderr, `
Copies every table (articles and their originals, entities, corrections,
tags, notes, snapshots, feeds), keeping ids, between any two archives: SQLite
to PostgreSQL, PostgreSQL to SQLite, file to file. A copy stopped midway
(interrupted, killed, a lost connection) goes on where it stopped when the
same command is run again. Without --from the archive copied is the one --db
names (else $NEWSARCHIVE_DB, else the default archive).
`)
	}
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 0 || *to == "" {
		fs.Usage()
		return ExitUsage
	}
	src := *from
	if src == "" {
		src = c.dbPath
	}
	progress, end := c.copyProgress()
	rep, err := export.CopyArchive(ctx, src, *to, progress)
	end()
	if err != nil {
		if len(rep.Tables) > 0 && !errors.Is(err, store.ErrNotCopy) {
			err = fmt.Errorf("%w\n(%s rows were copied; run the same command again to go on where it stopped)", err, thousands(rep.Copied))
		}
		return c.fail(errors.New(hidePasswords(err.Error(), src, *to)))
	}
	if *asJSON {
		return c.writeJSON(rep)
	}
	printCopy(c.Stdout, rep)
	return ExitOK
}

// copyProgress returns a progress function drawing a line per table on a
// terminal (nil elsewhere), and a function ending the last line.
func (c *session) copyProgress() (func(export.CopyProgress), func()) {
	if !isTerminal(c.Stderr) {
		return nil, func() {}
	}
	var table string
	var last time.Time
	progress := func(p export.CopyProgress) {
		switch {
		case p.Table != table:
			if table != "" {
				fmt.Fprintln(c.Stderr)
			}
			table = p.Table
		case p.Done < p.Total && time.Since(last) < 100*time.Millisecond:
			return
		}
		last = time.Now()
		fmt.Fprintf(c.Stderr, "\r\033[K  %-19s %12s / %s rows", p.Table, thousands(p.Done), thousands(p.Total))
	}
	return progress, func() {
		if table != "" {
			fmt.Fprintln(c.Stderr)
		}
	}
}

// printCopy writes the summary of a copy: the rows of each table, then the
// totals and the time.
func printCopy(w io.Writer, rep export.CopyReport) {
	for _, t := range rep.Tables {
		fmt.Fprintf(w, "  %-19s %12s rows", t.Table, thousands(t.Rows))
		if rep.Resumed {
			fmt.Fprintf(w, " (%s copied now)", thousands(t.Copied))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "copied %s to %s: %s rows in %d tables", rep.From, rep.To, thousands(rep.Rows), len(rep.Tables))
	if rep.Resumed {
		fmt.Fprintf(w, ", %s of them now (an earlier copy had done the rest)", thousands(rep.Copied))
	}
	fmt.Fprintf(w, ", in %s (%s rows/s)\n", rep.Elapsed.Round(time.Millisecond), thousands(int64(rep.RowsPerSecond())))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// hidePasswords replaces the passwords of the PostgreSQL addresses given
// in msg, in case a library's message quotes one.
func hidePasswords(msg string, addrs ...string) string {
	for _, a := range addrs {
		if !store.IsPostgres(a) {
			continue
		}
		var pws []string
		// As written (percent-encoded), even in an address that does not parse.
		if _, rest, ok := strings.Cut(a, "://"); ok {
			if at := strings.LastIndex(rest, "@"); at > 0 {
				if _, pw, ok := strings.Cut(rest[:at], ":"); ok {
					pws = append(pws, pw)
				}
			}
		}
		if u, err := url.Parse(a); err == nil {
			if pw, ok := u.User.Password(); ok {
				pws = append(pws, pw)
			}
			pws = append(pws, u.Query().Get("password"))
		}
		for _, pw := range pws {
			if pw != "" {
				msg = strings.ReplaceAll(msg, pw, "xxxxx")
			}
		}
	}
	return msg
}
