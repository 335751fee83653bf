package tagging

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// openStore opens a fresh archive (on PostgreSQL when
// $NEWSARCHIVE_TEST_BACKEND is "postgres") and the tagging service over it.
func openStore(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "archive.db")
	if os.Getenv("NEWSARCHIVE_TEST_BACKEND") == "postgres" {
		addr = storetest.Postgres(t)
	}
	st, err := store.Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st), st
}

// seed stores articles given as "Title\n\nBody" texts, waiting for tagging.
func seed(t *testing.T, st *store.Store, texts ...string) {
	t.Helper()
	var arts []store.Article
	var origs []store.Original
	for i, text := range texts {
		title, body, _ := strings.Cut(text, "\n\n")
		arts = append(arts, store.Article{Title: title, Body: body, ContentHash: ingest.ContentHash(title, body),
			Origin: fmt.Sprintf("seed%d.txt", i)})
		origs = append(origs, store.Original{ContentType: "text/plain", Data: []byte(text)})
	}
	if _, errs, err := st.CreateArticles(context.Background(), arts, origs); err != nil || errors.Join(errs...) != nil {
		t.Fatalf("seed: %v %v", err, errs)
	}
}

// TestWorkerKeepsItsLease holds a batch longer than its lease: the
// renewals keep other workers off it until the holder lets go, and then
// the lease runs out and another worker claims it.
func TestWorkerKeepsItsLease(t *testing.T) {
	ctx := context.Background()
	a, st := openStore(t)
	seed(t, st, "Seed story\n\n"+string(assets.SampleArticle))
	if err := st.ResetTagging(ctx); err != nil {
		t.Fatal(err)
	}
	const lease = time.Second
	w := &worker{a: a, opt: Options{Owner: "holder", Lease: lease}.withDefaults()}
	jobs, err := st.ClaimTagging(ctx, "holder", 1, lease)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("claim: %v %v", jobs, err)
	}
	stop := w.keepLease(ctx, jobIDs(jobs))
	time.Sleep(3 * lease)
	other, err := st.ClaimTagging(ctx, "other", 1, lease)
	stop()
	if err != nil || len(other) != 0 {
		t.Fatalf("another worker claimed %v, %v, after three leases of renewals", jobIDs(other), err)
	}
	time.Sleep(lease + 100*time.Millisecond)
	if other, err = st.ClaimTagging(ctx, "other", 1, lease); err != nil || len(other) != 1 {
		t.Errorf("once the renewals stopped and the lease ran out, another worker claimed %v, %v", jobIDs(other), err)
	}
}

// TestDeadLocalWorkerTakenOver leaves a batch claimed for an hour by a
// worker of this machine whose process has ended, and by one of another
// machine: a new worker takes over the first at once and leaves the second
// to its lease.
func TestDeadLocalWorkerTakenOver(t *testing.T) {
	ctx := context.Background()
	a, st := openStore(t)
	seed(t, st, "Seed story\n\n"+string(assets.SampleArticle), "Second story\n\nAngela Merkel met Emmanuel Macron in Berlin on Monday to talk about trade.\n")
	if err := st.ResetTagging(ctx); err != nil {
		t.Fatal(err)
	}
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	dead := fmt.Sprintf("%s/%d/dead", host, ended.Process.Pid)
	remote := fmt.Sprintf("elsewhere-%s/%d/alive", host, ended.Process.Pid)
	for _, owner := range []string{dead, remote} {
		if jobs, err := st.ClaimTagging(ctx, owner, 1, time.Hour); err != nil || len(jobs) != 1 {
			t.Fatalf("claim for %s: %v %v", owner, jobs, err)
		}
	}
	if _, err := a.Tagger(); err != nil { // load the model before the clock starts
		t.Fatal(err)
	}
	opt := Options{Owner: "new", Lease: time.Minute, Poll: 10 * time.Millisecond}.withDefaults()
	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	err := a.Work(wctx, opt, nil) // runs until the timeout: the remote batch stays leased
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("work: %v", err)
	}
	q, err := a.QueueStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if q.Done != 1 || q.Leased != 1 || len(q.Workers) != 1 || q.Workers[0] != remote {
		t.Errorf("queue %+v: want the dead local worker's article tagged and the remote one still leased", q)
	}
}
