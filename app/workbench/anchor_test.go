package workbench

import (
	"strings"
	"testing"
)

func TestAnchor(t *testing.T) {
	const body = "Yukos said on Monday it would appeal. The oil firm Yukos said its assets were frozen. Yukos said so."
	quote := "The oil firm Yukos said its assets were frozen."
	start := strings.Index(body, quote)
	sel := selectorAt(body, start, start+len(quote))
	repeated := selectorAt(body, strings.LastIndex(body, "Yukos said"), strings.LastIndex(body, "Yukos said")+len("Yukos said"))
	tests := []struct {
		name    string
		body    string
		sel     Selector
		want    string // the text anchored; "" for orphaned
		wantPos int    // its offset, -1 to skip the check
	}{
		{"unchanged", body, sel, quote, start},
		{"moved", "New first paragraph.\n\n" + body, sel, quote, start + len("New first paragraph.\n\n")},
		{"repeated quote picked by its context", "Intro. " + body, repeated, "Yukos said", len("Intro. ") + repeated.Start},
		{"reworded slightly", strings.Replace(body, "were frozen", "had been frozen", 1), sel,
			"The oil firm Yukos said its assets had been frozen.", -1},
		{"typo fixed", strings.Replace(body, "oil firm", "oil-firm", 1), sel, "The oil-firm Yukos said its assets were frozen.", -1},
		{"gone", "A different story about football entirely, with nothing in common.", sel, "", -1},
		{"empty body", "", sel, "", -1},
		{"short quote not fuzzy", "Yukas", Selector{Quote: "Yukos", Start: 0, End: 5}, "", -1},
		{"offsets out of range", body, Selector{Quote: quote, Start: 500, End: 600}, quote, start},
		{"multibyte", "Ünïcödé — Здравствуйте мир, the quote is here ✓ and more.",
			Selector{Quote: "Здравствуйте мир, the quote", Start: 3, End: 9}, "Здравствуйте мир, the quote", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e, ok := Anchor(tt.body, tt.sel)
			if tt.want == "" {
				if ok {
					t.Fatalf("Anchor found %q, want orphaned", tt.body[s:e])
				}
				return
			}
			if !ok {
				t.Fatalf("Anchor orphaned it, want %q", tt.want)
			}
			if got := tt.body[s:e]; got != tt.want {
				t.Errorf("Anchor = %q, want %q", got, tt.want)
			}
			if tt.wantPos >= 0 && s != tt.wantPos {
				t.Errorf("Anchor at %d, want %d", s, tt.wantPos)
			}
		})
	}
}

func TestFindQuote(t *testing.T) {
	const body = "Shares rose.\nThe   bank said\nprofits fell. The bank said more."
	tests := []struct {
		quote string
		near  int
		want  string
		at    int
	}{
		{"The bank said", -1, "The bank said", strings.Index(body, "The bank said")},
		{"The bank said profits", -1, "The   bank said\nprofits", strings.Index(body, "The   bank")},
		{"The bank said", 40, "The bank said", strings.Index(body, "The bank said")},
		{"nowhere", -1, "", 0},
		{"   ", -1, "", 0},
	}
	for _, tt := range tests {
		s, e, ok := findQuote(body, tt.quote, tt.near)
		if tt.want == "" {
			if ok {
				t.Errorf("findQuote(%q) = %q, want not found", tt.quote, body[s:e])
			}
			continue
		}
		if !ok || body[s:e] != tt.want || s != tt.at {
			t.Errorf("findQuote(%q, %d) = %d %q %v, want %d %q", tt.quote, tt.near, s, body[s:min(e, len(body))], ok, tt.at, tt.want)
		}
	}
}

func FuzzAnchor(f *testing.F) {
	f.Add("The oil firm Yukos said its assets were frozen.", "oil firm Yukos said its", "The ", " assets", 4, 27)
	f.Add("ééé ààà", "ààà", "", "", 0, 1)
	f.Fuzz(func(t *testing.T, body, quote, prefix, suffix string, start, end int) {
		s, e, ok := Anchor(body, Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: start, End: end})
		if !ok {
			return
		}
		if s < 0 || e < s || e > len(body) {
			t.Fatalf("Anchor = [%d,%d) outside a body of %d bytes", s, e, len(body))
		}
	})
}

func BenchmarkAnchorFuzzy(b *testing.B) {
	para := "The Russian oil giant said its production would fall after the tax claims were upheld by the court. "
	body := strings.Repeat(para, 100) + "In the end the oil firm Yukos said its assets had been frozen by the bailiffs." + strings.Repeat(para, 100)
	sel := Selector{Quote: "the oil firm Yukos said its assets were frozen by the bailiffs", Start: 1, End: 2}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := Anchor(body, sel); !ok {
			b.Fatal("not found")
		}
	}
}
