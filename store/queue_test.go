package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"
)

// queueArticles creates n articles, each naming one organisation, and
// returns their ids.
func queueArticles(t testing.TB, s *Store, n int) []int64 {
	t.Helper()
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = newArticle(fmt.Sprintf("Queued %d", i), fmt.Sprintf("Acme%d said so on day %d.", i%5, i))
	}
	return mustCreate(t, s, arts...)
}

// tagged is what a tagger would find in jobs: the organisation each names.
func tagged(jobs []TagJob) []Tagged {
	out := make([]Tagged, len(jobs))
	for i, j := range jobs {
		name := j.Body[:5]
		out[i] = Tagged{ArticleID: j.ArticleID, Model: "test", Mentions: []Mention{{Start: 0, End: 5, Text: name, Name: name, Type: "ORG"}}}
	}
	return out
}

func jobIDs(jobs []TagJob) []int64 {
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.ArticleID
	}
	return ids
}

func mustClaim(t *testing.T, s *Store, owner string, limit int, lease time.Duration) []TagJob {
	t.Helper()
	jobs, err := s.ClaimTagging(context.Background(), owner, limit, lease)
	if err != nil {
		t.Fatalf("claim by %s: %v", owner, err)
	}
	return jobs
}

func mustStatus(t *testing.T, s *Store) QueueStatus {
	t.Helper()
	q, err := s.QueueStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestClaimsAreDisjoint(t *testing.T) {
	s := openTest(t)
	ids := queueArticles(t, s, 10)
	if q := mustStatus(t, s); !reflect.DeepEqual(q, QueueStatus{Pending: 10, Workers: []string{}}) {
		t.Errorf("before any claim: %+v", q)
	}
	a := mustClaim(t, s, "a", 4, time.Hour)
	b := mustClaim(t, s, "b", 4, time.Hour)
	c := mustClaim(t, s, "c", 4, time.Hour)
	tests := []struct {
		owner string
		jobs  []TagJob
		want  []int64
	}{
		{"a", a, ids[:4]},
		{"b", b, ids[4:8]},
		{"c", c, ids[8:]},
	}
	for _, tt := range tests {
		if got := jobIDs(tt.jobs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s claimed %v, want %v", tt.owner, got, tt.want)
		}
		for _, j := range tt.jobs {
			if j.Body == "" {
				t.Errorf("%s: article %d claimed without its body", tt.owner, j.ArticleID)
			}
		}
	}
	if d := mustClaim(t, s, "d", 4, time.Hour); len(d) != 0 || d == nil {
		t.Errorf("d claimed %v from a queue all leased, want an empty list", jobIDs(d))
	}
	want := QueueStatus{Leased: 10, Workers: []string{"a", "b", "c"}}
	if q := mustStatus(t, s); !reflect.DeepEqual(q, want) {
		t.Errorf("status = %+v, want %+v", q, want)
	}
	saved, err := s.SaveClaimed(context.Background(), "b", tagged(b))
	if err != nil || !reflect.DeepEqual(saved, ids[4:8]) {
		t.Fatalf("b saved %v, %v; want %v", saved, err, ids[4:8])
	}
	want = QueueStatus{Leased: 6, Done: 4, Workers: []string{"a", "c"}}
	if q := mustStatus(t, s); !reflect.DeepEqual(q, want) {
		t.Errorf("after b saved: status = %+v, want %+v", q, want)
	}
	done, total, err := s.TaggingProgress(context.Background())
	if err != nil || done != 4 || total != 10 {
		t.Errorf("progress = %d of %d, %v", done, total, err)
	}
}

func TestClaimRefusesBadArguments(t *testing.T) {
	s := openTest(t)
	queueArticles(t, s, 1)
	tests := []struct {
		owner string
		limit int
		lease time.Duration
	}{
		{"", 1, time.Minute},
		{"a", 0, time.Minute},
		{"a", 1, 0},
	}
	for _, tt := range tests {
		if jobs, err := s.ClaimTagging(context.Background(), tt.owner, tt.limit, tt.lease); err == nil {
			t.Errorf("ClaimTagging(%q, %d, %s) = %v, want an error", tt.owner, tt.limit, tt.lease, jobIDs(jobs))
		}
	}
	if _, err := s.SaveClaimed(context.Background(), "", nil); err == nil {
		t.Error("SaveClaimed without an owner: no error")
	}
}

// expire waits until leases of d have run out on both clocks.
func expire(d time.Duration) { time.Sleep(d + 30*time.Millisecond) }

func TestExpiredLeaseIsClaimedAgainAndStaleSaveRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := queueArticles(t, s, 3)
	const short = 5 * time.Millisecond
	old := mustClaim(t, s, "old", 2, short)
	expire(short)
	if q := mustStatus(t, s); q.Pending != 3 || q.Leased != 0 || len(q.Workers) != 0 {
		t.Errorf("after the lease ran out: %+v, want all 3 pending and no worker", q)
	}
	taker := mustClaim(t, s, "new", 2, time.Hour)
	if got := jobIDs(taker); !reflect.DeepEqual(got, ids[:2]) || !reflect.DeepEqual(got, jobIDs(old)) {
		t.Fatalf("the new owner claimed %v, want the expired batch %v", got, jobIDs(old))
	}
	if held, err := s.ExtendLease(ctx, "old", jobIDs(old), time.Hour); err != nil || len(held) != 0 {
		t.Errorf("the old owner extended %v, %v; want nothing held", held, err)
	}
	saved, err := s.SaveClaimed(ctx, "old", tagged(old))
	if err != nil || len(saved) != 0 {
		t.Fatalf("the old owner saved %v, %v; want its save refused", saved, err)
	}
	if ms, _ := s.ArticleMentions(ctx, ids[0]); len(ms) != 0 {
		t.Errorf("a refused save left mentions: %v", ms)
	}
	if saved, err = s.SaveClaimed(ctx, "new", tagged(taker)); err != nil || !reflect.DeepEqual(saved, ids[:2]) {
		t.Fatalf("the new owner saved %v, %v", saved, err)
	}
	if saved, err = s.SaveClaimed(ctx, "new", tagged(taker)); err != nil || len(saved) != 0 {
		t.Errorf("saving again saved %v, %v; want nothing (already done)", saved, err)
	}
	for _, id := range ids[:2] {
		if ms, err := s.ArticleMentions(ctx, id); err != nil || len(ms) != 1 {
			t.Errorf("article %d: mentions %v, %v; want one", id, ms, err)
		}
	}
	if es, err := s.Entities(ctx, "", 0, 0); err != nil || len(es) != 2 {
		t.Errorf("entities = %v, %v; want Acme0 and Acme1", es, err)
	}
}

