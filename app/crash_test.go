package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/store"
)

// Crash tests run the work in a child process, the test binary itself
// re-executed in a helper mode (see TestHelperProcess), and kill it with
// SIGKILL at random moments. This needs no GUI binary and no cgo.
const (
	envHelper    = "NEWSARCHIVE_TEST_HELPER"    // helper mode: a key of helperModes
	envHelperDB  = "NEWSARCHIVE_TEST_DB"        // archive the helper opens
	envHelperArg = "NEWSARCHIVE_TEST_ARGS"      // the mode's arguments, separated by os.PathListSeparator
	envCrashTest = "NEWSARCHIVE_CRASHTEST"      // "full" for 20 kills per phase instead of 3; any value runs these tests under -race
	envCrashSeed = "NEWSARCHIVE_CRASHTEST_SEED" // replays the kill moments of an earlier run
)

// helperModes are the kinds of work a child process can do. Each prints
// "progress DONE TOTAL" lines to out as it goes.
var helperModes = map[string]func(ctx context.Context, a *apptest.Archive, args []string, out *bufio.Writer) error{
	"import": helperImport,
	"search": helperSearch,
	"tag":    helperTag,
}

// crashPhase is a long write a crash may interrupt: the helper mode doing it
// in a child process, and the check that the archive is right once the same
// work has been run again to the end. A new phase (entity tagging, say) is
// one more entry in crashPhases with its own helper mode (printing progress
// lines) and a prepare step that builds the archive it starts from.
type crashPhase struct {
	name    string                                       // helper mode
	args    func(t *testing.T) []string                  // its arguments
	prepare func(t *testing.T, db string)                // fills the new archive before the kills; nil for none
	finish  func(t *testing.T, db string, args []string) // re-run to the end and check the result
}

var crashPhases = []crashPhase{
	{name: "import", args: bbcArgs, finish: finishBBCImport},
	{name: "tag", args: bbcSectionArgs, prepare: importArgs(bbcSectionArgs), finish: finishTagging},
}

// bbcSectionArgs names one section of the BBC corpus: enough articles for
// kills to land while tagging, few enough to tag quickly.
func bbcSectionArgs(t *testing.T) []string {
	return []string{corpus.Path(t, "corpus", "bbc", "business")}
}

