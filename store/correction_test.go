package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// newsBodies are the articles of the correction and merge tests: a person
// named two ways, a bank named two ways, a city inside a longer name.
var newsBodies = []struct{ title, body string }{
	{"Bank results", "Jamie Dimon runs JPMorgan. Dimon said JPMorgan would grow."},
	{"Bank hires", "JPMorgan Chase hired staff in London. Dimon visited London."},
	{"Bridge repairs", "London Bridge is in London. Nothing about banks."},
}

// newsMentions are what the tagger found in newsBodies, by article: the
// text written and the entity (name, type) it names.
var newsMentions = [][][3]string{
	{{"Jamie Dimon", "Jamie Dimon", TypePerson}, {"JPMorgan", "JPMorgan", TypeOrg}, {"Dimon", "Jamie Dimon", TypePerson}},
	{{"JPMorgan Chase", "JPMorgan Chase", TypeOrg}, {"London", "London", TypePlace}, {"Dimon", "Jamie Dimon", TypePerson}},
	{{"London", "London", TypePlace}},
}

// newsArchive stores newsBodies in s, tagged with newsMentions at every
// place each text is written (texts inside a longer one tagged at that
// place are skipped), and returns the article ids.
func newsArchive(t testing.TB, s *Store) []int64 {
	t.Helper()
	var arts []Article
	for _, b := range newsBodies {
		arts = append(arts, newArticle(b.title, b.body))
	}
	ids := mustCreate(t, s, arts...)
	var results []Tagged
	for i, id := range ids {
		r := Tagged{ArticleID: id, Model: "test"}
		taken := make([]bool, len(arts[i].Body))
		for _, m := range newsMentions[i] {
			for off := 0; ; {
				k := strings.Index(arts[i].Body[off:], m[0])
				if k < 0 {
					break
				}
				start, end := off+k, off+k+len(m[0])
				off = end
				if slices.Contains(taken[start:end], true) {
					continue
				}
				for j := start; j < end; j++ {
					taken[j] = true
				}
				r.Mentions = append(r.Mentions, Mention{Start: start, End: end, Text: m[0], Name: m[1], Type: m[2]})
			}
		}
		results = append(results, r)
	}
	if err := s.SaveTagged(context.Background(), results); err != nil {
		t.Fatal(err)
	}
	mustBeSound(t, s)
	return ids
}