func TestExtendAndReleaseLease(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := queueArticles(t, s, 4)
	const short = 5 * time.Millisecond
	a := mustClaim(t, s, "a", 2, short)
	expire(short)
	held, err := s.ExtendLease(ctx, "a", nil, time.Hour)
	if err != nil || !reflect.DeepEqual(held, jobIDs(a)) {
		t.Fatalf("extend = %v, %v; want %v (an expired lease no one took is still a's)", held, err, jobIDs(a))
	}
	if held, err := s.ExtendLease(ctx, "a", append(jobIDs(a)[1:], ids[3]), time.Hour); err != nil || !reflect.DeepEqual(held, jobIDs(a)[1:]) {
		t.Errorf("extend of some ids = %v, %v; want %v (only those named and held)", held, err, jobIDs(a)[1:])
	}
	if b := mustClaim(t, s, "b", 4, time.Hour); !reflect.DeepEqual(jobIDs(b), ids[2:]) {
		t.Errorf("b claimed %v beside a's extended lease, want %v", jobIDs(b), ids[2:])
	}
	n, err := s.ReleaseTagging(ctx, "a")
	if err != nil || n != 2 {
		t.Fatalf("release = %d, %v; want 2", n, err)
	}
	if c := mustClaim(t, s, "c", 4, time.Hour); !reflect.DeepEqual(jobIDs(c), ids[:2]) {
		t.Errorf("after a released its lease c claimed %v, want %v", jobIDs(c), ids[:2])
	}
	if saved, err := s.SaveClaimed(ctx, "a", tagged(a)); err != nil || len(saved) != 0 {
		t.Errorf("a saved %v after releasing, %v", saved, err)
	}
	if _, err := s.ExtendLease(ctx, "", nil, time.Hour); err == nil {
		t.Error("ExtendLease without an owner: no error")
	}
}

