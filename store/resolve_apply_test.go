package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsarchive/newsarchive/store/storetest"
)

// labourToOrg decides every Labour mention is the organisation.
func labourToOrg(evs []NameEvidence) []NameResolution {
	org := EntityKey{"Labour", TypeOrg}
	var out []NameResolution
	for _, ev := range evs {
		if ev.Name == "Labour" {
			out = append(out, NameResolution{Name: ev.Name, To: map[string]EntityKey{TypeOrg: org, TypePerson: org, TypePlace: org}})
		}
	}
	return out
}

// TestResolveArchiveEvidenceChangedMeanwhile changes the archive while the
// decision is being made (outside the write lock): the resolution must
// not apply a decision made on evidence that changed, and starts over, so
// what it applies is the decision over the archive as it is.
func TestResolveArchiveEvidenceChangedMeanwhile(t *testing.T) {
	ctx := context.Background()
	lab := func(typ string) EntityKey { return EntityKey{"Labour", typ} }
	tests := []struct {
		name   string
		change func(t *testing.T, s *Store, ids []int64)
		want   []string
	}{
		{"batch saved", func(t *testing.T, s *Store, _ []int64) {
			tagTitled(t, s, "Meanwhile", [][]EntityKey{{lab(TypePlace)}})
		}, []string{"ORG Labour 3"}},
		{"article deleted", func(t *testing.T, s *Store, ids []int64) {
			if err := s.DeleteArticle(ctx, ids[0]); err != nil {
				t.Fatal(err)
			}
		}, []string{"ORG Labour 1"}},
		{"entity retyped by the user", func(t *testing.T, s *Store, _ []int64) {
			e, err := s.EntityByName(ctx, "Labour")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.RetypeEntity(ctx, e.ID, TypePlace); err != nil {
				t.Fatal(err)
			}
		}, nil}, // filled below: the retyped entity is confirmed and stays
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			ids := tagArticles(t, s, [][]EntityKey{{lab(TypePerson)}, {lab(TypePlace)}})
			calls := 0
			st, err := s.ResolveArchiveStats(ctx, func(evs []NameEvidence) []NameResolution {
				calls++
				if calls == 1 {
					tt.change(t, s, ids)
				}
				return labourToOrg(evs)
			}, false)
			if err != nil {
				t.Fatal(err)
			}
			if st.Tries != 2 || calls != 2 {
				t.Errorf("tries %d, decisions %d: want 2 (the first decision was made on changed evidence)", st.Tries, calls)
			}
			if tt.want == nil {
				return // what a confirmed entity keeps is TestResolveArchiveLeavesConfirmedEntities'
			}
			if got := listed(t, s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("after resolution: %v, want %v", got, tt.want)
			}
		})
	}
}

// TestResolveArchiveOutpaced changes the archive during every decision:
// the resolution gives up with ErrResolveOutpaced and moves nothing.
func TestResolveArchiveOutpaced(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tagArticles(t, s, [][]EntityKey{{{"Labour", TypePerson}}})
	before := listed(t, s)
	saved := 0
	st, err := s.ResolveArchiveStats(ctx, func(evs []NameEvidence) []NameResolution {
		saved++
		tagTitled(t, s, fmt.Sprint("Meanwhile ", saved), [][]EntityKey{{{"Labour", TypePlace}}})
		return labourToOrg(evs)
	}, false)
	if !errors.Is(err, ErrResolveOutpaced) {
		t.Fatalf("err = %v, want ErrResolveOutpaced", err)
	}
	if st.Tries != resolveTries {
		t.Errorf("tries %d, want %d", st.Tries, resolveTries)
	}
	if got, want := len(listed(t, s)), len(before)+1; got != want {
		t.Errorf("entities %v: want the tagged ones only (%d), nothing resolved", listed(t, s), want)
	}
}

// TestResolveArchiveIfChanged skips a resolution over the evidence the
// last one applied its decision at, and only that.
func TestResolveArchiveIfChanged(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tagArticles(t, s, [][]EntityKey{{{"Labour", TypePerson}}, {{"Labour", TypeOrg}}})
	steps := []struct {
		name     string
		before   func()
		wantSkip bool
		want     string
	}{
		{"first", func() {}, false, "ORG Labour 2"},
		{"unchanged", func() {}, true, "ORG Labour 2"},
		{"unchanged again", func() {}, true, "ORG Labour 2"},
		{"a batch saved", func() { tagTitled(t, s, "Later", [][]EntityKey{{{"Labour", TypePlace}}}) }, false, "ORG Labour 3"},
		{"unchanged after it", func() {}, true, "ORG Labour 3"},
	}
	for _, step := range steps {
		step.before()
		calls := 0
		st, err := s.ResolveArchiveStats(ctx, func(evs []NameEvidence) []NameResolution {
			calls++
			return labourToOrg(evs)
		}, true)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if st.Skipped != step.wantSkip || (calls == 0) != step.wantSkip {
			t.Errorf("%s: skipped %v after %d decisions, want skipped %v", step.name, st.Skipped, calls, step.wantSkip)
		}
		if got, want := listed(t, s), []string{step.want}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", step.name, got, want)
		}
	}
}

// TestResolveArchiveIfChangedAcrossProcesses: the archive keeps what its
// last resolution saw, so the next process (a CLI command after another)
// skips re-deciding the same evidence.
func TestResolveArchiveIfChangedAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	addr := filepath.Join(t.TempDir(), "archive.db")
	if onPostgres() {
		addr = storetest.Postgres(t)
	}
	for i, wantSkip := range []bool{false, true, true} {
		s, err := Open(ctx, addr)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			tagArticles(t, s, [][]EntityKey{{{"Labour", TypePerson}}, {{"Labour", TypeOrg}}})
		}
		st, err := s.ResolveArchiveStats(ctx, labourToOrg, true)
		if err != nil || st.Skipped != wantSkip {
			t.Errorf("process %d: skipped %v (%v), want %v", i+1, st.Skipped, err, wantSkip)
		}
		if got, want := listed(t, s), []string{"ORG Labour 2"}; !reflect.DeepEqual(got, want) {
			t.Errorf("process %d: %v, want %v", i+1, got, want)
		}
		s.Close()
	}
}
