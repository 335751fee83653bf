package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/store"
)

// The JSONL export is one JSON object a line: a header, the articles, then
// the entities and the corrections (see docs/exports.md).
const (
	jsonlFormat  = "newsarchive-export"
	jsonlVersion = 1
)

// Record kinds of the JSONL export.
const (
	recHeader     = "header"
	recArticle    = "article"
	recEntity     = "entity"
	recCorrection = "correction"
)

// ErrNotExport reports a file that is not a News Archive JSONL export.
var ErrNotExport = errors.New("not a News Archive export")

// jsonlRecord is one line of the export. Fields are shared between kinds
// where they mean the same; empty ones are left out.
type jsonlRecord struct {
	Kind    string `json:"kind"`
	Format  string `json:"format,omitempty"`
	Version int    `json:"version,omitempty"`

	ID            int64             `json:"id,omitempty"`
	Title         string            `json:"title,omitempty"`
	Headline      string            `json:"headline,omitempty"`
	Published     string            `json:"published,omitempty"`
	PublishedText string            `json:"published_text,omitempty"`
	Byline        string            `json:"byline,omitempty"`
	Source        string            `json:"source,omitempty"`
	URL           string            `json:"url,omitempty"`
	Language      string            `json:"language,omitempty"`
	Body          string            `json:"body,omitempty"`
	SummaryOnly   bool              `json:"summary_only,omitempty"`
	ContentHash   string            `json:"content_hash,omitempty"`
	Origin        string            `json:"origin,omitempty"`
	ImportedAt    *time.Time        `json:"imported_at,omitempty"`
	Original      *jsonlOriginal    `json:"original,omitempty"`
	Mentions      []jsonlMention    `json:"mentions,omitempty"`
	Tags          []string          `json:"tags,omitempty"`
	Note          *jsonlNote        `json:"note,omitempty"`
	Snapshots     []jsonlSnapshot   `json:"snapshots,omitempty"`
	Tagging       *jsonlTagging     `json:"tagging,omitempty"`
	Provenance    []jsonlProvenance `json:"provenance,omitempty"`
	Name          string            `json:"name,omitempty"` // entity, correction
	Type          string            `json:"type,omitempty"`
	Confirmed     bool              `json:"confirmed,omitempty"`
	Aliases       []string          `json:"aliases,omitempty"`
	Rule          string            `json:"rule,omitempty"` // correction: rename, retype, merge, split, reject, add
	Target        string            `json:"target,omitempty"`
	TargetType    string            `json:"target_type,omitempty"`
	ArticleHash   string            `json:"article_hash,omitempty"`
	CreatedAt     *time.Time        `json:"created_at,omitempty"`
}

type jsonlOriginal struct {
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"` // base64
}

type jsonlMention struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Start int    `json:"start"` // byte offsets into body, end exclusive
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonlNote struct {
	Text      string    `json:"text"`
	UpdatedAt time.Time `json:"updated_at"`
}

type jsonlSnapshot struct {
	URL         string    `json:"url,omitempty"`
	Title       string    `json:"title,omitempty"`
	FetchedAt   time.Time `json:"fetched_at"`
	ContentHash string    `json:"content_hash"`
	ContentType string    `json:"content_type"`
	Data        []byte    `json:"data"`
}

// jsonlProvenance is one way the article reached the archive.
type jsonlProvenance struct {
	Kind          string     `json:"kind"`
	Source        string     `json:"source,omitempty"`
	URL           string     `json:"url,omitempty"`
	RecordID      string     `json:"record_id,omitempty"`
	PayloadDigest string     `json:"payload_digest,omitempty"`
	CapturedAt    *time.Time `json:"captured_at,omitempty"`
	AddedAt       time.Time  `json:"added_at"`
}

type jsonlTagging struct {
	State    string `json:"state"`
	Model    string `json:"model,omitempty"`
	TaggedAt string `json:"tagged_at,omitempty"`
	Error    string `json:"error,omitempty"`
}

