package workbench_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// TestTwoUsersHighlightOnPostgres: two people of a team archive highlight
// the same article at the same time, each under their own PostgreSQL role
// with the rights docs/postgres.md gives a member; every highlight lands
// once, under its author's name, and each sees the other's; a member imports,
// tags and corrects too.
func TestTwoUsersHighlightOnPostgres(t *testing.T) {
	if !storetest.Available() {
		t.Skip(storetest.EnvPG + " is not set: no PostgreSQL server to test against")
	}
	ctx := context.Background()
	addr := storetest.Postgres(t)
	owner, err := apptest.OpenAt(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	saveStory(t, owner, version1, 1)
	art, err := owner.Search.Articles(ctx, store.SortID, 0, 0)
	if err != nil || len(art) != 1 {
		t.Fatalf("articles: %d, %v", len(art), err)
	}
	id := art[0].ID

	var users []*apptest.Archive
	names := map[string]bool{}
	for _, who := range []string{"ann", "bob"} {
		role, userAddr := teamRole(t, addr, who)
		names[role] = true
		u, err := apptest.OpenAt(ctx, userAddr)
		if err != nil {
			t.Fatalf("open as %s: %v", role, err)
		}
		defer u.Close()
		users = append(users, u)
	}
	words := strings.Fields(version1)
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(words))
	for i, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := i; j+3 <= len(words); j += 2 { // ann the even starts, bob the odd ones
				q := strings.Join(words[j:j+3], " ")
				if _, err := u.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: q, Near: -1,
					Color: workbench.Colors[i].Name, Note: "by user " + fmt.Sprint(i)}); err != nil {
					errs <- fmt.Errorf("user %d, %q: %w", i, q, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, u := range append(users, owner) {
		hs, err := u.Workbench.Highlights(ctx, workbench.Filter{ArticleID: id})
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]int{}
		for _, h := range hs {
			by[h.Author]++
			user := 1 // each user highlights in a colour of their own
			if h.Color == workbench.Colors[0].Name {
				user = 0
			}
			if want := "by user " + fmt.Sprint(user); h.Note != want {
				t.Errorf("highlight %q by %s has the note %q, want %q", h.Quote, h.Author, h.Note, want)
			}
		}
		var authors []string
		for a := range by {
			authors = append(authors, a)
		}
		sort.Strings(authors)
		if len(hs) != len(words)-2 || len(by) != 2 || !names[authors[0]] || !names[authors[1]] {
			t.Errorf("reader %d sees %d highlights by %v, want %d by the two roles", i, len(hs), by, len(words)-2)
		}
	}
	// A member, not the owner, imports, tags and corrects with the same rights.
	apptest.BuildArchive(t, users[1], apptest.FixtureFiles(t))
}

// teamRole makes a login role for one member of the team archive at addr,
// with the rights docs/postgres.md gives a member, and returns its name and
// the archive's address as that role. The role goes when the test ends.
func teamRole(t *testing.T, addr, who string) (string, string) {
	t.Helper()
	ctx := context.Background()
	var b [4]byte
	rand.Read(b[:])
	role := who + "_" + hex.EncodeToString(b[:])
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	schema := strings.SplitN(strings.TrimPrefix(u.Query().Get("search_path"), `"`), ",", 2)[0]
	schema = strings.Trim(schema, `" `)
	db, err := sql.Open("pgx", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`GRANT USAGE ON SCHEMA ` + schema + ` TO ` + role,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ` + schema + ` TO ` + role,
		`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ` + schema + ` TO ` + role,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", addr)
		if err != nil {
			t.Error(err)
			return
		}
		defer db.Close()
		for _, q := range []string{`DROP OWNED BY ` + role, `DROP ROLE ` + role} {
			if _, err := db.ExecContext(context.Background(), q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u.User = url.User(role)
	return role, u.String()
}
