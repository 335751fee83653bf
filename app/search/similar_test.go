package search_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/simhash"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/store"
)

// story is a made-up article of several paragraphs.
var story = []string{
	"The regional council approved on Wednesday a four-kilometre extension of the tramway to the new hospital on the eastern bank, after two years of consultation with residents and shop owners.",
	"Construction is due to start next spring and to last about thirty months. The council expects eleven thousand passengers a day on the new section once the hospital opens its emergency wing.",
	"Opponents had argued that a bus lane would cost a third as much. The transport committee answered that buses could not carry the numbers forecast for the hospital and the university campus beside it.",
	"Shop owners on Quay Street, where the line will run, asked for compensation during the works. The council said a fund would be set up before the first rails are laid.",
	"The mayor said the extension was the largest transport project in the city since the ring road was finished in 1994, and promised that fares would not rise to pay for it.",
}

var otherStory = []string{
	"Fishermen in the northern ports landed their smallest catch of herring for a decade this winter, the fisheries agency said on Monday, blaming warmer water and a late spawning season.",
	"Prices at the morning auction in the harbour rose by almost a half, and two processing plants said they would cut shifts until the spring mackerel season begins.",
	"The agency will publish revised quotas in March after a survey by its research vessel, which returns to port next week after six weeks at sea.",
}

// createText archives articles straight through the store, as an older
// version of the program did, without fingerprints.
func createText(t *testing.T, a *apptest.Archive, texts ...[]string) []int64 {
	t.Helper()
	arts := make([]store.Article, len(texts))
	origs := make([]store.Original, len(texts))
	for i, paras := range texts {
		body := strings.Join(paras, "\n\n")
		title := strings.Join(strings.Fields(paras[0])[:6], " ")
		arts[i] = store.Article{Title: title, Body: body, ContentHash: ingest.ContentHash(title, body), Origin: "test"}
		origs[i] = store.Original{ContentType: "text/plain", Data: []byte(body)}
	}
	ids, errs, err := a.Store.CreateArticles(context.Background(), arts, origs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e != nil {
			t.Fatal(e)
		}
	}
	return ids
}

// TestSimilar finds a lightly edited copy of a story (a changed sentence,
// an added line) and not another story; fingerprints missing from older
// archives are computed on first use.
func TestSimilar(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	edited := append([]string{}, story...)
	edited[1] = strings.Replace(edited[1], "eleven thousand", "twelve thousand", 1)
	edited = append(edited, "Follow the Riverside Courier on social media for updates.")
	ids := createText(t, a, story, edited, otherStory)

	got, err := a.Search.Similar(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != ids[1] {
		t.Fatalf("similar to the story: %+v, want article %d", got, ids[1])
	}
	if got, err := a.Search.Similar(ctx, ids[2]); err != nil || len(got) != 0 {
		t.Errorf("similar to the other story: %+v %v", got, err)
	}
	if _, err := a.Search.Similar(ctx, 999); err == nil {
		t.Errorf("similar to a missing article: no error")
	}
	groups, err := a.Search.NearDuplicates(ctx)
	if err != nil || len(groups) != 1 || len(groups[0].Articles) != 2 || groups[0].MaxDistance > simhash.NearThreshold {
		t.Fatalf("groups: %+v %v", groups, err)
	}
	fps, _ := a.Store.Fingerprints(ctx)
	if len(fps) != 3 {
		t.Errorf("%d fingerprints after backfill, want 3", len(fps))
	}
}

// TestFingerprintsAtImport checks that import fingerprints what it stores.
func TestFingerprintsAtImport(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "a.txt", []byte("Tramway extension approved\n\n"+strings.Join(story, "\n\n")))
	apptest.WriteFile(t, dir, "b.txt", []byte("Herring catch falls\n\n"+strings.Join(otherStory, "\n\n")))
	if rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{}); err != nil || rep.Imported != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	fps, err := a.Store.Fingerprints(ctx)
	if err != nil || len(fps) != 2 || fps[0].SimHash == 0 {
		t.Errorf("fingerprints after import: %+v %v", fps, err)
	}
}

// TestNearDuplicatesBBC imports the BBC corpus: the 98 exact duplicates
// are refused by content hash, and the near-duplicate groups are listed
// with every member near another.
func TestNearDuplicatesBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the BBC corpus")
	}
	dir := corpus.Path(t, "corpus", "bbc")
	a := apptest.Open(t)
	ctx := context.Background()
	rep, err := a.Importer.Import(ctx, []string{dir}, importer.Options{})
	if err != nil || rep.Duplicates != 98 {
		t.Fatalf("duplicates %d, want 98 (%v)", rep.Duplicates, err)
	}
	groups, err := a.Search.NearDuplicates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var members int
	for _, g := range groups {
		members += len(g.Articles)
	}
	t.Logf("%d near-duplicate groups, %d articles", len(groups), members)
	if len(groups) < 20 || len(groups) > 200 {
		t.Errorf("%d near-duplicate groups: expected tens (the corpus has about 66 pairs of versions of a story)", len(groups))
	}
	first := groups[0].Articles[0].ID
	near, err := a.Search.Similar(ctx, first)
	if err != nil || len(near) == 0 {
		t.Errorf("similar to %d, a member of the largest group: %v %v", first, near, err)
	}
}
