package htmlpage

import (
	"strings"
	"unicode"
)

// The vote: each extractor's text is a ballot, and each block (line) of the
// page's own full text is kept when more than a share (a strict majority by
// default) of the ballots contain it. A ballot contains a block when it
// holds at least half of the block's token 4-grams (blocks of 1-3 tokens:
// when it holds that token sequence), so a paragraph that one extractor
// split or trimmed still counts, and a caption that repeats a few phrases
// of the story does not. Kept blocks come out in page order, which also
// repairs an extractor's reordering.
const (
	// shingleN is the length of the token n-grams that are compared.
	shingleN = 4
	// holdShare: a ballot holds a block when it holds this share of the
	// block's 4-grams.
	holdShare = 0.5
	// voteFloor: when the vote keeps less than this share of the words of
	// the median ballot, the ballots disagree on where the article is and
	// the medoid ballot (the one closest to the others) is taken whole.
	voteFloor = 0.5
)

// DefaultVoteShare is the share of the ballots' weight a block needs to be
// kept: a strict majority (2 of 3). cmd/evalhtml -cv checks this choice by
// page-grouped cross-validation.
const DefaultVoteShare = 0.5

// ballot is one extractor's text, indexed for containment queries.
type ballot struct {
	words    int
	shingles map[uint64]struct{} // hashed token 4-grams
	short    map[uint64]struct{} // hashed token 1-, 2- and 3-grams
	lines    map[uint64]struct{} // hashed token sequences of its short lines
	text     string
}

func newBallot(text string) *ballot {
	toks := voteTokens(text)
	b := &ballot{words: len(toks), text: text, shingles: make(map[uint64]struct{}, len(toks)),
		short: make(map[uint64]struct{}, 3*len(toks)), lines: map[uint64]struct{}{}}
	for _, line := range strings.Split(text, "\n") {
		if lt := voteTokens(line); len(lt) > 0 && len(lt) < shingleN {
			b.lines[hashTokens(lt)] = struct{}{}
		}
	}
	for i := range toks {
		for n := 1; n <= shingleN && i+n <= len(toks); n++ {
			h := hashTokens(toks[i : i+n])
			if n == shingleN {
				b.shingles[h] = struct{}{}
			} else {
				b.short[h] = struct{}{}
			}
		}
	}
	return b
}

// holds reports whether the ballot holds at least holdShare of the
// 4-grams of toks (len(toks) >= shingleN).
func (b *ballot) holds(toks []string) bool {
	in := 0
	for i := 0; i+shingleN <= len(toks); i++ {
		if _, ok := b.shingles[hashTokens(toks[i:i+shingleN])]; ok {
			in++
		}
	}
	return float64(in) >= holdShare*float64(len(toks)-shingleN+1)
}

// holdsShort reports whether the ballot holds the token sequence toks
// (1 to shingleN-1 tokens) anywhere.
func (b *ballot) holdsShort(toks []string) bool {
	_, ok := b.short[hashTokens(toks)]
	return ok
}

// hasLine reports whether the ballot has a line of exactly the tokens toks.
func (b *ballot) hasLine(toks []string) bool {
	_, ok := b.lines[hashTokens(toks)]
	return ok
}

// VoteOptions are the vote's free parameters.
type VoteOptions struct {
	// Weights of the ballots of readability, trafilatura and distiller.
	Weights [3]float64
	// Share: a line is kept when the ballots that hold it weigh more
	// than this share of the total weight.
	Share float64
	// Floor: when the vote keeps fewer words than this share of the
	// median ballot's, the medoid ballot is taken whole (0: never).
	Floor float64
}

// DefaultVote is Parse's vote: three equal ballots, 2 of 3 needed, the
// medoid when the vote keeps under half of the median ballot's words.
// cmd/evalhtml -cv and -human check these choices by cross-validation.
func DefaultVote() VoteOptions {
	return VoteOptions{Weights: [3]float64{1, 1, 1}, Share: DefaultVoteShare, Floor: voteFloor}
}

