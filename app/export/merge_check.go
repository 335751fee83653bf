package export

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// Bounds on one article record besides its line's length.
const (
	maxMergeSnapshots = 100
	maxPreview        = 200 // lines of a dry run's preview
)

// check is the first pass over a record: it must convert cleanly; in a
// dry run it is also counted and previewed against the archive.
func (m *merger) check(ctx context.Context, rec *jsonlRecord) error {
	switch rec.Kind {
	case recArticle:
		r, err := m.article(rec)
		if err != nil || !m.opt.DryRun {
			return err
		}
		return m.previewArticle(ctx, &r)
	case recEntity:
		e, err := entityRecord(rec)
		if err != nil || !m.opt.DryRun {
			return err
		}
		m.rep.Entities++
		return m.previewEntity(ctx, e)
	case recCorrection:
		c, err := correctionRecord(rec)
		if err != nil || !m.opt.DryRun {
			return err
		}
		return m.previewCorrection(ctx, c)
	case recHighlight:
		return checkHighlight(rec)
	case recWatch:
		_, err := watchRecord(rec)
		return err
	}
	return nil
}

// checkHighlight refuses a highlight record whose quote or offsets cannot
// anchor it, so that a bad one fails the merge before anything is written.
func checkHighlight(rec *jsonlRecord) error {
	h := rec.Highlight
	if h == nil {
		return nil
	}
	if h.Quote == "" || h.Start < 0 || h.End < h.Start {
		return fmt.Errorf("highlight: bad offsets (%d-%d) or no quote", h.Start, h.End)
	}
	return nil
}

// article turns an article line into what the store merges: text
// sanitised as import does, the content hash recomputed, the date
// normalised; mentions of an unknown entity type are dropped and counted.
func (m *merger) article(rec *jsonlRecord) (store.ArticleRecord, error) {
	title := safetext.Line(rec.Title)
	switch {
	case rec.Body == "":
		return store.ArticleRecord{}, fmt.Errorf("article %q has no body", title)
	case len(rec.Body) > ingest.MaxSize:
		return store.ArticleRecord{}, fmt.Errorf("article %q: body of %d bytes: %w", title, len(rec.Body), ingest.ErrTooLarge)
	case rec.Original != nil && len(rec.Original.Data) > ingest.MaxSize:
		return store.ArticleRecord{}, fmt.Errorf("article %q: original of %d bytes: %w", title, len(rec.Original.Data), ingest.ErrTooLarge)
	case len(rec.Snapshots) > maxMergeSnapshots:
		return store.ArticleRecord{}, fmt.Errorf("article %q: %d snapshots (the limit is %d)", title, len(rec.Snapshots), maxMergeSnapshots)
	}
	ia := ingest.Sanitize(ingest.Article{Title: rec.Title, Headline: rec.Headline, Published: rec.Published,
		PublishedText: rec.PublishedText, Byline: rec.Byline, Source: rec.Source, URL: rec.URL, Language: rec.Language,
		Body: rec.Body})
	if ia.Dropped != "" {
		m.rep.LinksDropped++
	}
	published, ok := normaliseDate(ia.Published)
	if !ok {
		m.rep.DatesDropped++
	}
	r := store.ArticleRecord{Article: store.Article{Title: ia.Title, Headline: ia.Headline, Published: published,
		PublishedText: ia.PublishedText, Byline: ia.Byline, Source: ia.Source, URL: ia.URL, Language: ia.Language,
		Body: ia.Body, SummaryOnly: rec.SummaryOnly, ContentHash: ingest.ContentHash(ia.Title, ia.Body),
		Origin: safetext.Line(rec.Origin)}}
	r.Tags = cleanTags(rec.Tags)
	if rec.ImportedAt != nil {
		r.ImportedAt = *rec.ImportedAt
	}
	if rec.Original != nil {
		r.Original = &store.Original{ContentType: safetext.Line(rec.Original.ContentType), Data: rec.Original.Data}
	}
	for _, mn := range rec.Mentions {
		if !store.ValidType(mn.Type) || cleanName(mn.Name) == "" {
			m.rep.BadMentions++
			continue
		}
		r.Mentions = append(r.Mentions, store.Mention{Name: cleanName(mn.Name), Type: mn.Type, Start: mn.Start, End: mn.End, Text: mn.Text})
	}
	if rec.Note != nil && rec.Note.Text != "" {
		r.Note = &store.Note{Text: safetext.Body(rec.Note.Text), UpdatedAt: rec.Note.UpdatedAt}
	}
	for _, sn := range rec.Snapshots {
		if len(sn.Data) > ingest.MaxSize {
			return store.ArticleRecord{}, fmt.Errorf("article %q: snapshot of %d bytes: %w", title, len(sn.Data), ingest.ErrTooLarge)
		}
		link, _ := ingest.CleanURL(sn.URL)
		r.Snapshots = append(r.Snapshots, store.SnapshotData{Snapshot: store.Snapshot{URL: link, Title: safetext.Line(sn.Title),
			FetchedAt: sn.FetchedAt, ContentHash: safetext.Line(sn.ContentHash), ContentType: safetext.Line(sn.ContentType)}, Data: sn.Data})
	}
	for _, jp := range rec.Provenance {
		if jp.Kind == "" {
			continue
		}
		link, _ := ingest.CleanURL(jp.URL)
		pv := store.Provenance{Kind: safetext.Line(jp.Kind), Source: safetext.Line(jp.Source), URL: link,
			RecordID: safetext.Line(jp.RecordID), PayloadDigest: safetext.Line(jp.PayloadDigest), AddedAt: jp.AddedAt}
		if jp.CapturedAt != nil {
			pv.CapturedAt = *jp.CapturedAt
		}
		r.Provenance = append(r.Provenance, pv)
	}
	if t := rec.Tagging; t != nil {
		switch t.State {
		case "pending", "done", "failed":
			r.Tagging = store.TaggingState{State: t.State, Model: safetext.Line(t.Model), TaggedAt: safetext.Line(t.TaggedAt),
				Error: safetext.Line(t.Error)}
		}
	}
	return r, nil
}