// importArgs returns a prepare step importing the phase's arguments without
// tagging them.
func importArgs(args func(t *testing.T) []string) func(t *testing.T, db string) {
	return func(t *testing.T, db string) {
		a, err := apptest.OpenAt(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		if rep, err := a.Importer.Import(context.Background(), args(t), importer.Options{}); err != nil || rep.Imported == 0 {
			t.Fatalf("prepare: %+v %v", rep, err)
		}
	}
}

// helperTag tags the articles waiting for entities; the arguments are unused.
func helperTag(ctx context.Context, a *apptest.Archive, _ []string, out *bufio.Writer) error {
	return a.Tagging.TagPending(ctx, func(done, total int) {
		fmt.Fprintf(out, "progress %d %d\n", done, total)
		out.Flush()
	})
}

// finishTagging resumes the interrupted tagging and checks that every
// article ends up tagged once, exactly as an uninterrupted run tags it.
func finishTagging(t *testing.T, db string, args []string) {
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	done, total, err := a.Tagging.TaggingProgress(ctx)
	if err != nil || done != total || total == 0 {
		t.Fatalf("after resuming: %d of %d tagged, %v", done, total, err)
	}
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	resumed := mentionCounts(t, a)
	if err := a.Tagging.Retag(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if again := mentionCounts(t, a); again != resumed {
		t.Errorf("resumed tagging found %s, a clean run %s", resumed, again)
	}
}

// mentionCounts sums an archive's entities and mentions.
func mentionCounts(t *testing.T, a *apptest.Archive) string {
	t.Helper()
	es, err := a.Tagging.Entities(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		n += e.Mentions
	}
	return fmt.Sprintf("%d entities, %d mentions", len(es), n)
}

func bbcArgs(t *testing.T) []string { return []string{corpus.Path(t, "corpus", "bbc")} }

// TestHelperProcess is not a test: it runs the helper mode named by
// $NEWSARCHIVE_TEST_HELPER in a child process and exits.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(envHelper)
	if mode == "" {
		t.Skip("helper process for the crash and concurrency tests")
	}
	run, ok := helperModes[mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown helper mode %q\n", mode)
		os.Exit(2)
	}
	ctx := context.Background()
	out := bufio.NewWriter(os.Stdout)
	a, err := apptest.OpenAt(ctx, os.Getenv(envHelperDB))
	if err == nil {
		err = run(ctx, a, filepath.SplitList(os.Getenv(envHelperArg)), out)
		if cerr := a.Close(); err == nil {
			err = cerr
		}
	}
	out.Flush()
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func helperImport(ctx context.Context, a *apptest.Archive, args []string, out *bufio.Writer) error {
	rep, err := a.Importer.Import(ctx, args, importer.Options{OnProgress: func(p importer.Progress) {
		fmt.Fprintf(out, "progress %d %d\n", p.Done, p.Total)
		out.Flush()
	}})
	fmt.Fprintf(out, "imported %d duplicates %d failed %d\n", rep.Imported, rep.Duplicates, rep.Failed)
	for _, r := range rep.Results {
		if r.Status == importer.StatusFailed {
			fmt.Fprintf(out, "failed %s: %s\n", r.Path, r.Error)
		}
	}
	return err
}

// helper is a running child process in a helper mode.
type helper struct {
	cmd    *exec.Cmd
	lines  *bufio.Scanner   // its standard output
	stdin  io.WriteCloser   // closing it stops a searching helper
	stderr *strings.Builder // complete once wait returns
}

// startHelper starts the test binary as a helper in the given mode.
func startHelper(t *testing.T, mode, db string, args []string) *helper {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelper+"="+mode, envHelperDB+"="+db,
		envHelperArg+"="+strings.Join(args, string(os.PathListSeparator)))
	h := &helper{cmd: cmd, stderr: &strings.Builder{}}
	cmd.Stderr = h.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if h.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start helper %s: %v", mode, err)
	}
	t.Cleanup(func() { cmd.Process.Kill() }) // in case the test ends early; harmless once it has exited
	h.lines = bufio.NewScanner(stdout)
	return h
}

// wait reads the rest of the helper's output, returns the lines that are
// not progress reports, and waits for it to exit.
func (h *helper) wait() (string, error) {
	var out strings.Builder
	for h.lines.Scan() {
		if !strings.HasPrefix(h.lines.Text(), "progress ") {
			out.WriteString(h.lines.Text() + "\n")
		}
	}
	return out.String(), h.cmd.Wait()
}

// skipSlow skips a test that imports the BBC corpus in child processes,
// with -short and under the race detector (which makes each import take
// minutes), unless $NEWSARCHIVE_CRASHTEST is set.
func skipSlow(t *testing.T) {
	t.Helper()
	if os.Getenv(envCrashTest) != "" {
		return
	}
	if testing.Short() {
		t.Skip("imports the BBC corpus in child processes; skipped with -short")
	}
	if raceEnabled() {
		t.Skip("imports the BBC corpus in child processes, too slow under -race; run without -race or set " + envCrashTest + "=1")
	}
}

