package ner

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func loadTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// seedBody returns the article paragraphs of the seed page.
func seedBody(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/seed_us_china_call.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "Table of Contents\n")
	end := strings.Index(s, "two largest economies.")
	if start < 0 || end < 0 {
		t.Fatal("seed page markers not found")
	}
	return s[start+len("Table of Contents\n") : end+len("two largest economies.")]
}

// seedWant is what the seed page must give, with no gazetteer. Huawei
// ("chips ... from Huawei") is in no training data: the unknown-word rule
// (unknown.go) finds it and the sentence's "firms" types it.
var seedWant = []string{
	"ORG Huawei",
	"PERSON Ma Zhaoxu", "PERSON Christopher Landau", "PERSON Dan Wang", "PERSON David Perdue",
	"PERSON Perdue", "PERSON He Lifeng", "PERSON Jamie Dimon",
	"ORG Eurasia Group", "ORG JPMorgan Chase", "ORG Ministry of Commerce",
	"PLACE China", "PLACE United States", "PLACE U.S.", "PLACE Geneva", "PLACE Washington", "PLACE Beijing",
}

func TestSeedPage(t *testing.T) {
	tg := loadTagger(t)
	body := seedBody(t)
	t.Run("model", func(t *testing.T) {
		checkSeed(t, body, tg.Tag(body, nil), seedWant)
	})
	t.Run("gazetteer", func(t *testing.T) {
		g := NewGazetteer([]Known{{Name: "Huawei", Type: Org}}, []string{"Eurasia Group"})
		want := slices.DeleteFunc(slices.Clone(seedWant), func(s string) bool { return s == "ORG Eurasia Group" })
		checkSeed(t, body, tg.Tag(body, g), want)
	})
}

func checkSeed(t *testing.T, body string, ents []Entity, want []string) {
	t.Helper()
	got := map[string]bool{}
	for _, e := range ents {
		if e.Text != body[e.Start:e.End] {
			t.Errorf("entity %+v: text does not match its offsets", e)
		}
		switch {
		case e.Type == Org && e.Text == "Chinese Ministry of Commerce":
			e.Text = "Ministry of Commerce"
		case e.Type == Org && e.Text == "Ministry":
			if e.Canonical != "Ministry of Commerce" && e.Canonical != "Chinese Ministry of Commerce" {
				t.Errorf("the Ministry links to %q", e.Canonical)
			}
			continue
		case e.Text == "Perdue":
			if e.Canonical != "David Perdue" {
				t.Errorf("Perdue links to %q, want David Perdue", e.Canonical)
			}
		}
		got[e.Type+" "+e.Text] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %s", w)
		}
		delete(got, w)
	}
	for g := range got {
		t.Errorf("spurious %s", g)
	}
}

func TestTitlesStayOutOfNames(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct{ text, want string }{
		{"Yesterday Prime Minister Tony Blair met the press in London.", "Tony Blair"},
		{"The talks were led by Deputy Secretary of State Richard Armitage on Monday.", "Richard Armitage"},
		{"Officials said President Lula da Silva would travel on Friday.", "Lula da Silva"},
		{"Acme Corp CEO Janet Holloway said profits rose sharply.", "Janet Holloway"},
		{"Mr. Karzai told reporters the vote would go ahead.", "Karzai"},
		{"The French Ambassador Pierre Vimont spoke to reporters.", "Pierre Vimont"},
	}
	for _, tc := range tests {
		var people []string
		for _, e := range tg.Tag(tc.text, nil) {
			if e.Type == Person {
				people = append(people, e.Text)
			}
		}
		if !slices.Contains(people, tc.want) {
			t.Errorf("%q: people %q, want %q", tc.text, people, tc.want)
		}
	}
}

