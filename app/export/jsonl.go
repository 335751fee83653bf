package export

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"time"

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

	Highlight  *jsonlHighlight  `json:"highlight,omitempty"`  // highlight (its article: ArticleHash)
	Collection *jsonlCollection `json:"collection,omitempty"` // collection (its name: Name)
	Watch      *jsonlWatch      `json:"watch,omitempty"`      // watch (its name: Name)
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
	err = a.st.ExportCorrections(ctx, func(c store.PortableCorrection) error {
		at := c.CreatedAt.UTC()
		return enc.Encode(jsonlRecord{Kind: recCorrection, Rule: c.Kind, Name: c.Name, Type: c.Type, Target: c.Target,
			TargetType: c.TargetType, ArticleHash: c.ArticleHash, CreatedAt: &at})
	})
	if err != nil {
		return err
	}
	return a.writeWorkbenchJSONL(ctx, enc, sc)
}
