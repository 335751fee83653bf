package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// dated is a factory for a test article with a date and a source.
func dated(title, body, published, source string) Article {
	a := newArticle(title, body)
	a.Published, a.Source = published, source
	return a
}

func hitIDs(res SearchResult) []int64 {
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids
}

func search(t *testing.T, s *Store, sr Search) SearchResult {
	t.Helper()
	res, err := s.SearchArticles(context.Background(), sr)
	if err != nil {
		t.Fatalf("search %+v: %v", sr, err)
	}
	return res
}

func TestSearchFiltersAndOrder(t *testing.T) {
	s := openTest(t)
	ids := mustCreate(t, s,
		dated("Harbour storm", "A storm closed the harbour. The storm passed.", "2004-03-01T10:00:00", "Coast News"),
		dated("Budget vote", "Parliament passed the budget after a storm of protest.", "2010-06-15", "Capital Times"),
		dated("Storm warning", "Storm storm storm: forecasters warn of a storm.", "2010-01-02", "coast news"),
		dated("Undated storm", "An old storm story without a date.", "", "Coast News"),
		dated("Farm prices", "Milk prices fell again this spring.", "2012-05-05", "Capital Times"),
	)
	storm := query.Parse("storm")
	tests := []struct {
		name  string
		sr    Search
		want  []int64
		total int
		note  string
	}{
		{"relevance", Search{Query: storm}, []int64{ids[2], ids[0], ids[3], ids[1]}, 4, ""},
		{"by date, undated last", Search{Query: storm, Sort: ByDate}, []int64{ids[1], ids[2], ids[0], ids[3]}, 4, ""},
		{"from", Search{Query: storm, From: "2010-01-01", Sort: ByDate}, []int64{ids[1], ids[2]}, 2, ""},
		{"to is inclusive", Search{Query: storm, To: "2010-01-02", Sort: ByDate}, []int64{ids[2], ids[0]}, 2, ""},
		{"source any case", Search{Query: storm, Source: "COAST NEWS", Sort: ByDate}, []int64{ids[2], ids[0], ids[3]}, 3, ""},
		{"unknown source", Search{Query: storm, Source: "Nowhere"}, nil, 0, ""},
		{"page", Search{Query: storm, Sort: ByDate, Limit: 2, Offset: 1}, []int64{ids[2], ids[0]}, 4, ""},
		{"past the end", Search{Query: storm, Offset: 10}, nil, 4, ""},
		{"exclusion only", Search{Query: query.Parse("-storm")}, []int64{ids[4]}, 1, "only exclusions"},
		{"exclusion", Search{Query: query.Parse("storm -harbour -forecasters"), Sort: ByDate}, []int64{ids[1], ids[3]}, 2, ""},
		{"phrase", Search{Query: query.Parse(`"storm of protest"`)}, []int64{ids[1]}, 1, ""},
		{"prefix", Search{Query: query.Parse("forecast*")}, []int64{ids[2]}, 1, ""},
		{"one-letter prefix is a word", Search{Query: query.Parse("harbour c*")}, nil, 0, "one-letter"},
		{"no entity", Search{Query: storm, Entities: []int64{}}, nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, s, tt.sr)
			if got := hitIDs(res); !slices.Equal(got, tt.want) || res.Total != tt.total || !res.TotalExact {
				t.Errorf("got %v (total %d, exact %v), want %v (total %d)", got, res.Total, res.TotalExact, tt.want, tt.total)
			}
			if !strings.Contains(res.Note, tt.note) || (tt.note == "" && res.Note != "") {
				t.Errorf("note %q, want %q", res.Note, tt.note)
			}
		})
	}
	res := search(t, s, Search{Query: storm, Limit: 1})
	if sn := res.Hits[0].Snippet; !strings.Contains(sn, MarkStart+"storm"+MarkEnd) && !strings.Contains(sn, MarkStart+"Storm"+MarkEnd) {
		t.Errorf("snippet %q lacks a marked match", sn)
	}
}

// TestSearchManyMatches checks that a search matching more than RankLimit
// articles lists them newest first, says so, and still counts them all.
func TestSearchManyMatches(t *testing.T) {
	s := openTest(t)
	n := RankLimit + 5
	rng := rand.New(rand.NewPCG(1, 2))
	arts := make([]Article, n)
	for i, d := range rng.Perm(n) {
		day := fmt.Sprintf("2001-01-01T00:00:%02d", d%60)
		arts[i] = dated(fmt.Sprintf("Report %d", i), fmt.Sprintf("A common word in report %d, day %d.", i, d), day[:17]+fmt.Sprintf("%02d", d%60), "Wire")
		arts[i].Published = fmt.Sprintf("%04d-01-01", 1000+d)
	}
	mustCreate(t, s, arts...)
	res := search(t, s, Search{Query: query.Parse("common"), Limit: 3, Offset: 2})
	if res.Total != n || !res.TotalExact || !strings.Contains(res.Note, fmt.Sprintf("%s matches: showing the newest", thousands(n))) {
		t.Errorf("total %d exact %v note %q", res.Total, res.TotalExact, res.Note)
	}
	var dates []string
	for _, h := range res.Hits {
		dates = append(dates, h.Published)
	}
	want := []string{fmt.Sprintf("%04d-01-01", 1000+n-3), fmt.Sprintf("%04d-01-01", 1000+n-4), fmt.Sprintf("%04d-01-01", 1000+n-5)}
	if !slices.Equal(dates, want) {
		t.Errorf("dates %v, want %v", dates, want)
	}
	if res := search(t, s, Search{Query: query.Parse(`common "report 7"`)}); res.Total != 1 || res.Note != "" {
		t.Errorf("narrowed: %+v", res)
	}
}

