package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// queuedArchive imports the seed and n small stories without tagging them.
func queuedArchive(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "a.db")
	dir := t.TempDir()
	paths := []string{seedFile(t)}
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("story%d.txt", i))
		body := fmt.Sprintf("Story %d\n\nOfficials from Acme Holdings met Jane Porter in Lisbon on day %d.\n", i, i)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if code, out, errs := run(t, db, append([]string{"import", "--no-tag"}, paths...)...); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	return db
}

func queueStatus(t *testing.T, db string) map[string]any {
	t.Helper()
	code, out, errs := run(t, db, "queue", "--json")
	var q map[string]any
	if err := json.Unmarshal([]byte(out), &q); code != ExitOK || err != nil {
		t.Fatalf("queue --json: %d %v %s %s", code, err, out, errs)
	}
	return q
}

func TestWorkerTagsTheQueueOnce(t *testing.T) {
	db := queuedArchive(t, 4)
	if q := queueStatus(t, db); q["total"] != 5.0 || q["pending"] != 5.0 || q["done"] != 0.0 {
		t.Fatalf("before the worker: %v", q)
	}
	code, out, _ := run(t, db, "queue")
	if code != ExitOK || !strings.Contains(out, "tagged:   0 of 5 articles") || !strings.Contains(out, "waiting:  5") {
		t.Errorf("queue: %d\n%s", code, out)
	}
	logPath := filepath.Join(t.TempDir(), "worker.log")
	code, out, errs := run(t, db, "worker", "--exit-when-done", "--batch", "2", "--log", logPath)
	if code != ExitOK {
		t.Fatalf("worker: %d %s %s", code, out, errs)
	}
	for _, want := range []string{"batches of 2, lease 2m0s", "queue: 2 of 5 done", "queue: 5 of 5 done, 0 waiting",
		"queue empty: this worker tagged 5 articles (0 failed, 0 taken over by others)"} {
		if !strings.Contains(out, want) {
			t.Errorf("worker output lacks %q:\n%s", want, out)
		}
	}
	if got := loggedIDs(t, logPath); !slices.Equal(got, []int64{1, 2, 3, 4, 5}) {
		t.Errorf("worker log = %v, want each article once", got)
	}
	if q := queueStatus(t, db); q["done"] != 5.0 || q["pending"] != 0.0 || q["leased"] != 0.0 {
		t.Errorf("after the worker: %v", q)
	}
	code, out, _ = run(t, db, "entities", "--json")
	if code != ExitOK || !strings.Contains(out, "Acme Holdings") {
		t.Errorf("entities after the worker: %d %s", code, out)
	}
	code, out, _ = run(t, db, "worker", "--exit-when-done", "--log", logPath)
	if code != ExitOK || !strings.Contains(out, "this worker tagged 0 articles") {
		t.Errorf("second worker: %d %s", code, out)
	}
	if got := loggedIDs(t, logPath); len(got) != 5 {
		t.Errorf("a second worker logged more: %v", got)
	}
}

func loggedIDs(t *testing.T, path string) []int64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, f := range strings.Fields(string(data)) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatalf("log line %q", f)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// TestWorkerWaitsAndStops runs a worker without --exit-when-done: it tags
// what is there, waits for more, and stops cleanly when its context ends
// (as on Ctrl+C or SIGTERM).
func TestWorkerWaitsAndStops(t *testing.T) {
	db := queuedArchive(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"--db", db, "worker", "--poll", "20ms"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	}()
	// The worker tags both articles, then waits; let it poll a few times.
	deadline := time.Now().Add(time.Minute)
	for queueStatus(t, db)["done"] != 2.0 {
		if time.Now().After(deadline) {
			t.Fatal("the worker did not tag the queue within a minute")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("stopped worker: exit %d %s %s", code, out.String(), errb.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("the worker did not stop within a minute of its context ending")
	}
	for _, want := range []string{"waiting for articles", "stopped: this worker tagged 2 articles"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestWorkerUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	tests := [][]string{
		{"worker", "--batch", "0"},
		{"worker", "--lease", "10ms"},
		{"worker", "extra"},
		{"worker", "--no-such-flag"},
		{"queue", "extra"},
	}
	for _, args := range tests {
		if code, out, errs := run(t, db, args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d: %s %s", args, code, ExitUsage, out, errs)
		}
	}
}
