package ingest

import (
	"sort"
	"strings"
)

// stopWords holds the commonest function words of the languages whatlanggo
// names, by ISO 639-1 code. Their density in a line is the jusText evidence
// for running text. For Chinese and Japanese the entries are single
// characters (particles and function characters), counted per character.
var stopWords = map[string]map[string]bool{
	"en": wordSet(`a about above after again against all am an and any are as at be because been before being below
		between both but by can could did do does doing down during each few for from further had has have having he her
		here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or
		other our out over own same she should so some such than that the their them then there these they this those
		through to too under until up very was we were what when where which while who whom why will with would you your`),
	"fr": wordSet(`au aux avec ce ces cette dans de des du elle en et eux il ils je la le les leur lui ma mais me même
		mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
		votre vous c d j l à m n s t y été être est sont était ont a avait comme plus aussi ainsi où dont`),
	"es": wordSet(`a al algo como con de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta
		este esto fue ha han hasta la las le les lo los me mi muy más ni no nos o para pero por porque que quien se
		ser si sin sobre son su sus también te tiene todo un una uno unos y ya está están había sido`),
	"pt": wordSet(`a ao aos as com como da das de do dos e ela ele eles em entre era essa esse esta este foi há isso já
		mais mas me muito na nas no nos não o os ou para pela pelo por que quando se sem ser seu sua são também tem um
		uma à às é está`),
	"de": wordSet(`aber als am an auch auf aus bei bis das dass dem den der des die doch du ein eine einem einen einer
		er es für hat hatte ich ihr im in ist ja kann mit nach nicht noch nur oder sich sie sind so um und uns von
		vor war wie wir wird wurde zu zum zur über`),
	"cs": wordSet(`a aby ale ani až by byl byla bylo být co do i jak jako je jeho jen již jsem jsou k kde když ke
		která které který na nebo než o od po pod podle pro při s se si tak také to tom u v ve více z za že`),
	"it": wordSet(`a al alla anche che chi ci come con da dal dei del della di e è gli ha i il in la le lo ma mi ne
		nel nella non per più quando se si sono su tra un una uno`),
	"nl": wordSet(`aan al als bij dat de den der die dit door een en er had heeft het hij hoe in is je kan maar met
		naar niet nog of om ook op over te tot uit van voor was wat werd wie wij zal ze zich zijn`),
	"zh": charSet("的了是在和有我他这中大为上个国不也人们到说就以要会时对与而及着那被但从"),
	"ja": charSet("のにはをたがでてしとなもるいれかっうすまこそあらだ"),
}

// anyStop is the union of the word lists, used when the language is unknown.
var anyStop = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range stopWords {
		for w := range s {
			m[w] = true
		}
	}
	return m
}()

func charSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, r := range s {
		m[string(r)] = true
	}
	return m
}

// pageStops learns a stop list from the page itself when its language has
// none above: the commonest units of its longer lines, which in running
// text of any spaced language are its function words. For a page too small
// to learn from it returns the union of the lists.
func pageStops(lines []DumpLine) map[string]bool {
	counts := map[string]int{}
	total := 0
	for _, d := range lines {
		us := units(d.Text)
		if len(us) < 8 {
			continue
		}
		for _, u := range us {
			counts[strings.ToLower(u)]++
			total++
		}
		if total > 200000 {
			break
		}
	}
	if total < 200 {
		return anyStop
	}
	return LearnedStops(counts)
}

// LearnedStops is the stop list a page's own words give: of the counts of
// the words of its longer lines, the PageStopCount commonest seen at least
// three times (ties in word order). In running text of any spaced language
// these are its function words. The text-dump and HTML line features both
// learn their page lists with it.
func LearnedStops(counts map[string]int) map[string]bool {
	ws := make([]string, 0, len(counts))
	for w, n := range counts {
		if n >= 3 {
			ws = append(ws, w)
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		return counts[ws[i]] > counts[ws[j]] || counts[ws[i]] == counts[ws[j]] && ws[i] < ws[j]
	})
	m := make(map[string]bool, PageStopCount)
	for _, w := range ws[:min(len(ws), PageStopCount)] {
		m[w] = true
	}
	return m
}

// PageStopCount is the size of a learned stop list: about the number of
// function words that cover 40% of running text in the listed languages.
const PageStopCount = 40
