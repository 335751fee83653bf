package tagging

import (
	"context"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/app/tagging/corrections"
	"github.com/newsarchive/newsarchive/store"
)

// rules are the user's corrections as the tagger applies them: the rule set
// of package corrections (renames, merges, retypes, splits, rejections and
// additions) and a gazetteer of confirmed and added entities.
type rules struct {
	gazetteer *ner.Gazetteer
	set       *corrections.Set
}

func (a *Service) loadRules(ctx context.Context) (*rules, error) {
	corrs, err := a.st.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	r := &rules{set: corrections.New(corrs)}
	var known []ner.Known
	for _, nt := range r.set.Known() {
		known = append(known, ner.Known{Name: nt.Name, Type: nt.Type})
	}
	confirmed, err := a.st.ConfirmedEntities(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range confirmed {
		known = append(known, ner.Known{Name: e.Name, Type: e.Type, Aliases: e.Aliases})
	}
	r.gazetteer = ner.NewGazetteer(known, r.set.Rejected())
	return r, nil
}

// resolve maps a tagged entity to the archive entity it names after the
// corrections; ok is false when it was rejected.
func (r *rules) resolve(articleID int64, e ner.Entity) (name, typ string, ok bool) {
	return r.set.Resolve(articleID, e.Text, e.Canonical, e.Type)
}

// added returns the mentions of entities a user added to this one article
// that the tagger did not find.
func (r *rules) added(job store.TagJob, found []store.Mention) []store.Mention {
	var out []store.Mention
	for _, nt := range r.set.AddedIn(job.ArticleID) {
		for _, off := range store.WholeWordIndexes(job.Body, nt.Name) {
			m := store.Mention{Start: off, End: off + len(nt.Name), Text: nt.Name, Name: nt.Name, Type: nt.Type}
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
