package tagging

import (
	"context"

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
// is re-made over the whole archive from that evidence alone
// (ner.Resolver.Decide, store.ResolveArchiveStats: read and decided from a
// snapshot, applied in a short write transaction that checks the evidence
// did not change meanwhile): the same archive content gives the same entities whatever
// the order of the batches or the number of workers. A worker re-decides
// the archive when the queue is empty after it saved a batch (worker.go),
// so the entity lists, entity pages, search filters and exports, which all
// read the mentions' entities, see the resolved entities without the user
// running `newsarchive resolve`.

// ResolveEntities re-decides every tagged name of the archive from the
// evidence alone (`newsarchive resolve`).
func (a *Service) ResolveEntities(ctx context.Context) error {
	_, err := a.resolve(ctx, false)
	return err
}

// resolve re-decides the archive (store.ResolveArchiveStats: the evidence
// is read and decided outside the write lock, and only the moves are
// applied under it); with ifChanged, not when the evidence is what this
// archive's last resolution applied its decision at (what a worker does
// when the queue empties).
func (a *Service) resolve(ctx context.Context, ifChanged bool) (store.ResolveStats, error) {
	t, err := a.Tagger()
	if err != nil {
		return store.ResolveStats{}, err
	}
	r := ner.NewResolver(t)
	st, err := a.st.ResolveArchiveStats(ctx, func(evs []store.NameEvidence) []store.NameResolution {
		return decide(r, evs)
	}, ifChanged)
	if err != nil {
		return st, err
	}
	if len(st.Changed) > 0 {
		a.entitiesChanged(st.Changed...)
	}
	return st, nil
}

// decide maps each tagged type of each name to the entity its mentions go
// to (ner.Decision.To), for every type a mention can have.
func decide(r *ner.Resolver, evs []store.NameEvidence) []store.NameResolution {
	in := make([]ner.Evidence, len(evs))
	for i, ev := range evs {
		in[i] = ner.Evidence{Name: ev.Name, Votes: ev.Votes, Cues: ev.Cues, Correction: ev.Confirmed}
	}
	dec := r.Decide(in)
	out := make([]store.NameResolution, 0, len(evs))
	for _, ev := range evs {
		d := dec[ev.Name]
		nr := store.NameResolution{Name: ev.Name, To: make(map[string]store.EntityKey, len(entityTypes))}
		for _, typ := range entityTypes {
			name, to := d.To(typ)
			nr.To[typ] = store.EntityKey{Name: name, Type: to}
		}
		out = append(out, nr)
	}
	return out
}

// entityTypes are the types a mention can be tagged with.
var entityTypes = []string{ner.Person, ner.Org, ner.Place, "MISC"}
