package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// chartArchive is six articles over three days, one undated, from two
// sources; one is tagged "flood" and two mention the ORG "Acme".
func chartArchive(t *testing.T) (*Store, []int64) {
	t.Helper()
	s := openTest(t)
	ids := mustCreate(t, s,
		dated("Rain one", "Heavy rain fell on the town.", "2024-03-01T08:00:00", "Wire"),
		dated("Rain two", "More rain and wind.", "2024-03-01T23:59:00", "Herald"),
		dated("Acme rain", "Acme said rain hurt sales.", "2024-03-03", "Wire"),
		dated("Acme calm", "Acme said nothing about weather.", "2024-03-03T12:00:00Z", "Wire"),
		dated("Sun", "The sun came out.", "2024-04-10", "Herald"),
		dated("Undated rain", "Rain, some day.", "", "Wire"),
	)
	ctx := context.Background()
	if err := s.AddTags(ctx, ids[0], []string{"Flood"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTags(ctx, ids[5], []string{"flood"}); err != nil {
		t.Fatal(err)
	}
	var tagged []Tagged
	for _, id := range ids[2:4] {
		tagged = append(tagged, Tagged{ArticleID: id, Model: "test", Mentions: []Mention{{Start: 0, End: 4, Text: "Acme", Name: "Acme", Type: "ORG"}}})
	}
	if err := s.SaveTagged(ctx, tagged); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

// render writes counts as "2024-03-01:2 2024-03-03:1 undated:1".
func render(c DayCounts) string {
	out := ""
	for _, d := range c.Days {
		out += fmt.Sprintf("%s:%d ", d.Day.Format("2006-01-02"), d.Count)
	}
	return out + fmt.Sprintf("undated:%d total:%d", c.Undated, c.Total)
}

func TestCountByDay(t *testing.T) {
	s, _ := chartArchive(t)
	ctx := context.Background()
	acme, err := s.EntityIDsByName(ctx, "Acme")
	if err != nil || len(acme) != 1 {
		t.Fatalf("entity Acme: %v %v", acme, err)
	}
	tests := []struct {
		name string
		f    CountFilter
		want string
	}{
		{"all", CountFilter{}, "2024-03-01:2 2024-03-03:2 2024-04-10:1 undated:1 total:6"},
		{"query", CountFilter{Search: Search{Query: query.Parse("rain")}}, "2024-03-01:2 2024-03-03:1 undated:1 total:4"},
		{"exclusion only", CountFilter{Search: Search{Query: query.Parse("-rain")}}, "2024-03-03:1 2024-04-10:1 undated:0 total:2"},
		{"source", CountFilter{Search: Search{Source: "wire"}}, "2024-03-01:1 2024-03-03:2 undated:1 total:4"},
		{"date range drops undated", CountFilter{Search: Search{From: "2024-03-02", To: "2024-03-31"}}, "2024-03-03:2 undated:0 total:2"},
		{"entity", CountFilter{Search: Search{Entities: acme}}, "2024-03-03:2 undated:0 total:2"},
		{"unknown entity", CountFilter{Search: Search{Entities: []int64{}}}, "undated:0 total:0"},
		{"entity type", CountFilter{Search: Search{EntityType: "ORG", Query: query.Parse("rain")}}, "2024-03-03:1 undated:0 total:1"},
		{"tag, any case", CountFilter{Tag: "FLOOD"}, "2024-03-01:1 undated:1 total:2"},
		{"tag and query", CountFilter{Tag: "flood", Search: Search{Query: query.Parse("heavy")}}, "2024-03-01:1 undated:0 total:1"},
		{"missing tag", CountFilter{Tag: "drought"}, "undated:0 total:0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.CountByDay(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if r := render(got); r != tc.want {
				t.Errorf("got  %s\nwant %s", r, tc.want)
			}
			list, err := s.FilteredArticles(ctx, CountFilter{Search: Search{Query: tc.f.Query, From: tc.f.From, To: tc.f.To,
				Source: tc.f.Source, Entities: tc.f.Entities, EntityType: tc.f.EntityType, Limit: 500}, Tag: tc.f.Tag})
			if err != nil {
				t.Fatal(err)
			}
			if list.Total != got.Total || len(list.Hits) != got.Total {
				t.Errorf("FilteredArticles: total %d, %d hits; CountByDay total %d", list.Total, len(list.Hits), got.Total)
			}
			for i := 1; i < len(list.Hits); i++ {
				if a, b := list.Hits[i-1].Published, list.Hits[i].Published; b != "" && a < b {
					t.Errorf("not newest first: %q before %q", a, b)
				}
			}
			if tc.f.Query.Empty() {
				return
			}
			sr := tc.f.Search
			sr.Limit = 500
			res, err := s.SearchArticles(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			if tc.f.Tag == "" && res.Total != got.Total {
				t.Errorf("search total %d, counted %d", res.Total, got.Total)
			}
		})
	}
}

func TestSourceSpans(t *testing.T) {
	s, _ := chartArchive(t)
	got, err := s.SourceSpans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []SourceSpan{
		{Name: "Wire", Articles: 4, Undated: 1, First: "2024-03-01T08:00:00", Last: "2024-03-03T12:00:00Z"},
		{Name: "Herald", Articles: 2, First: "2024-03-01T23:59:00", Last: "2024-04-10"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