// articleRecord turns an article read from the store into its line.
func articleRecord(r *store.ArticleRecord) jsonlRecord {
	a := r.Article
	at := a.ImportedAt.UTC()
	rec := jsonlRecord{Kind: recArticle, ID: a.ID, Title: a.Title, Headline: a.Headline, Published: a.Published,
		PublishedText: a.PublishedText, Byline: a.Byline, Source: a.Source, URL: a.URL, Language: a.Language,
		Body: a.Body, SummaryOnly: a.SummaryOnly, ContentHash: a.ContentHash, Origin: a.Origin, ImportedAt: &at,
		Tags: r.Tags}
	if r.Original != nil {
		rec.Original = &jsonlOriginal{ContentType: r.Original.ContentType, Data: r.Original.Data}
	}
	for _, m := range r.Mentions {
		rec.Mentions = append(rec.Mentions, jsonlMention{Name: m.Name, Type: m.Type, Start: m.Start, End: m.End, Text: m.Text})
	}
	if r.Note != nil {
		rec.Note = &jsonlNote{Text: r.Note.Text, UpdatedAt: r.Note.UpdatedAt.UTC()}
	}
	for _, sn := range r.Snapshots {
		rec.Snapshots = append(rec.Snapshots, jsonlSnapshot{URL: sn.URL, Title: sn.Title, FetchedAt: sn.FetchedAt.UTC(),
			ContentHash: sn.ContentHash, ContentType: sn.ContentType, Data: sn.Data})
	}
	for _, pv := range r.Provenance {
		jp := jsonlProvenance{Kind: pv.Kind, Source: pv.Source, URL: pv.URL, RecordID: pv.RecordID,
			PayloadDigest: pv.PayloadDigest, AddedAt: pv.AddedAt.UTC()}
		if !pv.CapturedAt.IsZero() {
			at := pv.CapturedAt.UTC()
			jp.CapturedAt = &at
		}
		rec.Provenance = append(rec.Provenance, jp)
	}
	if r.Tagging.State != "" {
		rec.Tagging = &jsonlTagging{State: r.Tagging.State, Model: r.Tagging.Model, TaggedAt: r.Tagging.TaggedAt, Error: r.Tagging.Error}
	}
	return rec
}

// storeRecord turns an article line into what the store merges; mentions
// of an unknown entity type are dropped and counted.
func storeRecord(rec *jsonlRecord) (store.ArticleRecord, int, error) {
	if rec.Body == "" {
		return store.ArticleRecord{}, 0, fmt.Errorf("article %q has no body", rec.Title)
	}
	r := store.ArticleRecord{Article: store.Article{Title: rec.Title, Headline: rec.Headline, Published: rec.Published,
		PublishedText: rec.PublishedText, Byline: rec.Byline, Source: rec.Source, URL: rec.URL, Language: rec.Language,
		Body: rec.Body, SummaryOnly: rec.SummaryOnly, ContentHash: rec.ContentHash, Origin: rec.Origin}}
	for _, t := range rec.Tags {
		if n, err := annotate.NormalizeTag(t); err == nil {
			r.Tags = append(r.Tags, n)
		}
	}
	if r.ContentHash == "" {
		r.ContentHash = ingest.ContentHash(r.Title, r.Body)
	}
	if rec.ImportedAt != nil {
		r.ImportedAt = *rec.ImportedAt
	}
	if rec.Original != nil {
		r.Original = &store.Original{ContentType: rec.Original.ContentType, Data: rec.Original.Data}
	}
	bad := 0
	for _, m := range rec.Mentions {
		if !store.ValidType(m.Type) || m.Name == "" {
			bad++
			continue
		}
		r.Mentions = append(r.Mentions, store.Mention{Name: m.Name, Type: m.Type, Start: m.Start, End: m.End, Text: m.Text})
	}
	if rec.Note != nil && rec.Note.Text != "" {
		r.Note = &store.Note{Text: rec.Note.Text, UpdatedAt: rec.Note.UpdatedAt}
	}
	for _, sn := range rec.Snapshots {
		r.Snapshots = append(r.Snapshots, store.SnapshotData{Snapshot: store.Snapshot{URL: sn.URL, Title: sn.Title,
			FetchedAt: sn.FetchedAt, ContentHash: sn.ContentHash, ContentType: sn.ContentType}, Data: sn.Data})
	}
	for _, jp := range rec.Provenance {
		if jp.Kind == "" {
			continue
		}
		pv := store.Provenance{Kind: jp.Kind, Source: jp.Source, URL: jp.URL, RecordID: jp.RecordID,
			PayloadDigest: jp.PayloadDigest, AddedAt: jp.AddedAt}
		if jp.CapturedAt != nil {
			pv.CapturedAt = *jp.CapturedAt
		}
		r.Provenance = append(r.Provenance, pv)
	}
	if t := rec.Tagging; t != nil {
		switch t.State {
		case "pending", "done", "failed":
			r.Tagging = store.TaggingState{State: t.State, Model: t.Model, TaggedAt: t.TaggedAt, Error: t.Error}
		}
	}
	return r, bad, nil
}

