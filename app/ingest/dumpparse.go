package ingest

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// ErrDumpNoText reports a scraped page in which no line is left once the
// text browser's furniture (menus, link lists, image and button markers,
// reference lists) is taken out: the file is not empty, but it holds no
// article.
var ErrDumpNoText = errors.New("no article text found in the scraped page")

// ParseDump extracts the article from a renderer's dump of a web page with
// the embedded model. Article.Note says when the body is a fallback.
func ParseDump(raw []byte) (Article, error) {
	return ParseDumpWith(raw, DefaultDumpModel())
}

// ParseDumpWith is ParseDump with a given model (training and evaluation).
func ParseDumpWith(raw []byte, m *DumpModel) (Article, error) {
	text, _, err := Decode(raw)
	if err != nil {
		return Article{}, err
	}
	return parseDumpText(text, m)
}

func parseDumpText(text string, m *DumpModel) (Article, error) {
	return NewDumpAnalysis(text).Article(m)
}

// Article scores the analysed dump with m and extracts the article.
func (a *DumpAnalysis) Article(m *DumpModel) (Article, error) {
	if len(a.Lines) == 0 {
		return Article{}, fmt.Errorf("%w: every line is the text browser's page furniture (menus, link lists, image and button markers)", ErrDumpNoText)
	}
	m = a.Score(m)
	_, keep, note := a.body(m)
	var art Article
	art.Note = note
	cands := a.TitleCandidates(keep)
	probs := make([]float64, len(cands)) // the ranker's, read once
	for k, c := range cands {
		probs[k] = m.Title.Prob(c.Feats)
	}
	// Titles the page states decide over the ranker (dumpstated.go).
	best, stated, statedSite := a.statedTitle(cands, probs, likeliest(probs, func(int) bool { return true }))
	if best < 0 && stated != "" {
		art.Title, art.Source = stated, statedSite
		a.dropTitleLines(keep, NormTitle(stated), -1)
	}
	if best >= 0 {
		c := cands[best]
		art.Title, art.Source = a.titleText(c), c.Site
		// A headline kept with the text is the title, not body; a sentence
		// that serves as title stays in the body.
		for l := c.Line; l < c.Line+c.Lines && l < len(keep); l++ {
			if c.Site == "" && keep[l] && !a.F1Bool(l, 8) {
				keep[l] = false
			}
		}
		a.dropTitleLines(keep, c.norm, c.Line)
	}
	art.Body = a.Join(keep)
	if strings.TrimSpace(art.Body) == "" {
		return Article{}, ErrDumpNoText
	}
	if art.Title == "" {
		art.Title = firstSentence(strings.SplitN(art.Body, "\n", 2)[0])
	}
	a.findMeta(&art, keep)
	if art.Byline == "" && best >= 0 {
		art.Byline = a.nameLine(cands[best], keep)
	}
	art.Language = a.Lang
	if art.Language == "" {
		art.Language = detectLanguage(art.Body)
	}
	return art, nil
}

// dropTitleLines takes out of the body the kept lines other than line skip
// that read as the title norm (NormTitle) and are not sentences: a headline
// repeated in the text.
func (a *DumpAnalysis) dropTitleLines(keep []bool, norm string, skip int) {
	for i := range keep {
		if i != skip && keep[i] && !a.F1Bool(i, 8) && NormTitle(a.Lines[i].Text) == norm {
			keep[i] = false
		}
	}
}

// findMeta reads the date and byline from the lines around the start of the
// body, and the site from the feeds' titles (before the title's site part,
// which is at times a kicker or a section) or else, when the title gave
// none, from a copyright line.
func (a *DumpAnalysis) findMeta(art *Article, keep []bool) {
	first := 0
	for i, k := range keep {
		if k {
			first = i
			break
		}
	}
	for i := max(0, first-30); i < len(a.Lines) && i < first+5; i++ {
		l := a.Lines[i].Text
		// A dateline the line model kept at the top of the body ("Le
		// Monde | 04.05.2015 à 13h36 | Par ...") still dates the article;
		// kept sentences further on do not.
		// A long line is a dateline only when separators divide it (an
		// unwrapped dump's "Le Monde | 04.05.2015 ... | Par ...").
		if keep[i] && (i > first+2 || a.F1Bool(i, 8) || a.Lines[i].Bullet) || len(strings.Fields(l)) > 20 && !dateSepRe.MatchString(l) {
			continue
		}
		if m := bylineRe.FindStringSubmatch(l); m != nil && art.Byline == "" {
			art.Byline = strings.TrimSpace(bylineCutRe.ReplaceAllString(m[1], ""))
		}
		if art.Published == "" {
			if iso, ok := ParseDate(l); ok {
				art.Published, art.PublishedText = iso, l
			}
		}
	}
	if s := a.feedSite(); s != "" {
		art.Source = s
	}
	if art.Source == "" {
		lines := make([]string, len(a.Lines))
		for i, d := range a.Lines {
			lines[i] = d.Text
		}
		p := &page{lines: lines}
		p.findSource()
		art.Source = p.a.Source
	}
}

