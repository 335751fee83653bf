package tagging

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/store"
)

// A worker tags articles from the archive's tagging queue (see
// store/queue.go): it claims a batch with a lease, tags it on all cores,
// renews the lease while the batch runs long, and saves what it still
// holds. Any number of workers, in this process, in other processes or on
// other machines sharing a PostgreSQL archive, share one queue; a worker
// that dies leaves its lease to run out and another takes its batch over.

// Defaults of Options.
const (
	DefaultWorkBatch = tagBatch
	DefaultWorkLease = 2 * time.Minute
	DefaultWorkPoll  = 2 * time.Second
)

// localLease is the lease of the tagging the app runs itself (TagPending):
// short, so that a GUI or CLI killed midway holds up the rest of the queue
// only briefly.
const localLease = 20 * time.Second

// rulesEvery is how often a long-running worker reads the user's
// corrections again.
const rulesEvery = 30 * time.Second

// releaseTimeout bounds the writes a stopping worker still makes.
const releaseTimeout = 10 * time.Second

// Options tune a worker.
type Options struct {
	Owner        string        // the worker's name in the queue; "" for a new WorkerID()
	Batch        int           // articles claimed at a time; 0 for DefaultWorkBatch
	Lease        time.Duration // how long a claim lasts unless renewed; 0 for DefaultWorkLease
	Poll         time.Duration // how often an idle worker looks for work; 0 for DefaultWorkPoll
	ExitWhenDone bool          // return once no article is pending or leased, instead of waiting for more
	MaxTagBytes  int           // text tagged per article; 0 for DefaultMaxTagBytes
	TagBudget    time.Duration // time per article, then it is marked failed; 0 for DefaultTagBudget
}

func (o Options) withDefaults() Options {
	if o.Owner == "" {
		o.Owner = WorkerID()
	}
	if o.Batch <= 0 {
		o.Batch = DefaultWorkBatch
	}
	if o.Lease <= 0 {
		o.Lease = DefaultWorkLease
	}
	if o.Poll <= 0 {
		o.Poll = DefaultWorkPoll
	}
	return o
}

// Event is what a worker has just done.
type Event int

// The events a worker reports.
const (
	EventClaimed Event = iota // took a batch: Claimed lists it
	EventSaved                // saved a batch: Saved lists what it still held
	EventIdle                 // found nothing to claim
)

// Progress is a worker's report after each step.
type Progress struct {
	Owner   string
	Event   Event
	Claimed []int64 // the batch just claimed (EventClaimed)
	Saved   []int64 // the articles just saved (EventSaved)
	Lost    int     // results of the batch just saved that were dropped: its lease ran out and another worker took them
	Tagged  int     // articles this worker has saved so far
	Failed  int     // of them, those the tagger failed on
	Words   int     // words in the articles it has saved
	Elapsed time.Duration
	Queue   store.QueueStatus // as of this report (EventSaved and EventIdle)
}

// Rate is the articles this worker saves a second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Tagged) / p.Elapsed.Seconds()
}

// QueueStatus tells where the tagging queue stands, whoever works on it.
func (a *Service) QueueStatus(ctx context.Context) (store.QueueStatus, error) {
	return a.st.QueueStatus(ctx)
}

// WorkerID returns a name for a new worker, unique across machines: the
// host, the process and a random part.
func WorkerID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// releaseDeadLocal gives back at once the leases of workers of this machine
// whose process has ended (a GUI or worker that crashed or was killed), so
// that their batches need not wait for the lease to run out. Workers on
// other machines are left to their leases. Should a worker be taken for
// dead wrongly (another machine of the same name), its late save is refused:
// no article is tagged twice.
func (a *Service) releaseDeadLocal(ctx context.Context) error {
	q, err := a.st.QueueStatus(ctx)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	for _, owner := range q.Workers {
		h, rest, ok := strings.Cut(owner, "/")
		pidText, _, _ := strings.Cut(rest, "/")
		pid, perr := strconv.Atoi(pidText)
		if !ok || h != host || perr != nil || pid == os.Getpid() || !processGone(pid) {
			continue
		}
		if _, err := a.st.ReleaseTagging(ctx, owner); err != nil {
			return err
		}
		a.logf("tagging: took over the batch of %s, whose process has ended", owner)
	}
	return nil
}

// Work tags articles from the queue until ctx ends or, with ExitWhenDone,
// until no article is left pending or leased (it waits for other workers'
// leases to end: a dead worker's batch is taken over). progress, if not
// nil, is called after each claim, save and idle look. When ctx ends, Work
// saves what the batch in hand has finished, gives back the leases it
// holds, and returns ctx's error.
func (a *Service) Work(ctx context.Context, opt Options, progress func(Progress)) error {
	opt = opt.withDefaults()
	t, err := a.Tagger()
	if err != nil {
		return err
	}
	if err := a.releaseDeadLocal(ctx); err != nil {
		return err
	}
	// A run that ends when the queue is empty re-decides the archive even
	// if it saved nothing: a run killed between its last save and its
	// resolution left the archive unresolved (a resolution over evidence
	// this process already resolved is skipped).
	w := &worker{a: a, opt: opt, tagger: t, progress: progress, start: time.Now(), unresolved: opt.ExitWhenDone}
	w.p.Owner = opt.Owner
	err = w.run(ctx)
	if err != nil && ctx.Err() != nil {
		// A statement cut short by the end of ctx fails in its own words
		// (a rolled-back transaction, say): the cause is the stop.
		err = ctx.Err()
	}
	if err != nil {
		// Give back what is still held, so others need not wait for the lease.
		sctx, cancel := stopping(ctx)
		defer cancel()
		if _, rerr := a.st.ReleaseTagging(sctx, opt.Owner); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}
	return err
}