// writeJSONL writes the scope as JSONL: the header, every article as read,
// the entities mentioned or confirmed, and every correction.
func (a *Exporter) writeJSONL(ctx context.Context, w io.Writer, sc store.ExportScope, p *progress) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonlRecord{Kind: recHeader, Format: jsonlFormat, Version: jsonlVersion}); err != nil {
		return err
	}
	parts := store.ExportParts{Original: true, Mentions: true, Tags: true, Note: true, Snapshots: true, Provenance: true}
	err := a.st.ExportArticles(ctx, sc, parts, func(r *store.ArticleRecord) error {
		p.article()
		return enc.Encode(articleRecord(r))
	})
	if err != nil {
		return err
	}
	err = a.st.ExportEntities(ctx, sc, func(e store.Entity) error {
		return enc.Encode(jsonlRecord{Kind: recEntity, Name: e.Name, Type: e.Type, Confirmed: e.Confirmed, Aliases: e.Aliases})
	})
	if err != nil {
		return err
	}
	return a.st.ExportCorrections(ctx, func(c store.PortableCorrection) error {
		at := c.CreatedAt.UTC()
		return enc.Encode(jsonlRecord{Kind: recCorrection, Rule: c.Kind, Name: c.Name, Type: c.Type, Target: c.Target,
			TargetType: c.TargetType, ArticleHash: c.ArticleHash, CreatedAt: &at})
	})
}

// MergeReport sums up the merge of a JSONL export into the archive.
type MergeReport struct {
	Articles    int // article records read
	Imported    int // of which new here
	Duplicates  int // of which archived already (their tags and note were merged)
	BadMentions int // mentions dropped: outside their article's text or of an unknown type
	Entities    int // entity records read
	Corrections int // corrections this archive lacked, added and applied
	Elapsed     time.Duration
}

// mergeBatch is how many records are written in one transaction.
const mergeBatch = 64

// Merge merges a JSONL export (see Export) into the archive, reading
// it as a stream: articles whose content hash is archived already are not
// duplicated (their tags and note are merged into the archived article),
// new ones keep their entities, tags, note, snapshots and times, and the
// other archive's corrections are added and applied where their names agree
// with entities here (see store.MergeCorrections). progress, when not nil,
// is called after each batch.
func (a *Exporter) Merge(ctx context.Context, r io.Reader, progress func(MergeReport)) (MergeReport, error) {
	start := time.Now()
	m := &merger{a: a, progress: progress, start: start}
	var err error
	if m.maxOld, err = a.st.MaxArticleID(ctx); err != nil {
		return MergeReport{}, err
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	for n := 1; ; n++ {
		var rec jsonlRecord
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			if n == 1 {
				return m.rep, fmt.Errorf("%w: the file is empty", ErrNotExport)
			}
			break
		}
		if err != nil {
			return m.done(fmt.Errorf("read record %d: %w", n, err))
		}
		if n == 1 {
			if rec.Kind != recHeader || rec.Format != jsonlFormat {
				return m.rep, fmt.Errorf("%w: its first line is no export header", ErrNotExport)
			}
			if rec.Version > jsonlVersion {
				return m.rep, fmt.Errorf("the export's format (version %d) is newer than this program knows (%d): update News Archive",
					rec.Version, jsonlVersion)
			}
			continue
		}
		if err := m.add(ctx, &rec); err != nil {
			return m.done(fmt.Errorf("record %d: %w", n, err))
		}
	}
	return m.done(m.flush(ctx))
}

