// Package corrections is the one interpretation of the user's corrections
// (store.Correction): what each rule does to the entity it names, and the
// rule set that decides, for a name the tagger found in an article, which
// entity it is or whether it is rejected. Tagging applies the set to new
// taggings; the JSONL merge applies each foreign rule's Change to the
// entities stored. The package is pure: the store only records the rules
// and carries out the changes in SQL.
package corrections

import (
	"sort"
	"strings"

	"github.com/newsarchive/newsarchive/store"
)

// NameType is an entity as the rules name it.
type NameType struct{ Name, Type string }

// Change is what correction c does to the entities: a rename, retype or
// merge moves the entity (c.Name, c.Type) to the entity it becomes; a split
// makes the alias c.Name an entity of its own, leaving (c.Target,
// c.TargetType); a reject removes the entity (everywhere or in its one
// article); an add marks the entity wherever its name is written. An
// unknown kind changes nothing (store.ChangeNone).
func Change(c store.Correction) store.EntityChange {
	ch := store.EntityChange{Name: c.Name, Type: c.Type, ArticleID: c.ArticleID}
	switch c.Kind {
	case store.CorrRename:
		ch.Op, ch.ToName, ch.ToType = store.ChangeMove, c.Target, c.Type
	case store.CorrRetype:
		ch.Op, ch.ToName, ch.ToType = store.ChangeMove, c.Name, c.TargetType
	case store.CorrMerge:
		ch.Op, ch.ToName, ch.ToType = store.ChangeMove, c.Target, c.TargetType
	case store.CorrSplit:
		ch.Op, ch.FromName, ch.FromType = store.ChangeSplit, c.Target, c.TargetType
	case store.CorrReject:
		ch.Op = store.ChangeReject
	case store.CorrAdd:
		ch.Op = store.ChangeAdd
	}
	return ch
}

// Set is a rule set: the user's corrections folded in the order they were
// made, as the tagger applies them.
type Set struct {
	moved     map[NameType]NameType // folded name and type -> entity: rename, retype, merge
	split     map[string]string     // alias (folded) -> type: its own entity
	rejectAll map[string]bool
	rejectIn  map[int64]map[string]bool
	addIn     map[int64][]NameType
	known     []NameType // entities added everywhere
}

// New folds corrections, oldest first, into a rule set.
func New(cs []store.Correction) *Set {
	s := &Set{
		moved: map[NameType]NameType{}, split: map[string]string{}, rejectAll: map[string]bool{},
		rejectIn: map[int64]map[string]bool{}, addIn: map[int64][]NameType{},
	}
	for _, c := range cs {
		ch := Change(c)
		from := NameType{Fold(ch.Name), ch.Type}
		switch ch.Op {
		case store.ChangeMove:
			s.moved[from] = NameType{ch.ToName, ch.ToType}
		case store.ChangeSplit:
			s.split[Fold(ch.Name)] = ch.Type
			delete(s.moved, from)
		case store.ChangeReject:
			if ch.ArticleID == 0 {
				s.rejectAll[Fold(ch.Name)] = true
				continue
			}
			if s.rejectIn[ch.ArticleID] == nil {
				s.rejectIn[ch.ArticleID] = map[string]bool{}
			}
			s.rejectIn[ch.ArticleID][Fold(ch.Name)] = true
		case store.ChangeAdd:
			if ch.ArticleID == 0 {
				s.known = append(s.known, NameType{ch.Name, ch.Type})
				delete(s.rejectAll, Fold(ch.Name))
			} else {
				s.addIn[ch.ArticleID] = append(s.addIn[ch.ArticleID], NameType{ch.Name, ch.Type})
			}
		}
	}
	return s
}

// maxChain bounds how many renames and merges Resolve follows.
const maxChain = 16

// Resolve maps what the tagger found in an article (the text written, the
// entity name it proposes, empty for the text itself, and its type) to the
// entity it is after the corrections; ok is false when it is rejected.
func (s *Set) Resolve(articleID int64, text, name, typ string) (string, string, bool) {
	if name == "" {
		name = text
	}
	if t, isSplit := s.split[Fold(text)]; isSplit {
		name, typ = text, t
	}
	for range maxChain { // follow chains of renames and merges, never loops
		to, moved := s.moved[NameType{Fold(name), typ}]
		if !moved || (Fold(to.Name) == Fold(name) && to.Type == typ) {
			break
		}
		name, typ = to.Name, to.Type
	}
	for _, n := range []string{Fold(name), Fold(text)} {
		if s.rejectAll[n] || s.rejectIn[articleID][n] {
			return "", "", false
		}
	}
	return name, typ, true
}

// Known returns the entities added everywhere, oldest first: the tagger
// knows them as a gazetteer.
func (s *Set) Known() []NameType { return s.known }

// Rejected returns the folded names rejected everywhere, sorted.
func (s *Set) Rejected() []string {
	out := make([]string, 0, len(s.rejectAll))
	for n := range s.rejectAll {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// AddedIn returns the entities added to one article only.
func (s *Set) AddedIn(articleID int64) []NameType { return s.addIn[articleID] }

// Fold is how the rules compare names: trimmed, lower case.
func Fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