// vote keeps the lines of page (the page's full text, one block a line,
// blank lines between paragraphs) that more than share of the texts hold,
// each text weighing the same. It returns the kept text, or the medoid
// text when the vote keeps too little.
func vote(page string, texts []string, share float64) string {
	text, _ := newBallots(page, texts).vote(nil, share, voteFloor)
	return text
}

// Ballots are a page's lines with, for each line, the ballots that hold
// it: computed once, so that the vote under any options is a pass over
// the lines (the evaluation's cross-validation tries hundreds).
type Ballots struct {
	lines  []string
	info   []lineInfo // by line, from pageText (nil: unknown)
	verds  []lineVerdict
	words  []int     // words of each ballot
	agree  []float64 // each ballot's mean 4-gram F1 with the others
	median float64   // words of the median ballot
	medoid string    // the medoid ballot's text
	n      int       // ballots
}

// lineVerdict: which ballots hold a line (bit i: ballot i).
type lineVerdict struct {
	words int
	long  bool  // >= shingleN tokens
	held  uint8 // long line: holds; short line: holds its token sequence
	line  uint8 // short line: has it as a line of its own
}

// newBallots indexes the texts (at most 8) against the page's lines. A
// line of 4 tokens or more is held as ballot.holds says; a shorter line (a
// subheading, a list item, a menu entry) is held firmly by a ballot that
// has it as a line of its own and loosely by one that holds its tokens
// anywhere (see vote).
func newBallots(page string, texts []string) *Ballots {
	return newBallotsInfo(page, nil, texts)
}

// newBallotsInfo is newBallots with the lines' element contexts (info: one
// per line of page, from pageText).
func newBallotsInfo(page string, info []lineInfo, texts []string) *Ballots {
	// Every text votes: an empty one (an extractor that found nothing or
	// failed) holds nothing, so a page needs a majority to have any text.
	bs := make([]*ballot, len(texts))
	for i, t := range texts {
		bs[i] = newBallot(t)
	}
	v := &Ballots{lines: strings.Split(page, "\n"), info: info, median: medianWords(bs), n: len(texts)}
	v.medoid, v.agree = medoid(bs)
	if len(v.info) != len(v.lines) {
		v.info = nil
	}
	for _, b := range bs {
		v.words = append(v.words, b.words)
	}
	v.verds = make([]lineVerdict, len(v.lines))
	for i, line := range v.lines {
		toks := voteTokens(line)
		lv := lineVerdict{words: len(toks), long: len(toks) >= shingleN}
		if len(toks) > 0 {
			for j, b := range bs {
				bit := uint8(1) << j
				switch {
				case lv.long && b.holds(toks):
					lv.held |= bit
				case !lv.long && b.holdsShort(toks):
					lv.held |= bit
					if b.hasLine(toks) {
						lv.line |= bit
					}
				}
			}
		}
		v.verds[i] = lv
	}
	return v
}

// Vote returns the vote's text under opt (the Weights are the ballots' in
// the order Extract indexed them: readability, trafilatura, distiller).
func (v *Ballots) Vote(opt VoteOptions) string {
	text, _ := v.vote(opt.Weights[:], opt.Share, opt.Floor)
	return text
}

// vote keeps a line when the weights (nil: all 1) of the ballots that hold
// it sum to more than share of the total weight. A short line is kept
// when the ballots that have it as a line of their own weigh enough, or
// when those that hold its tokens do and the nearest long line before or
// after it is kept: a menu word that the story happens to use is not
// enough. When the kept lines hold fewer than floor times the median
// ballot's words, the ballots disagree on where the article is and the
// medoid ballot is returned whole (medoidTaken).
func (v *Ballots) vote(weights []float64, share, floor float64) (text string, medoidTaken bool) {
	return v.assemble(v.keep(weights, share), floor)
}