// merger batches the records of a JSONL export into the store.
type merger struct {
	a        *Exporter
	progress func(MergeReport)
	start    time.Time
	maxOld   int64
	rep      MergeReport
	arts     []store.ArticleRecord
	ents     []store.Entity
	corrs    []store.PortableCorrection
}

func (m *merger) add(ctx context.Context, rec *jsonlRecord) error {
	switch rec.Kind {
	case recArticle:
		r, bad, err := storeRecord(rec)
		if err != nil {
			return err
		}
		m.rep.BadMentions += bad
		m.arts = append(m.arts, r)
	case recEntity:
		if !store.ValidType(rec.Type) || rec.Name == "" {
			return fmt.Errorf("entity %q of unknown type %q", rec.Name, rec.Type)
		}
		m.ents = append(m.ents, store.Entity{Name: rec.Name, Type: rec.Type, Confirmed: rec.Confirmed, Aliases: rec.Aliases})
	case recCorrection:
		c := store.PortableCorrection{Correction: store.Correction{Kind: rec.Rule, Name: rec.Name, Type: rec.Type,
			Target: rec.Target, TargetType: rec.TargetType}, ArticleHash: rec.ArticleHash}
		if rec.CreatedAt != nil {
			c.CreatedAt = *rec.CreatedAt
		}
		m.corrs = append(m.corrs, c)
	default:
		return nil // a kind from a later version: skipped
	}
	if len(m.arts)+len(m.ents)+len(m.corrs) >= mergeBatch || (rec.Kind != recArticle && len(m.arts) > 0) {
		return m.flush(ctx)
	}
	return nil
}

// flush writes the pending records: articles first, then entities, then
// corrections, as the export orders them.
func (m *merger) flush(ctx context.Context) error {
	if len(m.arts) > 0 {
		outs, err := m.a.st.MergeArticles(ctx, m.arts)
		if err != nil {
			return err
		}
		arts := make([]store.Article, len(outs))
		ids := make([]int64, len(outs))
		errs := make([]error, len(outs))
		for i, o := range outs {
			arts[i], ids[i] = m.arts[i].Article, o.ID
			m.rep.Articles++
			m.rep.BadMentions += o.BadMentions
			if o.Duplicate {
				m.rep.Duplicates++
				errs[i] = &store.DuplicateError{ID: o.ID}
			} else {
				m.rep.Imported++
			}
		}
		m.a.search.FingerprintBatch(ctx, arts, ids, errs)
		m.arts = m.arts[:0]
	}
	if len(m.ents) > 0 {
		if err := m.a.st.MergeEntityRecords(ctx, m.ents); err != nil {
			return err
		}
		m.rep.Entities += len(m.ents)
		m.ents = m.ents[:0]
	}
	if len(m.corrs) > 0 {
		n, err := m.a.st.MergeCorrections(ctx, m.corrs, m.maxOld)
		if err != nil {
			return err
		}
		m.rep.Corrections += n
		m.corrs = m.corrs[:0]
	}
	if m.progress != nil {
		m.rep.Elapsed = time.Since(m.start)
		m.progress(m.rep)
	}
	return nil
}

func (m *merger) done(err error) (MergeReport, error) {
	m.rep.Elapsed = time.Since(m.start)
	return m.rep, err
}
