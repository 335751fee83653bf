// Package cli is News Archive's command line: headless subcommands over the
// same archive the GUI opens. Run takes the arguments after the program name
// and returns the process exit code: 0 for success, 1 when some of the work
// failed, 2 for usage errors.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/app/safetext"
	"golang.org/x/term"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
)

// Env is the process's standard streams.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// Invocation is a parsed command line.
type Invocation struct {
	DB      string   // archive path from --db, "" for the default
	Command string   // subcommand, "" to open the GUI
	Args    []string // the subcommand's arguments
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, c *session, args []string) int
}

// session carries what every subcommand needs.
type session struct {
	Env
	dbPath string
	app    *app.App
}

// Parse reads the global options and the subcommand name.
func Parse(args []string) (Invocation, error) {
	var inv Invocation
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--db" || a == "-db":
			if len(args) < 2 {
				return inv, errors.New("--db needs an archive: a file path or a postgres:// address")
			}
			inv.DB, args = args[1], args[2:]
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			inv.DB, args = a[strings.IndexByte(a, '=')+1:], args[1:]
		case a == "-h" || a == "--help" || a == "help":
			inv.Command, inv.Args = "help", args[1:]
			return inv, nil
		case strings.HasPrefix(a, "-"):
			return inv, fmt.Errorf("unknown option %s", a)
		default:
			inv.Command, inv.Args = a, args[1:]
			if _, ok := commands[a]; !ok {
				return inv, fmt.Errorf("unknown command %q (try: newsarchive help)", a)
			}
			return inv, nil
		}
	}
	return inv, nil
}

// DBPath returns the archive path of an invocation.
func (inv Invocation) DBPath() (string, error) {
	if inv.DB != "" {
		return inv.DB, nil
	}
	return app.DefaultPath()
}

// Run executes a parsed subcommand.
func Run(ctx context.Context, inv Invocation, env Env) int {
	if inv.Command == "help" || inv.Command == "" {
		usage(env.Stdout)
		return ExitOK
	}
	cmd := commands[inv.Command]
	path, err := inv.DBPath()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsarchive:", err)
		return ExitFailed
	}
	c := &session{Env: env, dbPath: path}
	defer func() {
		if c.app != nil {
			c.app.Close()
		}
	}()
	return cmd.run(ctx, c, inv.Args)
}

// Main parses args and runs the subcommand; it is the whole CLI for tests.
func Main(ctx context.Context, args []string, env Env) int {
	inv, err := Parse(args)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsarchive:", err)
		return ExitUsage
	}
	return Run(ctx, inv, env)
}

// open opens the archive on first use.
func (c *session) open(ctx context.Context) (*app.App, error) {
	if c.app == nil {
		a, err := app.Open(ctx, c.dbPath)
		if err != nil {
			return nil, err
		}
		c.app = a
	}
	return c.app, nil
}

// where names the archive for messages: its path, or its PostgreSQL address
// without the password.
func (c *session) where() string { return store.Redact(c.dbPath) }

// fail prints an error and returns ExitFailed. A password in the archive's
// address never reaches the terminal, even inside a library's message.
func (c *session) fail(err error) int {
	fmt.Fprintln(c.Stderr, "newsarchive:", safetext.Terminal(hidePasswords(err.Error(), c.dbPath)))
	return ExitFailed
}

// flags makes a flag set that prints its usage to stderr.
func (c *session) flags(name, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.Stderr, "usage: newsarchive [--db PATH] %s %s\n", name, usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags given before, between or after the positional
// arguments, and returns the positional ones. ok is false on a usage error.
func parseFlags(fs *flag.FlagSet, args []string) (rest []string, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, true
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// articleID reads an article id argument of command cmd; after a usage
// error it returns false.
func (c *session) articleID(cmd, arg string) (int64, bool) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintf(c.Stderr, "newsarchive: %s: %q is not an article id\n", cmd, arg)
		return 0, false
	}
	return id, true
}

// article parses the flags and the one article id of command fs, opens the
// archive and reads the article. code is -1 when all went well, else the exit
// code to return (a usage error or a failure already reported).
func (c *session) article(ctx context.Context, fs *flag.FlagSet, args []string) (a *app.App, art store.Article, code int) {
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 1 {
		fs.Usage()
		return nil, store.Article{}, ExitUsage
	}
	id, ok := c.articleID(fs.Name(), rest[0])
	if !ok {
		return nil, store.Article{}, ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return nil, store.Article{}, c.fail(err)
	}
	art, err = a.Search.Article(ctx, id)
	if err != nil {
		return nil, store.Article{}, c.articleErr(err, id)
	}
	return a, art, -1
}

// articleErr reports an error about article id, naming a missing one.
func (c *session) articleErr(err error, id int64) int {
	if errors.Is(err, store.ErrNotFound) {
		return c.fail(fmt.Errorf("no article %d in %s", id, c.where()))
	}
	return c.fail(err)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func usage(w io.Writer) {
	fmt.Fprint(w, `News Archive keeps news articles in a local archive and finds them again.

usage: newsarchive [--db ARCHIVE]              open the desktop app
       newsarchive [--db ARCHIVE] COMMAND ...  run a command without a window

The archive is ARCHIVE, else $NEWSARCHIVE_DB, else ~/.local/share/newsarchive/archive.db.
ARCHIVE is a SQLite file, or a PostgreSQL database shared by a team:
postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE...]
(libpq's options; a password is better kept in ~/.pgpass or $PGPASSWORD).

commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

// begin parses the flags of command fs, checks its positional arguments with
// valid (a usage error when it says no) and opens the archive. code is -1 when
// all went well, else the exit code to return.
func (c *session) begin(ctx context.Context, fs *flag.FlagSet, args []string, valid func(rest []string) bool) (a *app.App, rest []string, code int) {
	rest, ok := parseFlags(fs, args)
	if !ok || !valid(rest) {
		fs.Usage()
		return nil, nil, ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return nil, nil, c.fail(err)
	}
	return a, rest, -1
}

// exactly accepts n positional arguments.
func exactly(n int) func([]string) bool { return func(r []string) bool { return len(r) == n } }

// atLeast accepts n or more positional arguments.
func atLeast(n int) func([]string) bool { return func(r []string) bool { return len(r) >= n } }