// isoLayouts are the forms of a publication date the archive stores.
var isoLayouts = []string{"2006-01-02", "2006-01-02T15:04:05", time.RFC3339Nano, "2006-01", "2006"}

// normaliseDate keeps an ISO 8601 date of a plausible year, reads another
// form as import does (ingest.ParseDate) and otherwise drops it, returning
// false then.
func normaliseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() >= 1000 && t.Year() <= 2200 {
				return s, true
			}
			return "", false
		}
	}
	if iso, ok := ingest.ParseDate(s); ok {
		return iso, true
	}
	return "", false
}

// entityRecord checks and cleans an entity line.
func entityRecord(rec *jsonlRecord) (store.Entity, error) {
	name := cleanName(rec.Name)
	if !store.ValidType(rec.Type) || name == "" {
		return store.Entity{}, fmt.Errorf("entity %q of unknown type %q", name, safetext.Line(rec.Type))
	}
	e := store.Entity{Name: name, Type: rec.Type, Confirmed: rec.Confirmed}
	for _, al := range rec.Aliases {
		if al = cleanName(al); al != "" {
			e.Aliases = append(e.Aliases, al)
		}
	}
	return e, nil
}

// cleanName cleans an entity's name: escape sequences and controls other
// than newline and tab go (the tagger may take a name across lines); the
// terminal and the exports escape the rest.
func cleanName(s string) string { return strings.TrimSpace(safetext.Body(s)) }

// errBadCorrection reports a correction line that is not one.
var errBadCorrection = errors.New("malformed correction")

// correctionRecord checks and cleans a correction line.
func correctionRecord(rec *jsonlRecord) (store.PortableCorrection, error) {
	c := store.PortableCorrection{Correction: store.Correction{Kind: rec.Rule, Name: cleanName(rec.Name),
		Type: rec.Type, Target: cleanName(rec.Target), TargetType: rec.TargetType},
		ArticleHash: safetext.Line(rec.ArticleHash)}
	switch c.Kind {
	case store.CorrRename, store.CorrRetype, store.CorrMerge, store.CorrSplit, store.CorrReject, store.CorrAdd:
	default:
		return c, fmt.Errorf("%w: rule %q", errBadCorrection, safetext.Line(rec.Rule))
	}
	switch {
	case c.Name == "":
		return c, fmt.Errorf("%w: %s without a name", errBadCorrection, c.Kind)
	case c.Type != "" && !store.ValidType(c.Type), c.TargetType != "" && !store.ValidType(c.TargetType):
		return c, fmt.Errorf("%w: %s of %q: unknown entity type", errBadCorrection, c.Kind, c.Name)
	}
	if rec.CreatedAt != nil {
		c.CreatedAt = *rec.CreatedAt
	}
	return c, nil
}

