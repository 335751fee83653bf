package store

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/store/query"
	"github.com/newsarchive/newsarchive/store/storetest"
)

func TestRedact(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/home/a/archive.db", "/home/a/archive.db"},
		{"postgres://ann:s3cret@db.example.org:5432/news?sslmode=require", "postgres://ann:xxxxx@db.example.org:5432/news?sslmode=require"},
		{"postgresql://db.example.org/news?user=ann&password=s3cret", "postgresql://db.example.org/news?password=xxxxx&user=ann"},
		{"postgres://ann@db.example.org/news", "postgres://ann@db.example.org/news"},
	} {
		got := Redact(tt.in)
		if got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Contains(got, "s3cret") {
			t.Errorf("Redact(%q) shows the password", tt.in)
		}
	}
}

func TestPasswordInAddress(t *testing.T) {
	in := "postgres://ann:s3cret@db.example.org/news?sslmode=require&password=other"
	if got, want := WithoutPassword(in), "postgres://ann@db.example.org/news?sslmode=require"; got != want {
		t.Errorf("WithoutPassword = %q, want %q", got, want)
	}
	got, err := WithPassword("postgres://ann@db.example.org/news", "p@ss:word")
	if err != nil || got != "postgres://ann:p%40ss%3Aword@db.example.org/news" {
		t.Errorf("WithPassword = %q, %v", got, err)
	}
	if _, err := WithPassword("/a/file.db", "x"); err == nil {
		t.Error("WithPassword accepted a file path")
	}
}

func TestPostgresUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Port 9 on loopback (discard) has no server: the connection is refused.
	_, err := Open(ctx, "postgres://ann:s3cret@127.0.0.1:9/news?sslmode=disable&connect_timeout=5")
	if err == nil {
		t.Fatal("opened an archive on a server that is not there")
	}
	msg := err.Error()
	if !strings.Contains(msg, "cannot reach the PostgreSQL server at 127.0.0.1:9") {
		t.Errorf("error %q does not say the server cannot be reached", msg)
	}
	if strings.Contains(msg, "s3cret") {
		t.Errorf("error %q shows the password", msg)
	}
}

func TestPostgresReopenAndNewerSchema(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	addr := storetest.Postgres(t)
	s, err := Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, newArticle("One", "Body one."))
	s.Close()
	s, err = Open(ctx, addr)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if n, _ := s.ArticleCount(ctx); n != 1 {
		t.Fatalf("count %d after reopen", n)
	}
	var v int
	if err := s.r.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil || v < 1 {
		t.Fatalf("schema_version %d, %v", v, err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE schema_version SET version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, addr)
	if err == nil || !strings.Contains(err.Error(), "newer than this program knows") {
		t.Fatalf("opened a newer schema: %v", err)
	}
}

func TestPostgresTLSOptionsPassed(t *testing.T) {
	postgresOnly(t)
	// The throwaway test server has no TLS: asking for it must fail, which
	// shows the option reaches the connection.
	addr := strings.Replace(storetest.Postgres(t), "sslmode=disable", "sslmode=require", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := Open(ctx, addr)
	if err == nil || !strings.Contains(err.Error(), "cannot reach") || !strings.Contains(strings.ToLower(err.Error()), "ssl") {
		t.Fatalf("sslmode=require on a server without TLS: %v", err)
	}
}

func TestPostgresConcurrentFirstOpen(t *testing.T) {
	postgresOnly(t)
	addr := storetest.Postgres(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), addr)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestSearchWords runs the query syntax over both backends' full-text
// indexes: words, accents, prefixes, phrases, OR and exclusion.
func TestSearchWords(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustCreate(t, s,
		newArticle("Café talks in Genève", "Ministers met at a café in Genève on Tuesday."),
		newArticle("Trade deal signed", "The United States and China signed a trade deal."),
		newArticle("Tennis final", "The final was played in Paris; no trade was discussed."),
		newArticle("O'Brien's return", "Mr O'Brien returned to Dublin."),
	)
	for _, tt := range []struct {
		q    string
		want []int64
	}{
		{"cafe", ids[:1]},
		{"GENEVE", ids[:1]},
		{"trade", ids[1:3]},
		{"trad*", ids[1:3]},
		{`"trade deal"`, ids[1:2]},
		{`"deal trade"`, nil},
		{"trade -tennis", ids[1:2]},
		{"tennis OR café", []int64{ids[0], ids[2]}},
		{"o'brien", ids[3:4]},
		{`"signed a trade`, ids[1:2]},
	} {
		res, err := s.SearchArticles(ctx, Search{Query: query.Parse(tt.q), Sort: ByDate, Limit: 10})
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if !sameIDs(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.q, got, tt.want)
		}
	}
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[int64]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
