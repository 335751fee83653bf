package tagging

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/store"
)

// Archive-level resolution. The tagger types each mention from its
// sentence; the archive decides one type per name over all of the name's
// mentions (ner.Resolver: one vote per article, gazetteer priors, the
// user's correction wins; a second sense only with strong evidence) and
// joins a one-word person name to the one full name it stands for across
// the archive (ner.Linker over the archive's person names). Every mention
// keeps what the tagger said (store: tag_name, tag_type), so the decision
// can be re-made over the whole archive (ResolveEntities, `newsarchive
// resolve`), and the entity lists, entity pages, search filters and
// exports, which all read the mentions' entities, see the resolved
// entities. It is not run after each tagging batch: decided batch by batch,
// the result depended on the order in which batches were tagged (two
// workers and one clean tagging of the same articles disagreed).

// ResolveEntities re-decides every tagged name of the archive (an archive
// tagged before archive-level resolution, or after the resolver changed).
func (a *Service) ResolveEntities(ctx context.Context) error {
	t, err := a.Tagger()
	if err != nil {
		return err
	}
	all, err := a.st.TaggedNames(ctx)
	if err != nil {
		return err
	}
	names := make(map[string]bool, len(all))
	for _, n := range all {
		names[n] = true
	}
	return a.resolveNames(ctx, t, names)
}

// resolveNames decides the entity of each name's mentions and moves them
// there. A full person name also re-decides its first and last word, which
// may now join it.
func (a *Service) resolveNames(ctx context.Context, t *ner.Tagger, names map[string]bool) error {
	for n := range names {
		if w := strings.Fields(n); len(w) >= 2 {
			names[w[0]], names[w[len(w)-1]] = true, true
		}
	}
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	r := ner.NewResolver(t)
	var res []store.NameResolution
	for len(list) > 0 {
		chunk := list[:min(len(list), 256)]
		list = list[len(chunk):]
		evs, err := a.st.NameEvidence(ctx, chunk)
		if err != nil {
			return fmt.Errorf("resolve entities: %w", err)
		}
		for _, name := range chunk {
			nr, ok, err := a.resolution(ctx, r, evs[name])
			if err != nil {
				return fmt.Errorf("resolve entities: %w", err)
			}
			if ok {
				res = append(res, nr)
			}
		}
	}
	changed, err := a.st.ResolveNames(ctx, res)
	if err != nil {
		return err
	}
	if len(changed) > 0 {
		a.entitiesChanged(changed...)
	}
	return nil
}

// entityTypes are the types a mention can be tagged with.
var entityTypes = []string{ner.Person, ner.Org, ner.Place, "MISC"}

// resolution maps each tagged type of a name to the entity its mentions
// belong to: the type itself when it is one of the name's senses, else the
// strongest sense; a one-word person, or one of three words or more that
// may hold a role ("Chancellor Gerhard Schroeder"), joins the full name the
// Linker gives.
func (a *Service) resolution(ctx context.Context, r *ner.Resolver, ev store.NameEvidence) (store.NameResolution, bool, error) {
	if len(ev.Votes) == 0 && ev.Confirmed == "" {
		return store.NameResolution{}, false, nil
	}
	senses := r.Resolve(ner.Evidence{Name: ev.Name, Votes: ev.Votes, Correction: ev.Confirmed})
	if len(senses) == 0 {
		return store.NameResolution{}, false, nil // no name (a demonym): left as tagged
	}
	words := strings.Fields(ev.Name)
	keys := map[string]store.EntityKey{}
	for _, s := range senses {
		keys[s.Type] = store.EntityKey{Name: ev.Name, Type: s.Type}
	}
	if k, ok := keys[ner.Person]; ok && (len(words) == 1 || len(words) >= 3) {
		full, err := a.st.PersonNamesWith(ctx, words[len(words)-1])
		if err != nil {
			return store.NameResolution{}, false, err
		}
		l := ner.NewLinker()
		for name, n := range full {
			l.AddName(name, n)
		}
		if name, ok := l.Link(ev.Name); ok {
			k.Name = name
			keys[ner.Person] = k
		}
	}
	nr := store.NameResolution{Name: ev.Name, To: map[string]store.EntityKey{}}
	for _, typ := range entityTypes {
		k, ok := keys[typ]
		if !ok {
			k = keys[senses[0].Type]
		}
		nr.To[typ] = k
	}
	return nr, true, nil
}