func TestLinking(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct{ text, mention, canonical string }{
		{"Angela Merkel arrived in Paris on Monday. Merkel said the talks went well.", "Merkel", "Angela Merkel"},
		{"Foreign Minister Wang Yi visited Moscow. Mr Wang met his Russian counterpart there.", "Wang", "Wang Yi"},
		{"Jamie Dimon spoke at the forum. Later Dimon declined to comment.", "Dimon", "Jamie Dimon"},
	}
	for _, tc := range tests {
		found := false
		for _, e := range tg.Tag(tc.text, nil) {
			if e.Text == tc.mention && e.Start > 0 && tc.text[:e.Start] != "" && e.Canonical == tc.canonical {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %q linking to %q in %+v", tc.text, tc.mention, tc.canonical, tg.Tag(tc.text, nil))
		}
	}
}

func TestUnknownNames(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		text string
		want []string // TYPE text of the entities that must be found
		not  []string // texts that must not be entities
	}{
		{"The company signed a supply deal with Kravelix on Monday.", []string{"ORG Kravelix"}, nil},
		{"Rival makers cut prices after a deal with Brellox fell through.", []string{"ORG Brellox"}, nil},
		{"Farmers there follow the old Quorvian calendar.", nil, []string{"Quorvian"}},
	}
	for _, tc := range tests {
		got := map[string]string{}
		for _, e := range tg.Tag(tc.text, nil) {
			got[e.Text] = e.Type
		}
		for _, w := range tc.want {
			typ, text, _ := strings.Cut(w, " ")
			if got[text] != typ {
				t.Errorf("%q: %q typed %q, want %s (all: %v)", tc.text, text, got[text], typ, got)
			}
		}
		for _, n := range tc.not {
			if typ, ok := got[n]; ok {
				t.Errorf("%q: %q returned as %s", tc.text, n, typ)
			}
		}
	}
}

func TestPossessiveSplit(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		text string
		want []string
	}{
		{"He flew on France's Aigle Azur yesterday.", []string{"PLACE France", "ORG Aigle Azur"}},
		{"On Monday Spain's National Court rejected the appeal.", []string{"PLACE Spain", "ORG National Court"}},
	}
	for _, tc := range tests {
		var got []string
		for _, e := range tg.Tag(tc.text, nil) {
			got = append(got, e.Type+" "+e.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestNoPronounsOrSentenceInitialWords(t *testing.T) {
	tg := loadTagger(t)
	text := "He said the plan would work. Though analysts disagreed, They went ahead. Analysts expect more."
	for _, e := range tg.Tag(text, nil) {
		t.Errorf("unexpected entity %+v", e)
	}
}

func TestGazetteer(t *testing.T) {
	tg := loadTagger(t)
	g := NewGazetteer([]Known{
		{Name: "Zorblax Industries", Type: Org, Aliases: []string{"Zorblax"}},
		{Name: "Paris", Type: Person}, // corrected by a user: here Paris is a person
	}, []string{"Jamie Dimon"})
	text := "Zorblax reported losses, and Paris told Jamie Dimon about Zorblax Industries."
	got := map[string]Entity{}
	for _, e := range tg.Tag(text, g) {
		got[e.Text] = e
	}
	if e, ok := got["Zorblax"]; !ok || e.Type != Org || e.Canonical != "Zorblax Industries" {
		t.Errorf("Zorblax: %+v", e)
	}
	if e, ok := got["Zorblax Industries"]; !ok || e.Type != Org {
		t.Errorf("Zorblax Industries: %+v", e)
	}
	if e := got["Paris"]; e.Type != Person {
		t.Errorf("Paris typed %q, want the stored PERSON", e.Type)
	}
	if e, ok := got["Jamie Dimon"]; ok {
		t.Errorf("rejected name returned: %+v", e)
	}
}

func TestOffsetsWithCurlyQuotes(t *testing.T) {
	tg := loadTagger(t)
	text := "“We agree,” said Angela Merkel’s spokesman in Berlin’s centre on Monday."
	ents := tg.Tag(text, nil)
	var texts []string
	for _, e := range ents {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("bad offsets %+v", e)
		}
		texts = append(texts, e.Text)
	}
	for _, w := range []string{"Angela Merkel", "Berlin"} {
		if !slices.Contains(texts, w) {
			t.Errorf("missing %q in %q", w, texts)
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("Vice Premier He Lifeng met JPMorgan Chase CEO Jamie Dimon in Beijing.")
	f.Add("“Quoted,” said Mr O’Neill’s aide &rsquo; in St. Louis's U.S.-made . . .")
	f.Add("\xff\xfe Ünïcödé Zürich — São Paulo 's")
	f.Add("")
	tg, err := New()
	if err != nil {
		f.Fatal(err)
	}
	g := NewGazetteer([]Known{{Name: "St. Louis", Type: Place}}, []string{"Paulo"})
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range tg.Tag(s, g) {
			if e.Start < 0 || e.Start >= e.End || e.End > len(s) || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v in %q", e, s)
			}
		}
	})
}
