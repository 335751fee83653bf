package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store"
)

// runWorker tags articles from the archive's tagging queue until it is
// stopped (Ctrl+C or SIGTERM), or until the queue is empty with
// --exit-when-done. Several workers, on one machine or many sharing a
// PostgreSQL archive, split the queue between them.
func runWorker(ctx context.Context, c *session, args []string) int {
	fs := c.flags("worker", "[--batch N] [--lease 2m] [--exit-when-done] [--log FILE]")
	batch := fs.Int("batch", tagging.DefaultWorkBatch, "articles to claim at a time")
	lease := fs.Duration("lease", tagging.DefaultWorkLease, "how long a claimed batch stays this worker's without renewal; another worker takes it over after that if this one dies")
	poll := fs.Duration("poll", tagging.DefaultWorkPoll, "how often to look for new articles when the queue is empty")
	exitWhenDone := fs.Bool("exit-when-done", false, "stop once no article is waiting or claimed, instead of waiting for new ones")
	logPath := fs.String("log", "", "append the id of each article this worker tags to `FILE`, one a line")
	rest, ok := parseFlags(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(rest) > 0 || *batch <= 0 || *lease < time.Second || *poll <= 0 {
		fs.Usage()
		return ExitUsage
	}
	var logFile *os.File
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return c.fail(fmt.Errorf("worker log: %w", err))
		}
		defer f.Close()
		logFile = f
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	opt := tagging.Options{Owner: tagging.WorkerID(), Batch: *batch, Lease: *lease, Poll: *poll, ExitWhenDone: *exitWhenDone}
	fmt.Fprintf(c.Stdout, "worker %s on %s: batches of %d, lease %s\n", opt.Owner, c.where(), opt.Batch, opt.Lease)
	live := isTerminal(c.Stdout)
	var last tagging.Progress
	var logErr error
	idle, lost := false, 0
	err = a.Tagging.Work(ctx, opt, func(p tagging.Progress) {
		last = p
		switch p.Event {
		case tagging.EventSaved:
			idle, lost = false, lost+p.Lost
			if logFile != nil && logErr == nil {
				logErr = writeIDs(logFile, p.Saved)
			}
			if p.Queue.Total() > 0 { // 0 when stopping: no status was read
				c.workerLine(live, workerStatus(p))
			}
		case tagging.EventIdle:
			if !idle && !*exitWhenDone {
				c.workerLine(live, workerStatus(p)+" · waiting for articles")
			}
			idle = true
		}
	})
	if live {
		fmt.Fprint(c.Stdout, "\r\033[K")
	}
	stopped := err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil
	if err != nil && !stopped {
		return c.fail(err)
	}
	if logErr != nil {
		return c.fail(fmt.Errorf("worker log: %w", logErr))
	}
	secs := max(last.Elapsed.Seconds(), 1e-9)
	how := "queue empty"
	if stopped {
		how = "stopped"
	}
	fmt.Fprintf(c.Stdout, "%s: this worker tagged %d articles (%d failed, %d taken over by others) in %s: %.1f articles/s, %.0f words/s\n",
		how, last.Tagged, last.Failed, lost, last.Elapsed.Round(time.Millisecond), float64(last.Tagged)/secs, float64(last.Words)/secs)
	return ExitOK
}

// workerLine prints a progress line: redrawn in place on a terminal, one a
// line otherwise.
func (c *session) workerLine(live bool, s string) {
	if live {
		fmt.Fprint(c.Stdout, "\r\033[K"+s)
		return
	}
	fmt.Fprintln(c.Stdout, s)
}

// workerStatus sums up a worker's progress and the queue's.
func workerStatus(p tagging.Progress) string {
	q := p.Queue
	s := fmt.Sprintf("tagged %d here (%.1f/s) · queue: %d of %d done, %d waiting, %d claimed",
		p.Tagged, p.Rate(), q.Done+q.Failed, q.Total(), q.Pending, q.Leased)
	if n := len(q.Workers); n > 0 {
		s += " by " + workersText(n)
	}
	return s
}

func workersText(n int) string {
	if n == 1 {
		return "1 worker"
	}
	return fmt.Sprintf("%d workers", n)
}

// writeIDs appends ids to w, one a line, in one write.
func writeIDs(w io.Writer, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%d\n", id)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// runQueue prints where the tagging queue stands.
func runQueue(ctx context.Context, c *session, args []string) int {
	fs := c.flags("queue", "[--json]")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	rest, ok := parseFlags(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	q, err := a.Tagging.QueueStatus(ctx)
	if err != nil {
		return c.fail(err)
	}
	var failed []store.FailedTag
	if q.Failed > 0 {
		if failed, err = a.Tagging.FailedTagging(ctx, maxFailedShown); err != nil {
			return c.fail(err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(c.Stdout)
		enc.SetIndent("", "  ")
		j := queueJSON(q)
		j["failed_articles"] = failedJSON(failed)
		enc.Encode(j)
		return ExitOK
	}
	printQueue(c.Stdout, c.where(), q)
	printFailed(c.Stdout, failed, q.Failed)
	return ExitOK
}

// queueJSON is the queue status as `queue --json` prints it.
func queueJSON(q store.QueueStatus) map[string]any {
	return map[string]any{"total": q.Total(), "done": q.Done, "failed": q.Failed, "pending": q.Pending,
		"leased": q.Leased, "workers": q.Workers}
}

func printQueue(w io.Writer, where string, q store.QueueStatus) {
	pct := 100.0
	if q.Total() > 0 {
		pct = 100 * float64(q.Done+q.Failed) / float64(q.Total())
	}
	fmt.Fprintf(w, "archive:  %s\n", where)
	fmt.Fprintf(w, "tagged:   %d of %d articles (%.1f%%)", q.Done+q.Failed, q.Total(), pct)
	if q.Failed > 0 {
		fmt.Fprintf(w, ", the tagger failed on %d", q.Failed)
	}
	fmt.Fprintf(w, "\nwaiting:  %d\nclaimed:  %d, by %s\n", q.Pending, q.Leased, workersText(len(q.Workers)))
	for _, o := range q.Workers {
		fmt.Fprintf(w, "  %s\n", o)
	}
}
