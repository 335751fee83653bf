package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// exportAll reads every article of s as a merge reads an export: with its
// original, mentions, tags, note and snapshots.
func exportAll(t *testing.T, s *Store) []ArticleRecord {
	t.Helper()
	var recs []ArticleRecord
	all := ExportParts{Original: true, Mentions: true, Tags: true, Note: true, Snapshots: true}
	err := s.ExportArticles(context.Background(), ExportScope{}, all, func(r *ArticleRecord) error {
		recs = append(recs, *r) // the record is reused; its slices are not
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// mentionsOf renders an article's mentions without their ids.
func mentionsOf(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	ms, err := s.ArticleMentions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d-%d %q %s (%s)", m.Start, m.End, m.Text, m.Name, m.Type))
	}
	return out
}

// TestMergeArticles merges an export of one archive into another holding
// one of its articles: the new articles arrive whole (original, mentions
// but a broken one, tags, note, snapshots, tagging state, import time), the
// duplicate gains the tags and note, and a second merge changes nothing.
func TestMergeArticles(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	ids := newsArchive(t, src)
	if err := src.AddTags(ctx, ids[0], []string{"results", "banks"}); err != nil {
		t.Fatal(err)
	}
	if err := src.AddTags(ctx, ids[1], []string{"banks"}); err != nil {
		t.Fatal(err)
	}
	if err := src.SetNote(ctx, ids[0], "source note"); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	for i, body := range []string{"first version", "second version"} {
		o := Original{ContentType: "text/html", Data: []byte("<p>" + body)}
		if _, err := src.SaveVersion(ctx, page("Story", body), o, t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	recs := exportAll(t, src)
	if len(recs) != 4 {
		t.Fatalf("exported %d articles, want 4", len(recs))
	}
	recs[1].Mentions[0].Start = len(recs[1].Body) + 5 // points outside the body: dropped

	dst := openTest(t)
	own := mustCreate(t, dst, newArticle(newsBodies[0].title, newsBodies[0].body))[0]
	if err := dst.AddTags(ctx, own, []string{"mine"}); err != nil {
		t.Fatal(err)
	}
	if err := dst.SetNote(ctx, own, "my note"); err != nil {
		t.Fatal(err)
	}
	out, err := dst.MergeArticles(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !out[0].Duplicate || out[0].ID != own {
		t.Errorf("the article both have: %+v, want a duplicate of %d", out[0], own)
	}
	for i, o := range out[1:] {
		if o.Duplicate || o.ID == 0 || o.ID == own {
			t.Errorf("record %d: %+v, want a new article", i+1, o)
		}
	}
	if out[1].BadMentions != 1 || out[2].BadMentions != 0 {
		t.Errorf("bad mentions %d and %d, want 1 and 0", out[1].BadMentions, out[2].BadMentions)
	}

	if tags, err := dst.ArticleTags(ctx, own); err != nil || !slices.Equal(tags, []string{"banks", "mine", "results"}) {
		t.Errorf("tags of the duplicate: %q, %v", tags, err)
	}
	if n, err := dst.Note(ctx, own); err != nil || n.Text != "my note\n\nsource note" {
		t.Errorf("note of the duplicate: %q, %v", n.Text, err)
	}
	for i, o := range out[1:] {
		i++
		want, got := mentionsOf(t, src, recs[i].ID), mentionsOf(t, dst, o.ID)
		if i == 1 {
			want = want[1:] // the broken one
		}
		if !slices.Equal(got, want) {
			t.Errorf("mentions of record %d:\n got %q\nwant %q", i, got, want)
		}
		a, err := dst.Article(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !a.ImportedAt.Equal(recs[i].ImportedAt) || a.Body != recs[i].Body || a.ContentHash != recs[i].ContentHash {
			t.Errorf("article of record %d: %+v, want %+v", i, a, recs[i].Article)
		}
		orig, err := dst.Original(ctx, o.ID)
		if err != nil || string(orig.Data) != string(recs[i].Original.Data) {
			t.Errorf("original of record %d: %q, %v", i, orig.Data, err)
		}
	}
	merged := exportAll(t, dst)
	byID := map[int64]ArticleRecord{}
	for _, r := range merged {
		byID[r.ID] = r
	}
	if got := byID[out[1].ID]; got.Tagging.State != "done" || got.Tagging.Model != "test" || !slices.Equal(got.Tags, []string{"banks"}) {
		t.Errorf("record 1 merged with tagging %+v and tags %q", got.Tagging, got.Tags)
	}
	story := byID[out[3].ID]
	if len(story.Snapshots) != 2 || !story.Snapshots[0].FetchedAt.Equal(t0) || string(story.Snapshots[1].Data) != "<p>second version" {
		t.Errorf("snapshots of the story: %+v", story.Snapshots)
	}
	mustBeSound(t, dst)

	again, err := dst.MergeArticles(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range again {
		if !o.Duplicate || o.ID != out[i].ID {
			t.Errorf("second merge of record %d: %+v, want a duplicate of %d", i, o, out[i].ID)
		}
	}
	if n, _ := dst.ArticleCount(ctx); n != 4 {
		t.Errorf("%d articles after merging twice, want 4", n)
	}
	if n, err := dst.Note(ctx, own); err != nil || n.Text != "my note\n\nsource note" {
		t.Errorf("note after merging twice: %q, %v", n.Text, err)
	}
}

func TestMergeEntityRecords(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	newsArchive(t, s)
	err := s.MergeEntityRecords(ctx, []Entity{
		{Name: "Acme", Type: TypeOrg, Confirmed: true, Aliases: []string{"ACME", "Acme", "Acme Inc"}},
		{Name: "Nobody", Type: TypePerson, Aliases: []string{"No One"}},
		{Name: "London", Type: TypePlace, Aliases: []string{"Londres"}},
		{Name: "JPMorgan", Type: TypeOrg, Confirmed: true, Aliases: []string{"JPM"}},
		{Name: "London", Type: TypePlace, Aliases: []string{"Londres"}}, // given twice
	})
	if err != nil {
		t.Fatal(err)
	}
	checkEntities(t, s, []entityWant{
		{"Acme", TypeOrg, 0, 0, []string{"ACME", "Acme Inc"}, true},
		{"London", TypePlace, 2, 4, []string{"Londres"}, false},
		{"JPMorgan", TypeOrg, 1, 2, []string{"JPM"}, true},
	}, [][2]string{{"Nobody", TypePerson}})
	mustBeSound(t, s)
}

// entitySummary renders every entity of s by name and type, without ids.
func entitySummary(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	rows, err := s.r.QueryContext(context.Background(), `SELECT id FROM entities ORDER BY name, type`)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := scanIDs(rows, "entities")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		e, err := s.Entity(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s (%s): %d articles, %d mentions, aliases %q, confirmed %v",
			e.Name, e.Type, e.Articles, e.Mentions, e.Aliases, e.Confirmed))
	}
	return out
}

// portable renders corrections as they travel, without ids.
func portable(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.ExportCorrections(context.Background(), func(c PortableCorrection) error {
		out = append(out, fmt.Sprintf("%s %q %s -> %q %s in %q at %s", c.Kind, c.Name, c.Type, c.Target, c.TargetType,
			c.ArticleHash, c.CreatedAt.Format(time.RFC3339)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
