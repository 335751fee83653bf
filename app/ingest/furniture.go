package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture is recognised by general rules: the shape of a line (length,
// final punctuation, separators), link-like words, and its similarity to the
// vocabulary that menus, share prompts, comment sections and footers are
// written in. No rule names one page's exact lines.

// furnitureWords is the vocabulary of page furniture.
var furnitureWords = wordSet(`
	a about account ad ads advert advertisement advertising all also an and app apps archive archives are article articles
	at author back blog bookmark breaking by categories category click close comment comments community contact content contents
	continue cookie cookies copy copyright credit credits donate download edit editor editorial email e enter et every
	facebook faq feedback follow for free from full gallery get go help here hide home image images in info instagram is
	it its jobs join latest leave like link links linkedin listen live load loading log login logout main mail may me menu
	messenger more most my navigation new news newsletter newsletters next now of on or other our page pages photo photos
	pinterest podcast podcasts policy popular post posted posts premium previous print privacy read recent recommended
	reddit register related replies reply reserved rights rss save search section see share shares sharing show sign site
	sitemap skip social sponsored spread stories story subscribe subscription support table tag tags telegram terms the
	this thread threads tiktok tips to today top topics touch trending twitter up us use video videos view views watch
	we website whatsapp word x you your youtube
`)

// socialWords are names of social networks and share buttons.
var socialWords = wordSet(`
	facebook twitter x whatsapp linkedin instagram pinterest reddit telegram email mail e youtube tiktok threads mastodon
	bluesky messenger snapchat tumblr flipboard rss print share copy link vk weibo wechat line sms
`)

// endWords mark headings of the sections that follow an article's text:
// comments, related stories, newsletters, tags, author boxes and footers.
var endWords = wordSet(`
	comment comments related recommended trending popular newsletter newsletters tags copyright reserved reply touch
	other more recent author
`)

var (
	counterRe   = regexp.MustCompile(`(?i)^(\d[\d,.]*\s*[kmKM]?\s+(comments?|replies|responses|shares?|likes?|views?|reactions?|reads?)|(comments?|replies|shares?|likes?|views?)\s*[:(]?\s*\d[\d,.]*\s*\)?)$`)
	urlLineRe   = regexp.MustCompile(`(?i)^(https?://|www\.)\S+$|^\S+@\S+\.\w+$`)
	navSepRe    = regexp.MustCompile(`\s*(\||•|·|»|›|≡|/|>|\t| {3,})\s*`)
	copyrightRe = regexp.MustCompile(`(?i)(©|\(c\)\s*\d{4}|^copyright\b|all rights reserved)`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits a line into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// isProse reports whether a line reads as running text: a sentence or more.
// A line ending in an ellipsis is a teaser or a prompt, not a sentence.
func isProse(line string) bool {
	_, n := letterWords(line)
	if n >= 15 {
		return true
	}
	return n >= 6 && endsSentence(line) && !strings.HasSuffix(line, "...") && !strings.HasSuffix(line, "…")
}

// furniture classifies a line that is not running text. It reports whether
// the line is page furniture, and whether it heads a section that follows the
// article (comments, related stories, footer), after which the body ends.
func furniture(line string) (isFurniture, endsBody bool) {
	t := strings.TrimSpace(line)
	if fieldsAtMost(t, 25) && copyrightRe.MatchString(t) {
		return true, true
	}
	ws := firstWords(t, 11) // the rules below look at lines of ten words or fewer
	if len(ws) == 0 {
		return true, false // punctuation, bullets, emoji only
	}
	if len(ws) <= 10 {
		in, end := 0, false
		for _, w := range ws {
			if furnitureWords[w] {
				in++
			}
			if endWords[w] {
				end = true
			}
		}
		// Most of the words are furniture vocabulary, and at least two of
		// them (or the only word) are, so "Other News" and "Get in touch" go
		// while a subheading such as "Trade talks in Geneva" stays.
		if in*10 >= len(ws)*8 && (in >= 2 || len(ws) == 1) {
			return true, end && len(ws) <= 6
		}
	}
	if isProse(t) {
		return false, false
	}
	if counterRe.MatchString(t) || urlLineRe.MatchString(t) {
		return true, false
	}
	if allSocial(t) || isNavigation(t) {
		return true, false
	}
	return false, false
}

// endsSentence reports whether s ends in a sentence's or a clause's final
// punctuation, a closing quote or bracket.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(`.!?…:;"”’')]`, r)
}

// collapseSpaces replaces each run of tabs, spaces and no-break spaces in
// s with one space; s itself when it has none to replace (most lines).
func collapseSpaces(s string) string {
	i, prev := 0, false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		sp := hSpace(r)
		if sp && (r != ' ' || prev) {
			break
		}
		prev = sp
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if hSpace(r) {
			if !prev {
				b.WriteByte(' ')
			}
			prev = true
		} else {
			b.WriteString(s[i : i+size])
			prev = false
		}
		i += size
	}
	return b.String()
}

// hSpace reports whether r is a tab, a space or a no-break space.
func hSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u2007' || r == '\u202f'
}

// fieldsAtMost reports whether s has at most n space-separated fields, as
// len(strings.Fields(s)) <= n, without splitting a long line.
func fieldsAtMost(s string, n int) bool {
	fields, inField := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if fields++; fields > n {
				return false
			}
		}
	}
	return true
}

// isNavigation recognises menus and breadcrumbs: three or more short items
// separated by bars, bullets, arrows, slashes or wide gaps.
func isNavigation(line string) bool {
	parts := navSepRe.Split(strings.TrimSpace(line), -1)
	items := 0
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(strings.Fields(p)) > 4 {
			return false
		}
		items++
	}
	return items >= 3
}

// firstWords returns the first n words of s as words does, without
// splitting the rest of a long line.
func firstWords(s string, n int) []string {
	var ws []string
	eachWord(s, func(w string) bool {
		ws = append(ws, strings.ToLower(w))
		return len(ws) < n
	})
	return ws
}

// allSocial reports whether every word of s names a social network or a
// share button.
func allSocial(s string) bool {
	all := true
	eachWord(s, func(w string) bool {
		all = socialWords[strings.ToLower(w)]
		return all
	})
	return all
}

// eachWord calls f with each word of s (a run of letters and digits) until
// f returns false.
func eachWord(s string, f func(w string) bool) {
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			if !f(s[start:i]) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}