// keep is the vote's verdict on each line (see vote).
func (v *Ballots) keep(weights []float64, share float64) []bool {
	if weights == nil {
		weights = make([]float64, v.n)
		for i := range weights {
			weights[i] = 1
		}
	}
	total := 0.0
	for _, w := range weights[:v.n] {
		total += w
	}
	need := share * total // a line needs more weight than this
	weigh := func(mask uint8) float64 {
		s := 0.0
		for i := 0; i < v.n; i++ {
			if mask&(1<<i) != 0 {
				s += weights[i]
			}
		}
		return s
	}
	keep := make([]bool, len(v.verds))
	loose := make([]bool, len(v.verds)) // short line: its tokens held, not as a line
	for i, lv := range v.verds {
		if lv.words == 0 {
			continue
		}
		votes := weigh(lv.held)
		keep[i] = lv.long && votes > need || !lv.long && weigh(lv.line) > need
		loose[i] = !lv.long && !keep[i] && votes > need
	}
	// A loose short line is kept next to a kept long line.
	prevLong := false // the verdict of the last long line seen
	for i, lv := range v.verds {
		if lv.long {
			prevLong = keep[i]
		} else if loose[i] && prevLong {
			keep[i] = true
		}
	}
	nextLong := false
	for i := len(v.verds) - 1; i >= 0; i-- {
		if v.verds[i].long {
			nextLong = keep[i]
		} else if loose[i] && nextLong {
			keep[i] = true
		}
	}
	return keep
}

// assemble writes the kept lines in page order, a blank line where
// anything was dropped or the page had a paragraph break; when they hold
// fewer than floor times the median ballot's words it returns the medoid
// ballot instead (medoidTaken).
func (v *Ballots) assemble(keep []bool, floor float64) (text string, medoidTaken bool) {
	var sb strings.Builder
	kept, gap := 0, false
	for i, k := range keep {
		if !k {
			gap = true
			continue
		}
		if sb.Len() > 0 {
			if gap {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte('\n')
			}
		}
		sb.WriteString(v.lines[i])
		kept += v.verds[i].words
		gap = false
	}
	if float64(kept) < floor*v.median {
		return v.medoid, true
	}
	return sb.String(), false
}

func medianWords(bs []*ballot) float64 {
	w := make([]int, len(bs))
	for i, b := range bs {
		w[i] = b.words
	}
	for i := 1; i < len(w); i++ { // insertion sort: a handful of ballots
		for j := i; j > 0 && w[j] < w[j-1]; j-- {
			w[j], w[j-1] = w[j-1], w[j]
		}
	}
	if len(w)%2 == 1 {
		return float64(w[len(w)/2])
	}
	return float64(w[len(w)/2-1]+w[len(w)/2]) / 2
}

// medoid returns the ballot whose 4-grams agree best (mean F1) with the
// other ballots' and each ballot's agreement; ties go to the earlier
// ballot. An empty ballot agrees with none.
func medoid(bs []*ballot) (text string, agree []float64) {
	best, bestScore := 0, -1.0
	agree = make([]float64, len(bs))
	for i, a := range bs {
		if a.words == 0 {
			continue
		}
		s := 0.0
		for j, b := range bs {
			if i != j {
				s += overlapF1(a, b)
			}
		}
		agree[i] = s / float64(max(len(bs)-1, 1))
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return bs[best].text, agree
}

// overlapF1 is the F1 of the two ballots' 4-gram sets.
func overlapF1(a, b *ballot) float64 {
	if len(a.shingles) == 0 || len(b.shingles) == 0 {
		return 0
	}
	small, large := a.shingles, b.shingles
	if len(small) > len(large) {
		small, large = large, small
	}
	common := 0
	for h := range small {
		if _, ok := large[h]; ok {
			common++
		}
	}
	p := float64(common) / float64(len(a.shingles))
	r := float64(common) / float64(len(b.shingles))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// voteTokens splits text into lower-cased word tokens (letters, digits,
// marks), each Han, kana or Hangul character a token of its own.
func voteTokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if word && !isIdeograph(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
		if isIdeograph(r) {
			out = append(out, string(r))
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

// hashTokens is FNV-1a over the tokens, each followed by a zero byte.
func hashTokens(toks []string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for _, t := range toks {
		for i := 0; i < len(t); i++ {
			h ^= uint64(t[i])
			h *= prime
		}
		h *= prime // the separator: h ^= 0 is a no-op
	}
	return h
}