// note adds a line to a dry run's preview.
func (m *merger) note(format string, args ...any) {
	switch n := len(m.rep.Preview); {
	case n < maxPreview:
		m.rep.Preview = append(m.rep.Preview, fmt.Sprintf(format, args...))
	case n == maxPreview:
		m.rep.Preview = append(m.rep.Preview, "… and more")
	}
}

// previewArticle counts an article of a dry run and notes what it would
// add to an article archived here.
func (m *merger) previewArticle(ctx context.Context, r *store.ArticleRecord) error {
	m.rep.Articles++
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	if m.seen[r.ContentHash] {
		m.rep.Duplicates++
		return nil
	}
	m.seen[r.ContentHash] = true
	local, err := m.a.st.ArticleByHash(ctx, r.ContentHash)
	if errors.Is(err, store.ErrNotFound) {
		m.rep.Imported++
		return nil
	}
	if err != nil {
		return err
	}
	m.rep.Duplicates++
	var adds []string
	if len(r.Tags) > 0 {
		adds = append(adds, "tags "+quoteAll(r.Tags))
	}
	if r.Note != nil {
		adds = append(adds, "a note")
	}
	if len(adds) > 0 {
		m.rep.LocalSkipped++
		m.note("article %d %q: would get %s", local.ID, local.Title, strings.Join(adds, " and "))
	}
	return nil
}

// previewEntity notes an entity record that would change one here.
func (m *merger) previewEntity(ctx context.Context, e store.Entity) error {
	id, found, err := m.a.st.EntityExists(ctx, e.Name, e.Type)
	if err != nil || !found || id > m.pol.OldEntities {
		return err
	}
	var what []string
	if e.Confirmed {
		what = append(what, "be confirmed")
	}
	if len(e.Aliases) > 0 {
		what = append(what, "get aliases "+quoteAll(e.Aliases))
	}
	if len(what) > 0 {
		m.rep.EntitiesSkipped++
		m.note("entity %q (%s): would %s", e.Name, e.Type, strings.Join(what, " and "))
	}
	return nil
}

// previewCorrection notes a correction that would change an entity here.
func (m *merger) previewCorrection(ctx context.Context, c store.PortableCorrection) error {
	if m.opt.ApplyCorrections || m.empty {
		m.rep.Corrections++
	} else {
		m.rep.CorrectionsSkipped++
	}
	name, typ := c.Name, c.Type
	if c.Kind == store.CorrSplit {
		name, typ = c.Target, c.TargetType
	}
	_, found, err := m.a.st.EntityExists(ctx, name, typ)
	if err != nil {
		return err
	}
	where := ""
	if c.ArticleHash != "" {
		where = " in one article"
	}
	switch {
	case c.Kind == store.CorrAdd && m.pol.OldArticles > 0:
		m.note("correction: %q (%s) would be added and marked%s in this archive's articles", c.Name, c.Type, where)
	case !found:
	case c.Kind == store.CorrRename:
		m.note("correction: entity %q (%s) would be renamed %q", c.Name, c.Type, c.Target)
	case c.Kind == store.CorrRetype:
		m.note("correction: entity %q (%s) would become a %s", c.Name, c.Type, c.TargetType)
	case c.Kind == store.CorrMerge:
		m.note("correction: entity %q (%s) would be merged into %q (%s)", c.Name, c.Type, c.Target, c.TargetType)
	case c.Kind == store.CorrSplit:
		m.note("correction: alias %q would be split from entity %q (%s)", c.Name, c.Target, c.TargetType)
	case c.Kind == store.CorrReject && c.ArticleHash == "":
		m.note("correction: entity %q (%s) would be deleted", c.Name, c.Type)
	case c.Kind == store.CorrReject:
		m.note("correction: entity %q (%s) would be unmarked%s", c.Name, c.Type, where)
	}
	return nil
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// cleanTags are an export's tags (of an article or a highlight) as the
// archive takes tags a person types (annotate.NormalizeTag), control and
// bidi characters removed first; the ones it would refuse are dropped.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if n, err := annotate.NormalizeTag(safetext.Line(t)); err == nil {
			out = append(out, n)
		}
	}
	return out
}