// titleText is a chosen candidate's text without a renderer's marks: the
// brackets of an image's alt text, and the "#" of lynx's line of link
// relations at the top of its dump (the candidate "#Boston.com", cut from
// "#Boston.com » Feed Boston.com » iCal Feed alternate", gives
// "Boston.com"; a hashtag that opens a headline stays).
func (a *DumpAnalysis) titleText(c TitleCandidate) string {
	t := c.Text
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		return strings.TrimSpace(t[1 : len(t)-1])
	}
	if c.Line < 3 && c.Line < len(a.Lines) && len(t) > 1 && t[0] == '#' && t[1] != '#' && t[1] != ' ' &&
		feedWordRe.MatchString(a.Lines[c.Line].Text) {
		return strings.TrimSpace(t[1:])
	}
	return t
}

// feedTitleRe reads the site's name from the titles of the page's feeds,
// which lynx prints at the top of its dump in a line of the page's link
// relations, after the names of those without a title ("#Der Nesselsetzer »
// Feed Der Nesselsetzer » Kommentar-Feed ...", "#publisher The Seattle Times
// ... RSS", "#ABC13 Houston RSS alternate", "#dzs e.V. - RSS Feed").
var (
	feedTitleRe = regexp.MustCompile(`^#\s*(?:(?i:` + linkTypes + `)\s+)*(\S.{1,59}?)\s*(?:[»|:–-]\s*)?(?:Comments\s+|News\s+)?(?:RSS|Atom|Feed)\b`)
	// feedWordRe is a feed's title that names no site ("RSS 2.0 Feed",
	// "Podcast Feed", "Newsfeed von ... im Format RSS").
	feedWordRe = regexp.MustCompile(`(?i)\b(?:rss|atom|feed|newsfeed|podcast|alternate)\b`)
)

// linkTypes are the HTML link types that lynx prints for a link relation
// without a title.
const linkTypes = `alternate|publisher|home|copyright|canonical|shortlink|search|author|license|next|prev|previous|start|` +
	`index|contents|help|edit|edituri|amphtml|manifest|icon|shortcut|pingback|wlwmanifest|preload|preconnect|` +
	`dns-prefetch|stylesheet|top|up|first|last|me|bookmark|alternative|image_src|syndication`

// feedSite returns the site's name as its feeds' titles give it, from a
// line of link relations among the dump's first 40 lines, "" if none. The
// name must occur a second time in the dump (WordPress names the site in
// each of its feeds' titles; others in the masthead or the footer), so a
// feed's own name ("Full Feed", "Subscribe to our RSS") is not taken for it.
func (a *DumpAnalysis) feedSite() string {
	for i := 0; i < len(a.Lines) && i < 40; i++ {
		m := feedTitleRe.FindStringSubmatch(a.Lines[i].Text)
		if m == nil {
			continue
		}
		s := strings.TrimSpace(m[1])
		// "Code (RSS) Photography (RSS) ..." lists a blog's sections.
		if strings.HasSuffix(s, "(") || len(units(s)) == 0 || feedWordRe.MatchString(s) {
			return ""
		}
		n := 0
		for _, d := range a.Lines {
			if n += strings.Count(d.Text, s); n >= 2 {
				return s
			}
		}
		return ""
	}
	return ""
}

// dumpBylineRe is a byline line in the languages of the stop lists, and
// nameLineRe a name: two or three capitalised words.
var (
	dumpBylineRe = regexp.MustCompile(`(?i)^(?:by|par|por|von|di|door|av|af|written by|posted by|words by|reporting by)\s+(\p{Lu}.{2,60})$`)
	nameLineRe   = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}$`)
	weekdayEndRe = regexp.MustCompile(`(?i)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)$`)
	nameCutRe    = regexp.MustCompile(`\s*(?:,|\||•|·| - | – | — ).*$`)
)

// nameLine finds the byline of a dump that writes the author's name
// without an English "By": in the four lines after the chosen title and
// before the body's text, a line that is "By"/"Par"/"Von"... and a name, or
// a name followed by a date after a separator ("Dan Goodin - Apr 16, 2015",
// a trailing weekday cut off), with no function word of the page's
// language and not the title's site part.
func (a *DumpAnalysis) nameLine(title TitleCandidate, keep []bool) string {
	end := title.Line + title.Lines
	for i := end; i < len(a.Lines) && i < end+4; i++ {
		if keep[i] && a.F1[i][2] >= math.Log1p(10) {
			break // the body's text has begun
		}
		l := a.Lines[i].Text
		if m := dumpBylineRe.FindStringSubmatch(l); m != nil {
			if name := nameCutRe.ReplaceAllString(m[1], ""); nameLineRe.MatchString(name) {
				return name
			}
		}
		// "Dan Goodin - Apr 16, 2015 8:02 pm UTC": a name, then a date.
		loc := nameCutRe.FindStringIndex(l)
		if loc == nil {
			continue
		}
		name := strings.TrimSpace(weekdayEndRe.ReplaceAllString(l[:loc[0]], ""))
		if _, ok := ParseDate(l[loc[0]:]); !ok || !nameLineRe.MatchString(name) || a.F1[i][3] > 0 ||
			NormTitle(name) == NormTitle(title.Site) {
			continue
		}
		return name
	}
	return ""
}

// F1Bool reports whether the 0/1 feature j of line i is set.
func (a *DumpAnalysis) F1Bool(i, j int) bool { return a.F1[i][j] > 0.5 }