// worker is one Work call.
type worker struct {
	a        *Service
	opt      Options
	tagger   *ner.Tagger
	progress func(Progress)
	start    time.Time

	rules  *rules
	loaded time.Time
	p      Progress

	unresolved bool // saved a batch since the archive was last re-decided
}

func (w *worker) run(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if w.rules == nil || time.Since(w.loaded) > rulesEvery {
			r, err := w.a.loadRules(ctx)
			if err != nil {
				return err
			}
			w.rules, w.loaded = r, time.Now()
		}
		jobs, err := w.a.st.ClaimTagging(ctx, w.opt.Owner, w.opt.Batch, w.opt.Lease)
		if err != nil {
			return err
		}
		if len(jobs) == 0 {
			q, err := w.a.st.QueueStatus(ctx)
			if err != nil {
				return err
			}
			if q.Waiting() == 0 && w.unresolved {
				// The queue is empty and this worker saved since it last
				// re-decided the archive: re-decide it (resolve.go). Every
				// worker that saved does, so the last save is always
				// followed by a decision over the whole archive. A
				// resolution outpaced by other writers is tried again when
				// the queue is next empty (a worker that would exit waits
				// for it); one over unchanged evidence is skipped.
				_, err := w.a.resolve(ctx, true)
				switch {
				case errors.Is(err, store.ErrResolveOutpaced):
				case err != nil:
					return err
				default:
					w.unresolved = false
				}
			}
			w.report(EventIdle, func(p *Progress) { p.Queue = q })
			if w.opt.ExitWhenDone && q.Waiting() == 0 && !w.unresolved {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(w.opt.Poll):
			}
			continue
		}
		w.report(EventClaimed, func(p *Progress) { p.Claimed = jobIDs(jobs) })
		if err := w.batch(ctx, jobs); err != nil {
			return err
		}
	}
}

// batch tags jobs, renewing their lease meanwhile, and saves them.
func (w *worker) batch(ctx context.Context, jobs []store.TagJob) error {
	words := make(map[int64]int, len(jobs))
	for _, j := range jobs {
		words[j.ArticleID] = countWords(j.Body)
	}
	stop := w.keepLease(ctx, jobIDs(jobs))
	results := tagAll(ctx, w.tagger, w.rules, jobs, w.opt.bounds())
	stop()
	saveCtx := ctx
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		saveCtx, cancel = stopping(ctx)
		defer cancel()
		// Stopping: keep what is finished, the rest goes back to the queue.
		finished := results[:0]
		for _, r := range results {
			if r.ArticleID != 0 {
				finished = append(finished, r)
			}
		}
		results = finished
	}
	saved, err := w.a.st.SaveClaimed(saveCtx, w.opt.Owner, results)
	if err != nil {
		return err
	}
	if len(saved) > 0 {
		w.unresolved = true
	}
	var q store.QueueStatus
	if w.progress != nil && ctx.Err() == nil {
		if q, err = w.a.st.QueueStatus(ctx); err != nil {
			return err
		}
	}
	failed := map[int64]bool{}
	for _, r := range results {
		if r.Err != nil {
			failed[r.ArticleID] = true
		}
	}
	w.report(EventSaved, func(p *Progress) {
		p.Saved, p.Lost, p.Queue = saved, len(results)-len(saved), q
		p.Tagged += len(saved)
		for _, id := range saved {
			p.Words += words[id]
			if failed[id] {
				p.Failed++
			}
		}
	})
	return ctx.Err()
}

// keepLease renews the worker's lease every third of it until the returned
// function is called. A renewal that fails is tried again at the next tick;
// a lease that runs out meanwhile only costs the batch (SaveClaimed drops
// it), never a second tagging.
func (w *worker) keepLease(ctx context.Context, ids []int64) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(max(w.opt.Lease/3, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if _, err := w.a.st.ExtendLease(ctx, w.opt.Owner, ids, w.opt.Lease); err != nil && ctx.Err() == nil {
					w.a.logf("worker %s: renew lease: %v", w.opt.Owner, err)
				}
			}
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}

// stopping returns a context for the last writes of a worker whose ctx may
// have ended.
func stopping(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
}

// report updates the worker's progress and hands a copy to its callback.
func (w *worker) report(ev Event, update func(p *Progress)) {
	w.p.Event, w.p.Claimed, w.p.Saved, w.p.Lost = ev, nil, nil, 0
	update(&w.p)
	w.p.Elapsed = time.Since(w.start)
	if w.progress != nil {
		w.progress(w.p)
	}
}

func jobIDs(jobs []store.TagJob) []int64 {
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.ArticleID
	}
	return ids
}

// countWords counts the runs of letters and digits in s.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// FailedTagging lists up to limit articles the tagger failed on (over
// their time budget, say), newest first, with the reason.
func (a *Service) FailedTagging(ctx context.Context, limit int) ([]store.FailedTag, error) {
	return a.st.FailedTagging(ctx, limit)
}
