package tagging

import (
	"context"
	"sort"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/store"
)

// rules are the user's corrections as the tagger applies them: a gazetteer
// of confirmed and added entities, rejected names, and renames, merges,
// retypes and splits that map what the tagger finds to the entity it is.
type rules struct {
	gazetteer *ner.Gazetteer
	moved     map[nameType]nameType // rename, retype, merge
	split     map[string]string     // alias (folded) -> type: its own entity
	rejectAll map[string]bool
	rejectIn  map[int64]map[string]bool
	addIn     map[int64][]nameType
}

type nameType struct{ name, typ string }

func (a *Service) loadRules(ctx context.Context) (*rules, error) {
	corrs, err := a.st.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	r := &rules{
		moved: map[nameType]nameType{}, split: map[string]string{}, rejectAll: map[string]bool{},
		rejectIn: map[int64]map[string]bool{}, addIn: map[int64][]nameType{},
	}
	var known []ner.Known
	for _, c := range corrs {
		from := nameType{lower(c.Name), c.Type}
		switch c.Kind {
		case store.CorrRename:
			r.moved[from] = nameType{c.Target, c.Type}
		case store.CorrRetype:
			r.moved[from] = nameType{c.Name, c.TargetType}
		case store.CorrMerge:
			r.moved[from] = nameType{c.Target, c.TargetType}
		case store.CorrSplit:
			r.split[lower(c.Name)] = c.Type
			delete(r.moved, from)
		case store.CorrReject:
			if c.ArticleID == 0 {
				r.rejectAll[lower(c.Name)] = true
			} else {
				if r.rejectIn[c.ArticleID] == nil {
					r.rejectIn[c.ArticleID] = map[string]bool{}
				}
				r.rejectIn[c.ArticleID][lower(c.Name)] = true
			}
		case store.CorrAdd:
			if c.ArticleID == 0 {
				known = append(known, ner.Known{Name: c.Name, Type: c.Type})
				delete(r.rejectAll, lower(c.Name))
			} else {
				r.addIn[c.ArticleID] = append(r.addIn[c.ArticleID], nameType{c.Name, c.Type})
			}
		}
	}
	confirmed, err := a.st.ConfirmedEntities(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range confirmed {
		known = append(known, ner.Known{Name: e.Name, Type: e.Type, Aliases: e.Aliases})
	}
	rejected := make([]string, 0, len(r.rejectAll))
	for n := range r.rejectAll {
		rejected = append(rejected, n)
	}
	sort.Strings(rejected)
	r.gazetteer = ner.NewGazetteer(known, rejected)
	return r, nil
}

// resolve maps a tagged entity to the archive entity it names after the
// corrections; ok is false when it was rejected.
func (r *rules) resolve(articleID int64, e ner.Entity) (name, typ string, ok bool) {
	name, typ = e.Canonical, e.Type
	if name == "" {
		name = e.Text
	}
	if t, isSplit := r.split[lower(e.Text)]; isSplit {
		name, typ = e.Text, t
	}
	for range 16 { // follow chains of renames and merges, never loops
		to, moved := r.moved[nameType{lower(name), typ}]
		if !moved || (lower(to.name) == lower(name) && to.typ == typ) {
			break
		}
		name, typ = to.name, to.typ
	}
	for _, n := range []string{lower(name), lower(e.Text)} {
		if r.rejectAll[n] || r.rejectIn[articleID][n] {
			return "", "", false
		}
	}
	return name, typ, true
}

// added returns the mentions of entities a user added to this one article
// that the tagger did not find.
func (r *rules) added(job store.TagJob, found []store.Mention) []store.Mention {
	var out []store.Mention
	for _, nt := range r.addIn[job.ArticleID] {
		for _, off := range store.WholeWordIndexes(job.Body, nt.name) {
			m := store.Mention{Start: off, End: off + len(nt.name), Text: nt.name, Name: nt.name, Type: nt.typ}
			if !overlaps(m, found) && !overlaps(m, out) {
				out = append(out, m)
			}
		}
	}
	return out
}

func overlaps(m store.Mention, ms []store.Mention) bool {
	for _, o := range ms {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}