// entityNamedT returns the entity (name, typ) with its aliases, and whether
// there is one.
func entityNamedT(t testing.TB, s *Store, name, typ string) (Entity, bool) {
	t.Helper()
	ctx := context.Background()
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM entities WHERE name = ? AND type = ?`, name, typ).Scan(&id)
	if err != nil {
		return Entity{}, false
	}
	e, err := s.Entity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return e, true
}

func mustEntity(t testing.TB, s *Store, name, typ string) int64 {
	t.Helper()
	e, ok := entityNamedT(t, s, name, typ)
	if !ok {
		t.Fatalf("no entity %s (%s)", name, typ)
	}
	return e.ID
}

// mustBeSound fails unless Check finds the archive sound: among others,
// every mention's text is its article's text at its offsets and every
// entity's counts agree with its mentions.
func mustBeSound(t testing.TB, s *Store) {
	t.Helper()
	problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

// entityWant is an entity a test expects, with its counts, aliases (in
// order) and confirmed flag.
type entityWant struct {
	name, typ          string
	articles, mentions int
	aliases            []string
	confirmed          bool
}

func checkEntities(t *testing.T, s *Store, want []entityWant, gone [][2]string) {
	t.Helper()
	for _, w := range want {
		e, ok := entityNamedT(t, s, w.name, w.typ)
		if !ok {
			t.Errorf("no entity %s (%s)", w.name, w.typ)
			continue
		}
		if e.Articles != w.articles || e.Mentions != w.mentions || !slices.Equal(e.Aliases, w.aliases) || e.Confirmed != w.confirmed {
			t.Errorf("%s (%s): %d articles, %d mentions, aliases %q, confirmed %v; want %d, %d, %q, %v", w.name, w.typ,
				e.Articles, e.Mentions, e.Aliases, e.Confirmed, w.articles, w.mentions, w.aliases, w.confirmed)
		}
	}
	for _, g := range gone {
		if _, ok := entityNamedT(t, s, g[0], g[1]); ok {
			t.Errorf("entity %s (%s) is still there", g[0], g[1])
		}
	}
}

// TestCorrections makes each kind of correction on a fresh tagged archive
// and checks the entities it leaves, the rule it records, and that the
// archive stays sound (mentions match the text, counts match mentions).
func TestCorrections(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name    string
		do      func(s *Store, ids []int64) error
		wantErr error
		want    []entityWant
		gone    [][2]string
		rule    Correction // ArticleID: the 1-based article of newsBodies, 0 for everywhere
	}{
		{name: "rename",
			do: func(s *Store, _ []int64) error {
				return s.RenameEntity(ctx, mustEntity(t, s, "JPMorgan", TypeOrg), " JPMorgan Chase & Co. ")
			},
			want: []entityWant{{"JPMorgan Chase & Co.", TypeOrg, 1, 2, []string{"JPMorgan"}, true},
				{"JPMorgan Chase", TypeOrg, 1, 1, nil, false}},
			gone: [][2]string{{"JPMorgan", TypeOrg}},
			rule: Correction{Kind: CorrRename, Name: "JPMorgan", Type: TypeOrg, Target: "JPMorgan Chase & Co."}},
		{name: "rename onto an entity of the same type merges",
			do: func(s *Store, _ []int64) error {
				return s.RenameEntity(ctx, mustEntity(t, s, "JPMorgan", TypeOrg), "JPMorgan Chase")
			},
			want: []entityWant{{"JPMorgan Chase", TypeOrg, 2, 3, []string{"JPMorgan"}, true}},
			gone: [][2]string{{"JPMorgan", TypeOrg}},
			rule: Correction{Kind: CorrRename, Name: "JPMorgan", Type: TypeOrg, Target: "JPMorgan Chase"}},
		{name: "rename to nothing",
			do: func(s *Store, _ []int64) error {
				return s.RenameEntity(ctx, mustEntity(t, s, "JPMorgan", TypeOrg), "  ")
			},
			wantErr: ErrInvalid, want: []entityWant{{"JPMorgan", TypeOrg, 1, 2, nil, false}}},
		{name: "rename a missing entity",
			do:      func(s *Store, _ []int64) error { return s.RenameEntity(ctx, 999999, "X") },
			wantErr: ErrNotFound},
		{name: "retype",
			do: func(s *Store, _ []int64) error {
				return s.RetypeEntity(ctx, mustEntity(t, s, "London", TypePlace), TypeOrg)
			},
			want: []entityWant{{"London", TypeOrg, 2, 4, nil, true}},
			gone: [][2]string{{"London", TypePlace}},
			rule: Correction{Kind: CorrRetype, Name: "London", Type: TypePlace, TargetType: TypeOrg}},
		{name: "retype to an unknown type",
			do: func(s *Store, _ []int64) error {
				return s.RetypeEntity(ctx, mustEntity(t, s, "London", TypePlace), "CITY")
			},
			wantErr: ErrInvalid, want: []entityWant{{"London", TypePlace, 2, 4, nil, false}}},
		{name: "merge",
			do: func(s *Store, _ []int64) error {
				return s.MergeEntities(ctx, mustEntity(t, s, "JPMorgan", TypeOrg), mustEntity(t, s, "JPMorgan Chase", TypeOrg))
			},
			want: []entityWant{{"JPMorgan Chase", TypeOrg, 2, 3, []string{"JPMorgan"}, true}},
			gone: [][2]string{{"JPMorgan", TypeOrg}},
			rule: Correction{Kind: CorrMerge, Name: "JPMorgan", Type: TypeOrg, Target: "JPMorgan Chase", TargetType: TypeOrg}},
		{name: "merge across types keeps the target's type",
			do: func(s *Store, _ []int64) error {
				return s.MergeEntities(ctx, mustEntity(t, s, "London", TypePlace), mustEntity(t, s, "JPMorgan", TypeOrg))
			},
			want: []entityWant{{"JPMorgan", TypeOrg, 3, 6, []string{"London"}, true}},
			gone: [][2]string{{"London", TypePlace}},
			rule: Correction{Kind: CorrMerge, Name: "London", Type: TypePlace, Target: "JPMorgan", TargetType: TypeOrg}},
		{name: "merge into itself",
			do: func(s *Store, _ []int64) error {
				id := mustEntity(t, s, "JPMorgan", TypeOrg)
				return s.MergeEntities(ctx, id, id)
			},
			wantErr: ErrInvalid},
		{name: "split an alias",
			do: func(s *Store, _ []int64) error {
				_, err := s.SplitAlias(ctx, mustEntity(t, s, "Jamie Dimon", TypePerson), "Dimon")
				return err
			},
			want: []entityWant{{"Dimon", TypePerson, 2, 2, nil, true}, {"Jamie Dimon", TypePerson, 1, 1, nil, false}},
			rule: Correction{Kind: CorrSplit, Name: "Dimon", Type: TypePerson, Target: "Jamie Dimon", TargetType: TypePerson}},
		{name: "split ignores case",
			do: func(s *Store, _ []int64) error {
				_, err := s.SplitAlias(ctx, mustEntity(t, s, "Jamie Dimon", TypePerson), "DIMON")
				return err
			},
			want: []entityWant{{"DIMON", TypePerson, 2, 2, nil, true}, {"Jamie Dimon", TypePerson, 1, 1, nil, false}},
			rule: Correction{Kind: CorrSplit, Name: "DIMON", Type: TypePerson, Target: "Jamie Dimon", TargetType: TypePerson}},
		{name: "split what is not an alias",
			do: func(s *Store, _ []int64) error {
				_, err := s.SplitAlias(ctx, mustEntity(t, s, "Jamie Dimon", TypePerson), "Jamie")
				return err
			},
			wantErr: ErrInvalid, want: []entityWant{{"Jamie Dimon", TypePerson, 2, 3, []string{"Dimon"}, false}}},
		{name: "reject everywhere",
			do: func(s *Store, _ []int64) error {
				return s.RejectEntity(ctx, mustEntity(t, s, "London", TypePlace), 0)
			},
			gone: [][2]string{{"London", TypePlace}},
			rule: Correction{Kind: CorrReject, Name: "London", Type: TypePlace}},
		{name: "reject in one article",
			do: func(s *Store, ids []int64) error {
				return s.RejectEntity(ctx, mustEntity(t, s, "London", TypePlace), ids[2])
			},
			want: []entityWant{{"London", TypePlace, 1, 2, nil, false}},
			rule: Correction{Kind: CorrReject, Name: "London", Type: TypePlace, ArticleID: 3}},
		{name: "add everywhere",
			do: func(s *Store, _ []int64) error {
				_, err := s.AddEntity(ctx, "Bridge", "MISC", 0)
				return err
			},
			want: []entityWant{{"Bridge", "MISC", 1, 1, nil, true}, {"London", TypePlace, 2, 4, nil, false}},
			rule: Correction{Kind: CorrAdd, Name: "Bridge", Type: "MISC"}},
		{name: "add a longer name over a shorter mention",
			do: func(s *Store, _ []int64) error {
				_, err := s.AddEntity(ctx, "London Bridge", TypePlace, 0)
				return err
			},
			want: []entityWant{{"London Bridge", TypePlace, 1, 1, nil, true}, {"London", TypePlace, 2, 3, nil, false}},
			rule: Correction{Kind: CorrAdd, Name: "London Bridge", Type: TypePlace}},
		{name: "add a name only written inside a longer mention",
			do: func(s *Store, _ []int64) error {
				_, err := s.AddEntity(ctx, "Chase", TypeOrg, 0)
				return err
			},
			want: []entityWant{{"Chase", TypeOrg, 0, 0, nil, true}, {"JPMorgan Chase", TypeOrg, 1, 1, nil, false}},
			rule: Correction{Kind: CorrAdd, Name: "Chase", Type: TypeOrg}},
		{name: "add in one article",
			do: func(s *Store, ids []int64) error {
				_, err := s.AddEntity(ctx, "banks", "MISC", ids[0])
				return err
			},
			want: []entityWant{{"banks", "MISC", 0, 0, nil, true}},
			rule: Correction{Kind: CorrAdd, Name: "banks", Type: "MISC", ArticleID: 1}},
		{name: "add with an unknown type",
			do: func(s *Store, _ []int64) error {
				_, err := s.AddEntity(ctx, "Bridge", "THING", 0)
				return err
			},
			wantErr: ErrInvalid, gone: [][2]string{{"Bridge", "THING"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			ids := newsArchive(t, s)
			err := tt.do(s, ids)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			checkEntities(t, s, tt.want, tt.gone)
			mustBeSound(t, s)
			rules, err := s.Corrections(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != nil {
				if len(rules) != 0 {
					t.Errorf("a failed correction recorded %+v", rules)
				}
				return
			}
			if len(rules) != 1 {
				t.Fatalf("%d rules recorded, want 1: %+v", len(rules), rules)
			}
			want := tt.rule
			if want.ArticleID != 0 {
				want.ArticleID = ids[want.ArticleID-1]
			}
			got := rules[0]
			if got.CreatedAt.IsZero() {
				t.Errorf("rule %+v has no time", got)
			}
			got.ID, got.CreatedAt = 0, want.CreatedAt
			if got != want {
				t.Errorf("rule recorded %+v, want %+v", got, want)
			}
		})
	}
}

// TestDeleteArticleCounts deletes a tagged article: the entities it
// mentioned are counted again, and those it alone mentioned are gone
// unless a user confirmed them.
func TestDeleteArticleCounts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := newsArchive(t, s)
	if _, err := s.AddEntity(ctx, "Bridge", "MISC", 0); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	checkEntities(t, s, []entityWant{{"London", TypePlace, 1, 2, nil, false}, {"Bridge", "MISC", 0, 0, nil, true}}, nil)
	if err := s.DeleteArticle(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	checkEntities(t, s, []entityWant{{"Jamie Dimon", TypePerson, 1, 2, []string{"Dimon"}, false}},
		[][2]string{{"London", TypePlace}, {"JPMorgan Chase", TypeOrg}})
	mustBeSound(t, s)
}

func TestWholeWordIndexes(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       []int
	}{
		{"London and London Bridge", "London", []int{0, 11}},
		{"Londoner in London.", "London", []int{12}},
		{"inLondon London2 (London)", "London", []int{18}},
		{"Zürich, Zürichsee", "Zürich", []int{0}},
		{"éLondon London", "London", []int{9}},
		{"", "London", nil},
		{"Lon", "London", nil},
	} {
		if got := WholeWordIndexes(tt.text, tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("WholeWordIndexes(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