// raceEnabled reports whether the test binary was built with -race.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// TestCrashSafety kills each phase's child at random moments: after every
// kill the archive is sound and every article whole, and running the same
// work again finishes it. NEWSARCHIVE_CRASHTEST=full kills 20 times.
func TestCrashSafety(t *testing.T) {
	skipSlow(t)
	kills := 3
	if os.Getenv(envCrashTest) == "full" {
		kills = 20
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(envCrashSeed); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("kill moments from %s=%d", envCrashSeed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	for _, ph := range crashPhases {
		t.Run(ph.name, func(t *testing.T) {
			args := ph.args(t)
			db := filepath.Join(t.TempDir(), "archive.db")
			if ph.prepare != nil {
				ph.prepare(t, db)
			}
			for k := range kills {
				crashOnce(t, ph, db, args, rng, k, kills)
				verifyArchive(t, db)
				if t.Failed() {
					t.Fatalf("archive broken after kill %d", k+1)
				}
			}
			ph.finish(t, db, args)
		})
	}
}

// crashOnce runs the phase in a child and kills it in the k-th of kills
// equal stretches of its progress, after a random further delay that lands
// the kill while it parses, writes or commits.
func crashOnce(t *testing.T, ph crashPhase, db string, args []string, rng *rand.Rand, k, kills int) {
	t.Helper()
	h := startHelper(t, ph.name, db, args)
	target := -1
	killed := false
	for h.lines.Scan() {
		var done, total int
		if _, err := fmt.Sscanf(h.lines.Text(), "progress %d %d", &done, &total); err != nil {
			continue
		}
		if target < 0 && total > 0 {
			lo, hi := k*total/kills, (k+1)*total/kills
			target = lo + rng.IntN(max(hi-lo, 1))
		}
		if target >= 0 && done >= target {
			time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
			if err := h.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Logf("kill %d: %v", k+1, err)
			}
			killed = true
			t.Logf("kill %d at %d/%d files", k+1, done, total)
			break
		}
	}
	out, err := h.wait()
	switch {
	case !killed && err != nil:
		t.Fatalf("helper failed before the kill: %v\n%s%s", err, out, h.stderr)
	case !killed:
		t.Logf("kill %d: the child finished first", k+1)
	}
}

// verifyArchive opens the archive in this process: SQLite's and the
// full-text index's checks pass, every article is whole, and its original
// parses to the same content hash.
func verifyArchive(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer a.Close()
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if p, err := a.Store.VerifyArticles(ctx, ingest.ContentHash); err != nil || len(p) > 0 {
		t.Errorf("verify articles: %v %v", p, err)
	}
	checkOriginals(t, a, reparseAfterKill)
}

// reparseAfterKill is how many of the newest articles checkOriginals parses
// again after a kill: those of the last batches, where a kill lands.
const reparseAfterKill = 4 * importer.BatchSize

// checkOriginals checks that no file is stored twice and parses the
// originals of the newest reparse articles (all when reparse < 0) again:
// each gives the stored content hash. It returns the number of articles.
func checkOriginals(t *testing.T, a *apptest.Archive, reparse int) int {
	t.Helper()
	ctx := context.Background()
	list, err := a.Store.Articles(ctx, store.SortID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	origins := map[string]int64{}
	for i, l := range list {
		art, err := a.Store.Article(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if prev, ok := origins[art.Origin]; ok {
			t.Errorf("%s stored twice: articles %d and %d", art.Origin, prev, art.ID)
		}
		origins[art.Origin] = art.ID
		if reparse >= 0 && i < len(list)-reparse {
			continue
		}
		orig, err := a.Store.Original(ctx, art.ID)
		if err != nil {
			t.Errorf("article %d: %v", art.ID, err)
			continue
		}
		if orig.ContentType != "text/plain" {
			continue // other parsers are checked by their own packages
		}
		re, err := ingest.ParseText(orig.Data)
		if err != nil || ingest.ContentHash(re.Title, re.Body) != art.ContentHash {
			t.Errorf("article %d: its original no longer gives its text (%v)", art.ID, err)
		}
	}
	return len(list)
}

// finishBBCImport runs the interrupted import again to the end: the archive
// then holds the corpus's 2,127 distinct articles, each once.
func finishBBCImport(t *testing.T, db string, args []string) {
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	rep, err := a.Importer.Import(ctx, args, importer.Options{})
	if err != nil || rep.Failed != 0 || rep.Imported+rep.Duplicates != 2225 {
		t.Fatalf("re-run: imported %d, duplicates %d, failed %d, %v", rep.Imported, rep.Duplicates, rep.Failed, err)
	}
	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if p, err := a.Store.VerifyArticles(ctx, ingest.ContentHash); err != nil || len(p) > 0 {
		t.Errorf("verify articles: %v %v", p, err)
	}
	if n := checkOriginals(t, a, -1); n != 2127 {
		t.Errorf("%d articles after the re-run, want 2127", n)
	}
	t.Logf("re-run imported the %d articles the kills had left out", rep.Imported)
}
