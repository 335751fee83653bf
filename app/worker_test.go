package app_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// The shared-queue tests run workers as child processes (the test binary
// in helper mode "work", see crash_test.go), kill one with SIGKILL while it
// holds a lease, and check that the others finish its batch and that every
// article is tagged exactly once.

func init() { helperModes["work"] = helperWork }

// helperWork runs a worker until the queue is empty. Its arguments are the
// batch size, the lease and a log file, to which it appends the id of every
// article it saves, one a line, once the save has committed. It prints
// "claimed ID,ID,..." after each claim and "saved N DONE TOTAL" after each
// save.
func helperWork(ctx context.Context, a *apptest.Archive, args []string, out *bufio.Writer) error {
	if len(args) != 3 {
		return fmt.Errorf("work: want batch, lease and log file, got %q", args)
	}
	batch, err := strconv.Atoi(args[0])
	if err != nil {
		return err
	}
	lease, err := time.ParseDuration(args[1])
	if err != nil {
		return err
	}
	log, err := os.OpenFile(args[2], os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer log.Close()
	var logErr error
	err = a.Tagging.Work(ctx, tagging.Options{Batch: batch, Lease: lease, Poll: 100 * time.Millisecond, ExitWhenDone: true},
		func(p tagging.Progress) {
			switch p.Event {
			case tagging.EventClaimed:
				fmt.Fprintf(out, "claimed %s\n", joinIDs(p.Claimed))
			case tagging.EventSaved:
				var b strings.Builder
				for _, id := range p.Saved {
					fmt.Fprintf(&b, "%d\n", id)
				}
				if _, err := log.WriteString(b.String()); err != nil && logErr == nil {
					logErr = err
				}
				fmt.Fprintf(out, "saved %d %d %d\n", len(p.Saved), p.Queue.Done+p.Queue.Failed, p.Queue.Total())
			}
			out.Flush()
		})
	if err == nil {
		err = logErr
	}
	return err
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

func parseIDs(t *testing.T, list string) []int64 {
	t.Helper()
	var ids []int64
	for f := range strings.FieldsFuncSeq(list, func(r rune) bool { return r == ',' || r == '\n' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatalf("bad id %q", f)
		}
		ids = append(ids, id)
	}
	return ids
}

// bbcSpread returns n files of the BBC corpus, taken evenly from its five
// sections, or the whole corpus when n <= 0.
func bbcSpread(t *testing.T, n int) []string {
	t.Helper()
	root := corpus.Path(t, "corpus", "bbc")
	if n <= 0 {
		return []string{root}
	}
	sections, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, sec := range sections {
		names, err := filepath.Glob(filepath.Join(root, sec.Name(), "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(names)
		files = append(files, names[:min(len(names), n/len(sections))]...)
	}
	return files
}

// queueRun is one run of the shared-queue test.
type queueRun struct {
	addr    string   // the archive
	files   []string // what to import
	workers int
	batch   int
	lease   time.Duration
}

func TestWorkersSharePostgresQueue(t *testing.T) {
	n, batch := 0, 16 // the whole corpus (make test's plain pass)
	switch {
	case raceEnabled():
		n, batch = 60, 4 // each child tags several times slower
	case testing.Short():
		n = 300
	}
	runQueue(t, queueRun{addr: storetest.Postgres(t), files: bbcSpread(t, n), workers: 3, batch: batch, lease: 3 * time.Second})
}

func TestWorkersShareSQLiteQueue(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	n, batch := 100, 8
	if raceEnabled() {
		n, batch = 50, 4 // each child tags several times slower
	}
	runQueue(t, queueRun{addr: db, files: bbcSpread(t, n), workers: 2, batch: batch, lease: 3 * time.Second})
}

// runQueue imports the files without tagging them, starts the workers,
// kills the first with SIGKILL once a third of the queue is done and it
// holds a batch, waits for the others to empty the queue, and checks that
// every article was tagged exactly once, the killed worker's batch by
// another, with the mentions a single clean tagging finds.
func runQueue(t *testing.T, r queueRun) {
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, r.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	rep, err := a.Importer.Import(ctx, r.files, importer.Options{})
	if err != nil || rep.Imported == 0 {
		t.Fatalf("import: %+v %v", rep.Imported, err)
	}
	list, err := a.Store.Articles(ctx, store.SortID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles in %s", len(list), store.Redact(r.addr))

	dir := t.TempDir()
	logs := make([]string, r.workers)
	helpers := make([]*helper, r.workers)
	for i := range helpers {
		logs[i] = filepath.Join(dir, fmt.Sprintf("worker%d.log", i))
		helpers[i] = startHelper(t, "work", r.addr, []string{strconv.Itoa(r.batch), r.lease.String(), logs[i]})
	}
	type exit struct {
		out string
		err error
	}
	exits := make([]chan exit, r.workers)
	for i, h := range helpers[1:] {
		exits[i+1] = make(chan exit, 1)
		go func() {
			out, err := h.wait()
			exits[i+1] <- exit{out, err}
		}()
	}

	victim := helpers[0]
	var lastBatch []int64
	savedOnce, killed := false, false
	for !killed && victim.lines.Scan() {
		line := victim.lines.Text()
		var n, done, total int
		switch {
		case strings.HasPrefix(line, "saved "):
			if _, err := fmt.Sscanf(line, "saved %d %d %d", &n, &done, &total); err == nil && n > 0 && done >= total/3 {
				savedOnce = true
			}
		case strings.HasPrefix(line, "claimed ") && savedOnce:
			lastBatch = parseIDs(t, strings.TrimPrefix(line, "claimed "))
			if err := victim.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	out, err := victim.wait()
	if !killed {
		t.Fatalf("the first worker finished (%v) before it could be killed holding a batch:\n%s%s", err, out, victim.stderr)
	}
	t.Logf("killed worker 0 holding articles %v", lastBatch)

	deadline := time.After(10 * time.Minute)
	for i := 1; i < r.workers; i++ {
		select {
		case e := <-exits[i]:
			if e.err != nil {
				t.Fatalf("worker %d: %v\n%s%s", i, e.err, e.out, helpers[i].stderr)
			}
		case <-deadline:
			t.Fatalf("worker %d still running after 10 minutes", i)
		}
	}

	q, err := a.Store.QueueStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if q.Done != len(list) || q.Waiting() != 0 || q.Failed != 0 {
		t.Errorf("queue after the workers: %+v, want all %d done", q, len(list))
	}
	by := map[int64][]int{}
	for i, l := range logs {
		data, err := os.ReadFile(l)
		if err != nil {
			t.Fatal(err)
		}
		ids := parseIDs(t, string(data))
		t.Logf("worker %d saved %d articles", i, len(ids))
		if i == 0 && len(ids) == 0 {
			t.Errorf("the killed worker saved nothing before the kill")
		}
		for _, id := range ids {
			by[id] = append(by[id], i)
		}
	}
	for _, id := range lastBatch {
		if w := by[id]; len(w) == 0 || slices.Contains(w, 0) {
			t.Errorf("article %d of the killed worker's last batch: saved by workers %v, want another", id, w)
		}
	}
	for _, l := range list {
		if w := by[l.ID]; len(w) != 1 {
			t.Errorf("article %d saved by workers %v, want exactly one", l.ID, w)
		}
		delete(by, l.ID)
	}
	if len(by) > 0 {
		t.Errorf("workers logged articles that do not exist: %v", by)
	}

	if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	byWorkers := articleMentions(t, a, list)
	if err := a.Tagging.Retag(ctx, nil); err != nil {
		t.Fatal(err)
	}
	clean := articleMentions(t, a, list)
	differ := 0
	for id, ms := range byWorkers {
		if ms != clean[id] {
			if differ++; differ <= 5 {
				t.Errorf("article %d: the workers saved mentions\n%s\na clean tagging finds\n%s", id, ms, clean[id])
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d articles differ from a clean tagging", differ, len(list))
	}
}

// articleMentions renders each article's mentions, in order, and fails on
// a mention stored twice.
func articleMentions(t *testing.T, a *apptest.Archive, list []store.ArticleListing) map[int64]string {
	t.Helper()
	out := make(map[int64]string, len(list))
	for _, l := range list {
		ms, err := a.Store.ArticleMentions(context.Background(), l.ID)
		if err != nil {
			t.Fatal(err)
		}
		lines := make([]string, len(ms))
		for i, m := range ms {
			lines[i] = fmt.Sprintf("%d-%d %s %s %q", m.Start, m.End, m.Type, m.Name, m.Text)
		}
		sort.Strings(lines)
		for i := 1; i < len(lines); i++ {
			if lines[i] == lines[i-1] {
				t.Errorf("article %d: mention %s stored twice", l.ID, lines[i])
			}
		}
		out[l.ID] = strings.Join(lines, "\n")
	}
	return out
}