func TestFailedResultEndsTheLease(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	queueArticles(t, s, 2)
	jobs := mustClaim(t, s, "a", 2, time.Hour)
	res := tagged(jobs)
	res[1].Err, res[1].Mentions = errors.New("tagger broke"), nil
	if saved, err := s.SaveClaimed(ctx, "a", res); err != nil || len(saved) != 2 {
		t.Fatalf("saved %v, %v", saved, err)
	}
	want := QueueStatus{Done: 1, Failed: 1, Workers: []string{}}
	if q := mustStatus(t, s); !reflect.DeepEqual(q, want) {
		t.Errorf("status = %+v, want %+v", q, want)
	}
	if err := s.ResetTagging(ctx); err != nil {
		t.Fatal(err)
	}
	if again := mustClaim(t, s, "b", 5, time.Hour); len(again) != 2 {
		t.Errorf("after a reset b claimed %v, want both (a saved lease must not linger)", jobIDs(again))
	}
}

// TestConcurrentClaimers runs workers in goroutines, each with its own
// archive connection as separate machines would have, claiming and saving
// small batches until the queue is empty: no article is claimed by two of
// them, and every one is saved exactly once.
func TestConcurrentClaimers(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const n, workers, batch = 120, 4, 7
	ids := queueArticles(t, s, n)
	stores := []*Store{s}
	for range workers - 1 {
		if !s.Postgres() {
			stores = append(stores, s) // one SQLite file, one writer per process
			continue
		}
		o, err := Open(ctx, s.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Close() })
		stores = append(stores, o)
	}
	var mu sync.Mutex
	claimedBy := map[int64]string{}
	savedBy := map[int64][]string{}
	var wg sync.WaitGroup
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for w, st := range stores {
		owner := fmt.Sprintf("w%d", w)
		wg.Go(func() {
			for {
				jobs, err := st.ClaimTagging(ctx, owner, batch, time.Hour)
				if err != nil {
					fail(err)
					return
				}
				if len(jobs) == 0 {
					return
				}
				mu.Lock()
				for _, j := range jobs {
					if prev, ok := claimedBy[j.ArticleID]; ok {
						errs = append(errs, fmt.Errorf("article %d claimed by %s and %s", j.ArticleID, prev, owner))
					}
					claimedBy[j.ArticleID] = owner
				}
				mu.Unlock()
				saved, err := st.SaveClaimed(ctx, owner, tagged(jobs))
				if err != nil {
					fail(err)
					return
				}
				mu.Lock()
				for _, id := range saved {
					savedBy[id] = append(savedBy[id], owner)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, err := range errs[:min(len(errs), 10)] {
		t.Error(err)
	}
	for _, id := range ids {
		if got := savedBy[id]; len(got) != 1 {
			t.Errorf("article %d saved by %v, want exactly one worker", id, got)
		}
	}
	if q := mustStatus(t, s); q.Done != n || q.Waiting() != 0 {
		t.Errorf("status = %+v, want all %d done", q, n)
	}
	owners := map[string]bool{}
	for _, o := range claimedBy {
		owners[o] = true
	}
	t.Logf("%d workers took part", len(owners))
	var mentions int
	for _, id := range ids {
		ms, err := s.ArticleMentions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		mentions += len(ms)
	}
	if mentions != n {
		t.Errorf("%d mentions, want one per article (%d)", mentions, n)
	}
	es, err := s.Entities(ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, 0, len(es))
	for _, e := range es {
		counts = append(counts, e.Mentions)
	}
	slices.Sort(counts)
	if want := []int{n / 5, n / 5, n / 5, n / 5, n / 5}; !reflect.DeepEqual(counts, want) {
		t.Errorf("entity mention counts %v, want %v", counts, want)
	}
}
