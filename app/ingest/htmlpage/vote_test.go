package htmlpage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestVote(t *testing.T) {
	story1 := "The council voted on Tuesday to close the old bridge for repairs."
	story2 := "Engineers said the work would take at least six months to finish."
	caption := "The old bridge seen from the river bank in March last year."
	menu := "- Home\n- Bridge\n- Sport"
	page := menu + "\n\n" + caption + "\n\n" + story1 + "\n\nBackground\n\n" + story2 + "\n\nShare this story on social media today please"
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"two of three keep a paragraph, one alone does not",
			[]string{story1 + "\n\n" + story2, story1 + "\n\n" + story2 + "\n\n" + caption, story1},
			story1 + "\n\n" + story2},
		{"a trimmed paragraph still counts",
			[]string{story1 + "\n\n" + story2, story1 + "\n\n" + strings.TrimSuffix(story2, " to finish."), ""},
			story1 + "\n\n" + story2},
		{"page order wins over a ballot's order",
			[]string{story2 + "\n\n" + story1, story1 + "\n\n" + story2, ""},
			story1 + "\n\n" + story2},
		{"a short line between kept paragraphs is kept",
			[]string{story1 + "\n\nBackground\n\n" + story2, story1 + "\n\nBackground\n\n" + story2, story1},
			story1 + "\n\nBackground\n\n" + story2},
		{"menu words the story uses are not kept away from the story",
			[]string{"The bridge is home to the sport club. " + story1, "The bridge is home to the sport club. " + story1, ""},
			story1},
		{"most extractors empty: nothing",
			[]string{"", "", caption + " " + story1},
			""},
		{"ballots that never meet: the medoid",
			[]string{"alpha beta gamma delta epsilon zeta eta theta", "alpha beta gamma delta epsilon zeta eta theta iota", "one two three four five six"},
			"alpha beta gamma delta epsilon zeta eta theta"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vote(page, tt.texts, DefaultVoteShare); got != tt.want {
				t.Errorf("vote = %q\nwant   %q", got, tt.want)
			}
			if got := newBallots(page, tt.texts).Vote(DefaultVote()); got != tt.want {
				t.Errorf("Ballots.Vote(DefaultVote()) = %q\nwant   %q", got, tt.want)
			}
		})
	}
}

func TestVoteOptions(t *testing.T) {
	story1 := "The council voted on Tuesday to close the old bridge for repairs."
	story2 := "Engineers said the work would take at least six months to finish."
	caption := "The old bridge seen from the river bank in March last year."
	page := "Home\n\n" + caption + "\n\n" + story1 + "\n\n" + story2
	texts := []string{ // readability, trafilatura, distiller
		caption + "\n\n" + story1 + "\n\n" + story2,
		story1 + "\n\n" + story2,
		story1,
	}
	b := newBallots(page, texts)
	tests := []struct {
		name string
		opt  VoteOptions
		want string
	}{
		{"default: 2 of 3", DefaultVote(), story1 + "\n\n" + story2},
		{"trafilatura and one other", VoteOptions{Weights: [3]float64{0.5, 1, 0.5}, Share: 0.5, Floor: 0.5}, story1 + "\n\n" + story2},
		{"readability outweighs the others", VoteOptions{Weights: [3]float64{2, 0.5, 0.5}, Share: 0.5, Floor: 0.5}, caption + "\n\n" + story1 + "\n\n" + story2},
		{"3 of 3, half the median ballot kept", VoteOptions{Weights: [3]float64{1, 1, 1}, Share: 0.8, Floor: 0.5}, story1},
		{"3 of 3 under a higher floor: the medoid", VoteOptions{Weights: [3]float64{1, 1, 1}, Share: 0.8, Floor: 0.75}, texts[1]},
		{"no floor: never the medoid", VoteOptions{Weights: [3]float64{1, 1, 1}, Share: 0.9, Floor: 0}, story1},
	}
	for _, tt := range tests {
		if got := b.Vote(tt.opt); got != tt.want {
			t.Errorf("%s: %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestVoteTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, World! 2024", "hello world 2024"},
		{"東京都 in Japan", "東 京 都 in japan"},
		{"café-au-lait", "café au lait"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(voteTokens(tt.in), " "); got != tt.want {
			t.Errorf("voteTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseWithEachExtractor(t *testing.T) {
	x, err := Extract(readTestdata(t, "news-jsonld.html"), "https://gazette.example/", "")
	if err != nil {
		t.Fatal(err)
	}
	if x.Ballots() == nil || x.LineText(DefaultLineModel()) != x.Text(Vote) || x.Title() == "" {
		t.Errorf("the learned decision through Ballots differs from Text(Vote), or no title %q", x.Title())
	}
	for _, ex := range []Extractor{Vote, Readability, Trafilatura, Distiller} {
		a, err := x.Article(ex)
		if err != nil {
			t.Errorf("%s: %v", ex, err)
			continue
		}
		if wordCount(a.Body) < 50 || a.Title == "" {
			t.Errorf("%s: title %q, %d body words", ex, a.Title, wordCount(a.Body))
		}
	}
}

func TestPageTooLarge(t *testing.T) {
	raw := []byte("<html><body><p>" + strings.Repeat("word ", MaxPageBytes/5) + "</p></body></html>")
	if _, err := Parse(raw, "", ""); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestPageText(t *testing.T) {
	doc := mustParse(t, `<html><body><form id="aspnetForm"><nav><a href="/">Home</a></nav>`+
		`<p>The story sits inside the page's form.</p><button>Share</button><script>x()</script>`+
		`<p hidden>secret</p></form></body></html>`)
	got, infos := pageText(doc)
	if want := "Home\n\nThe story sits inside the page's form.\n\nShare"; got != want {
		t.Errorf("pageText = %q, want %q", got, want)
	}
	// One info a line: the link in the nav, a blank line, the paragraph
	// in the form (chrome), a blank line, the button.
	want := []lineInfo{{ctxChrome | ctxLink, 1, 1}, {}, {ctxChrome | ctxPara, 7, 0}, {}, {ctxChrome, 1, 0}}
	if fmt.Sprint(infos) != fmt.Sprint(want) {
		t.Errorf("pageText infos = %v, want %v", infos, want)
	}
	if got := Text(doc); got != "" {
		t.Errorf("Text = %q, want the form left out", got)
	}
}
