package tagging

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/store"
)

// TaggerModel names the entity model; it is stored with each tagged article.
const TaggerModel = "newsarchive-gmb-1"

// tagBatch is how many articles are tagged between two writes.
const tagBatch = 128

// tagging runs entity tagging in the background, one run at a time.
type tagging struct {
	once   sync.Once
	tagger *ner.Tagger
	err    error

	mu      sync.Mutex
	running bool
	again   bool
	done    chan struct{} // closed when the current run ends

}

// Tagger returns the entity tagger, loading its model on first use.
func (a *Service) Tagger() (*ner.Tagger, error) {
	a.tag.once.Do(func() {
		a.tag.tagger, a.tag.err = LoadModel()
	})
	return a.tag.tagger, a.tag.err
}

// TaggingProgress counts the articles whose entities are known, and all.
func (a *Service) TaggingProgress(ctx context.Context) (done, total int, err error) {
	return a.st.TaggingProgress(ctx)
}

// StartTagging tags the articles waiting for entities in the background and
// returns at once; a call while a run is going makes it look again for new
// articles when it ends. Wait blocks until no run is going.
func (a *Service) StartTagging(ctx context.Context) {
	a.tag.mu.Lock()
	defer a.tag.mu.Unlock()
	if a.tag.running {
		a.tag.again = true
		return
	}
	a.tag.running = true
	a.tag.done = make(chan struct{})
	go func() {
		for {
			err := a.TagPending(ctx, nil)
			if err != nil && ctx.Err() == nil {
				a.logf("tagging: %v", err)
			}
			a.tag.mu.Lock()
			if !a.tag.again || ctx.Err() != nil {
				a.tag.running = false
				close(a.tag.done)
				a.tag.mu.Unlock()
				return
			}
			a.tag.again = false
			a.tag.mu.Unlock()
		}
	}()
}

// TaggingRunning reports whether this process is tagging (StartTagging's
// run is going).
func (a *Service) TaggingRunning() bool {
	a.tag.mu.Lock()
	defer a.tag.mu.Unlock()
	return a.tag.running
}

// WaitTagging blocks until background tagging has finished or ctx ends.
func (a *Service) WaitTagging(ctx context.Context) error {
	a.tag.mu.Lock()
	done := a.tag.done
	a.tag.mu.Unlock()
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TagPending tags every article waiting for entities, on all cores, and
// returns when none is left. It is a worker on the archive's tagging queue
// (see Work) under a name of its own, so it shares the queue safely with
// other processes tagging the same archive: it claims batches with a short
// lease, and waits for the batches other workers hold to be saved, or their
// leases to run out and be taken over. progress, if not nil, is called after
// each batch with the articles tagged so far and the total.
func (a *Service) TagPending(ctx context.Context, progress func(done, total int)) error {
	var report func(Progress)
	if progress != nil {
		report = func(p Progress) {
			if p.Event == EventSaved && p.Queue.Total() > 0 {
				progress(p.Queue.Done+p.Queue.Failed, p.Queue.Total())
			}
		}
	}
	opt := Options{Batch: tagBatch, Lease: localLease, Poll: time.Second, ExitWhenDone: true}
	return a.Work(ctx, opt, report)
}

// Retag marks every article for tagging again (after a model change) and
// tags them all; corrections apply as before.
func (a *Service) Retag(ctx context.Context, progress func(done, total int)) error {
	if err := a.st.ResetTagging(ctx); err != nil {
		return err
	}
	return a.TagPending(ctx, progress)
}

// tagAll tags a batch of articles on all cores with one shared model,
// each within b. An article left unfinished when ctx ends has a zero
// result (ArticleID 0).
func tagAll(ctx context.Context, t *ner.Tagger, rules *rules, jobs []store.TagJob, b bounds) []store.Tagged {
	out := make([]store.Tagged, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = tagOne(ctx, t, rules, jobs[i], b)
			}
		}()
	}
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func tagOne(ctx context.Context, t *ner.Tagger, rules *rules, job store.TagJob, b bounds) (res store.Tagged) {
	res = store.Tagged{ArticleID: job.ArticleID, Model: TaggerModel}
	defer func() {
		if r := recover(); r != nil {
			res.Mentions, res.Err = nil, fmt.Errorf("tagger failed: %v", r)
		}
	}()
	ents, ok, err := tagBounded(ctx, t, rules.gazetteer, job.Body, b)
	if !ok {
		return store.Tagged{}
	}
	if err != nil {
		res.Err = err
		return res
	}
	for _, e := range ents {
		name, typ, ok := rules.resolve(job.ArticleID, e)
		if ok {
			m := store.Mention{Start: e.Start, End: e.End, Text: e.Text, Name: name, Type: typ}
			if typ == e.Type && name == e.Canonical {
				m.Cue = e.Cue // a user's rule that renames or retypes the name leaves no cue
			}
			res.Mentions = append(res.Mentions, m)
		}
	}
	res.Mentions = append(res.Mentions, rules.added(job, res.Mentions)...)
	return res
}

func (a *Service) logf(format string, args ...any) {
	if a.Log != nil {
		a.Log(fmt.Sprintf(format, args...))
	}
}