func TestSearchEntityFilters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustCreate(t, s,
		dated("Blair speaks", "Tony Blair spoke in London about the election.", "2005-01-01", "A"),
		dated("Brown speaks", "Gordon Brown spoke about the election budget.", "2005-02-01", "A"),
		dated("Quiet day", "Nothing about any election happened in Leeds.", "2005-03-01", "A"),
	)
	for _, q := range []string{
		`INSERT INTO entities (id, name, type, articles) VALUES (1, 'Tony Blair', 'PERSON', 1), (2, 'Gordon Brown', 'PERSON', 1), (3, 'London', 'PLACE', 1), (4, 'Leeds', 'PLACE', 1)`,
		`INSERT INTO entity_aliases (entity_id, alias) VALUES (1, 'Blair')`,
		fmt.Sprintf(`INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (%d, 1, 0, 10, 'Tony Blair'), (%d, 3, 23, 29, 'London'), (%d, 2, 0, 12, 'Gordon Brown'), (%d, 4, 33, 38, 'Leeds')`, ids[0], ids[0], ids[1], ids[2]),
	} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	election := query.Parse("election")
	tests := []struct {
		name string
		sr   Search
		want []int64
	}{
		{"entity", Search{Query: election, Entities: []int64{1}}, []int64{ids[0]}},
		{"either entity", Search{Query: election, Entities: []int64{1, 2}, Sort: ByDate}, []int64{ids[1], ids[0]}},
		{"type person", Search{Query: election, EntityType: "PERSON", Sort: ByDate}, []int64{ids[1], ids[0]}},
		{"type place", Search{Query: election, EntityType: "PLACE", Sort: ByDate}, []int64{ids[2], ids[0]}},
		{"type and entity", Search{Query: election, EntityType: "PLACE", Entities: []int64{2}}, nil},
		{"type org", Search{Query: election, EntityType: "ORG"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, s, tt.sr)
			if got := hitIDs(res); !slices.Equal(got, tt.want) || res.Total != len(tt.want) || !res.TotalExact {
				t.Errorf("got %v total %d exact %v, want %v", got, res.Total, res.TotalExact, tt.want)
			}
		})
	}
	got, err := s.EntityIDsByName(ctx, "blair")
	if err != nil || !slices.Equal(got, []int64{1}) {
		t.Errorf("EntityIDsByName(blair) = %v, %v", got, err)
	}
}

// TestSearchSeesChanges checks that the date cache follows new, deleted
// and (when noted) edited articles.
func TestSearchSeesChanges(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustCreate(t, s, dated("Flood one", "The river flood rose.", "2001-01-01", "X"))
	byDate := Search{Query: query.Parse("flood"), Sort: ByDate}
	search(t, s, byDate)
	ids = append(ids, mustCreate(t, s, dated("Flood two", "Another flood came.", "2002-01-01", "X"))...)
	if got := hitIDs(search(t, s, byDate)); !slices.Equal(got, []int64{ids[1], ids[0]}) {
		t.Errorf("after adding: %v", got)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET published = '2003-01-01' WHERE id = ?`, ids[0]); err != nil {
		t.Fatal(err)
	}
	s.NoteArticlesChanged(ids[0])
	if got := hitIDs(search(t, s, byDate)); !slices.Equal(got, []int64{ids[0], ids[1]}) {
		t.Errorf("after redating: %v", got)
	}
	if got := hitIDs(search(t, s, Search{Query: query.Parse("flood"), From: "2003"})); !slices.Equal(got, []int64{ids[0]}) {
		t.Errorf("filtered after redating: %v", got)
	}
	if err := s.DeleteArticle(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	s.NoteArticlesChanged(ids[0])
	if res := search(t, s, Search{Query: query.Parse("-nothing")}); !slices.Equal(hitIDs(res), []int64{ids[1]}) || res.Total != 1 {
		t.Errorf("after deleting: %v", hitIDs(res))
	}
}

func TestNewestFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	date := make([]int64, 500)
	for i := range date {
		date[i] = int64(2 + rng.IntN(50)) // many ties
	}
	all := make([]int64, 0, len(date))
	for id := range date {
		all = append(all, int64(id))
	}
	want := newestFirst(date, slices.Clone(all), -1)
	for _, need := range []int{0, 1, 7, 100, 124, 125, 499, 500, 900} {
		got := newestFirst(date, slices.Clone(all), need)
		if !slices.Equal(got, want[:min(need, len(want))]) {
			t.Errorf("need %d: got %v..., want %v...", need, got[:min(5, len(got))], want[:min(5, need)])
		}
	}
}

func TestDateKey(t *testing.T) {
	tests := []struct {
		a, b string
		less bool
	}{
		{"2004-03-01T10:00:00", "2004-03-01T10:00:01", true},
		{"2004-03-01", "2004-03-01T00:00:01", true},
		{"2004-03-01T23:59:59+02:00", "2004-03-02", true},
		{"", "0001-01-01", true},
		{"2004", "2004-01-01T00:00:00", true}, // as the text sorts
	}
	for _, tt := range tests {
		if got := dateKey(tt.a, '0') < dateKey(tt.b, '0'); got != tt.less {
			t.Errorf("%q < %q = %v", tt.a, tt.b, got)
		}
	}
	if dateKey("garbage", '0') != undated || dateKey("2010", '9') < dateKey("2010-12-31T23:59:59", '0') {
		t.Error("undated or padded bound wrong")
	}
}
