package ner

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestBlocks(t *testing.T) {
	long := strings.Repeat("word ", 5000) // 25,000 bytes, no full stop
	sentences := strings.Repeat("A short sentence here. ", 800)
	tests := []struct {
		name string
		text string
		min  int // at least this many blocks
	}{
		{"empty", "", 0},
		{"one paragraph", "One. Two.", 1},
		{"two paragraphs", "One.\n\nTwo.", 2},
		{"blank paragraphs", "\n\n\n\nOne.\n\n   \n\n", 1},
		{"long without stops", long, 4},
		{"long with stops", sentences, 3},
		{"multibyte", strings.Repeat("Zürich€", 3000), 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs := blocks(tc.text)
			if len(bs) < tc.min {
				t.Fatalf("%d blocks, want >= %d", len(bs), tc.min)
			}
			last := 0
			for _, b := range bs {
				if len(b.text) > maxBlock || b.start < last || tc.text[b.start:b.start+len(b.text)] != b.text {
					t.Fatalf("bad block at %d (%d bytes)", b.start, len(b.text))
				}
				last = b.start + len(b.text)
			}
			if tc.name == "long with stops" {
				for _, b := range bs[:len(bs)-1] {
					if !strings.HasSuffix(b.text, ". ") {
						t.Errorf("block cut mid-sentence: ...%q", b.text[len(b.text)-20:])
					}
				}
			}
		})
	}
}

// hugeText is 19 MB of words without sentence punctuation, with a name
// early on and one past the first megabyte.
func hugeText() string {
	var sb strings.Builder
	sb.WriteString("yesterday Angela Merkel said ")
	for sb.Len() < 2<<20 {
		sb.WriteString("the talks went on and on and on without end ")
	}
	sb.WriteString("then Gordon Brown said ")
	for sb.Len() < 19<<20 {
		sb.WriteString("the talks went on and on and on without end ")
	}
	return sb.String()
}

func TestTagBoundedOnHugeText(t *testing.T) {
	tg := loadTagger(t)
	text := hugeText()
	lim := Limits{MaxBytes: 64 << 10, MaxSentenceTokens: 150}
	ents, err := tg.TagWithLimits(context.Background(), text, nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.End > lim.MaxBytes {
			t.Errorf("entity past the byte limit: %+v", e)
		}
	}
	found := false
	for _, e := range ents {
		found = found || e.Text == "Angela Merkel"
	}
	if !found {
		t.Errorf("Angela Merkel not found in the tagged part: %+v", ents)
	}
}

func TestTagBudget(t *testing.T) {
	tg := loadTagger(t)
	text := hugeText()
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		lim  Limits
	}{
		{"cancelled context", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, DefaultLimits},
		{"budget", func() (context.Context, context.CancelFunc) {
			return context.WithCancel(context.Background())
		}, Limits{Budget: time.Millisecond}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := tc.ctx()
			defer cancel()
			ents, err := tg.TagWithLimits(ctx, text, nil, tc.lim)
			if !errors.Is(err, ErrBudget) || ents != nil {
				t.Fatalf("got %d entities, error %v; want ErrBudget", len(ents), err)
			}
		})
	}
}

func TestLongSentenceIsCut(t *testing.T) {
	tg := loadTagger(t)
	text := strings.Repeat("and then ", 400) + "Angela Merkel spoke in Berlin"
	sents, err := tg.segment(context.Background(), text, Limits{MaxSentenceTokens: 100}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range sents {
		if len(s) > 100 {
			t.Errorf("sentence of %d tokens", len(s))
		}
		n += len(s)
	}
	if n < 800 {
		t.Errorf("%d tokens kept, want all of them", n)
	}
}

func TestLanguage(t *testing.T) {
	tg := loadTagger(t)
	read := func(name string) string {
		b, err := os.ReadFile("testdata/lang/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		file      string
		wantErr   bool
		want, not []string
	}{
		{file: "pt.txt", wantErr: true},
		{file: "ru.txt", wantErr: true},
		{file: "mixed.txt", want: []string{"Tony Blair", "Angela Merkel", "Berlin", "Merkel", "Hamburg"},
			not: []string{"Alfabetização", "Ministério da Educação", "Brasília", "CHELSEA", "ARSENAL", "Chelsea", "Arsenal", "LONDON"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			ents, err := tg.TagContext(context.Background(), read(tc.file), nil)
			if tc.wantErr {
				if !errors.Is(err, ErrUnsupportedLanguage) || len(ents) > 0 {
					t.Fatalf("got %v, %v; want ErrUnsupportedLanguage and nothing", ents, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, e := range ents {
				got[e.Text] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %q in %v", w, got)
				}
			}
			for _, n := range tc.not {
				if got[n] {
					t.Errorf("%q tagged", n)
				}
			}
		})
	}
}

func TestIsProse(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		text string
		want bool
	}{
		{"Prime Minister Tony Blair met the press in London.", true},
		{"BLAIR URGES CALM AFTER VOTE", false},
		{"Chelsea 2-1 Arsenal", false},
		{"Man Utd 0 Liverpool 1 (Gerrard 45)", false},
		{"Tony Blair", true},
		{"NATO said on Monday the talks would resume.", true},
		{"Brown Pledges Cash For Schools", false},
	}
	for _, tc := range tests {
		if got := isProse(tg.pipe.sentence(tc.text)); got != tc.want {
			t.Errorf("isProse(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
