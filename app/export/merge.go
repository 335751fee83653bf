package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/newsarchive/newsarchive/app/tagging/corrections"
	"github.com/newsarchive/newsarchive/store"
)

// DefaultMaxLine is the longest record a merge reads, in bytes: an article
// of ingest.MaxSize with its original (base64) and room for its
// snapshots' and mentions' lines.
const DefaultMaxLine = 64 << 20

// ErrLineTooLong reports a record over MergeOptions.MaxLine.
var ErrLineTooLong = errors.New("record too long")

// MergeOptions say how far a merge trusts the export, which another archive
// (anyone) wrote.
type MergeOptions struct {
	// ApplyCorrections lets the export change what this archive held before
	// the merge: apply its corrections (renames, merges, rejections... of
	// entities here), add its tags and notes to articles archived here, and
	// confirm or add aliases to entities here. Without it the merge only
	// adds new articles and what comes with them; corrections are applied
	// only to an archive that was empty.
	ApplyCorrections bool
	// DryRun checks the whole export and lists, in MergeReport.Preview, what
	// merging it with ApplyCorrections would change here; it writes nothing.
	DryRun bool
	// MaxLine caps one record's bytes; 0 means DefaultMaxLine.
	MaxLine int
}

// MergeReport sums up the merge of a JSONL export into the archive.
type MergeReport struct {
	Articles    int // article records read
	Imported    int // of which new here
	Duplicates  int // of which archived already
	BadMentions int // mentions dropped: outside their article's text or of an unknown type
	Entities    int // entity records read
	Corrections int // corrections this archive lacked, added and applied
	Highlights  int // highlights this archive lacked, added
	Collections int // collection records read (made here when missing, their articles added)
	Watches     int // watches this archive lacked (by name), added
	// What the merge left alone without MergeOptions.ApplyCorrections:
	LocalSkipped       int // articles archived here the export would add tags or a note to
	WorkbenchSkipped   int // highlights on, or collection changes of, what this archive held before
	EntitiesSkipped    int // records confirming or adding aliases to entities here
	CorrectionsSkipped int // corrections not applied
	// What the merge cleaned from the export:
	DatesDropped int // publication dates neither ISO 8601 nor readable, left out
	LinksDropped int // article links not http(s), or carrying credentials, left out
	// Preview lists, in a dry run, what the merge with ApplyCorrections
	// would change of what the archive holds (at most maxPreview lines);
	// the counts above are then what the merge would do, the skipped ones
	// what ApplyCorrections would apply.
	Preview []string
	Elapsed time.Duration
}

// mergeBatch is how many records are written in one transaction.
const mergeBatch = 64

// Merge merges a JSONL export (see Export) into the archive. It reads the
// export twice: first it checks every record (a bad one fails the merge,
// naming its line, before anything is written), then it writes them in
// batches. Articles whose content (hash recomputed here, never taken from
// the record) is archived already are not duplicated; new ones keep their
// entities, tags, note, snapshots and times. The export cannot change what
// the archive held before without opt.ApplyCorrections (see MergeOptions);
// opt.DryRun previews what it would. Text is sanitised as import does
// (ingest.Sanitize), dates normalised. progress, when not nil, is called
// after each batch.
func (a *Exporter) Merge(ctx context.Context, r io.ReadSeeker, opt MergeOptions, progress func(MergeReport)) (MergeReport, error) {
	m := &merger{a: a, opt: opt, progress: progress, start: time.Now()}
	var err error
	if m.pol.OldArticles, err = a.st.MaxArticleID(ctx); err != nil {
		return MergeReport{}, err
	}
	if m.pol.OldEntities, err = a.st.MaxEntityID(ctx); err != nil {
		return MergeReport{}, err
	}
	m.pol.TouchLocal = opt.ApplyCorrections
	m.empty = m.pol.OldArticles == 0 && m.pol.OldEntities == 0
	m.checking = true
	if err := m.read(ctx, r, m.check); err != nil {
		return m.done(err)
	}
	if opt.DryRun {
		return m.done(nil)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return m.done(fmt.Errorf("read the export again: %w", err))
	}
	m.rep, m.checking = MergeReport{}, false
	if err := m.read(ctx, r, m.add); err != nil {
		return m.done(err)
	}
	return m.done(m.flush(ctx))
}

// read reads the export's lines, checking its header, and hands each
// record to f with its line number.
func (m *merger) read(ctx context.Context, r io.Reader, f func(context.Context, *jsonlRecord) error) error {
	max := m.opt.MaxLine
	if max <= 0 {
		max = DefaultMaxLine
	}
	lr := lineReader{r: bufio.NewReaderSize(r, 1<<16), max: max}
	for n := 0; ; {
		line, err := lr.next()
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return fmt.Errorf("%w: the file is empty", ErrNotExport)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.line, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		var rec jsonlRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			if n == 1 {
				return fmt.Errorf("%w: its first line is no export header", ErrNotExport)
			}
			return fmt.Errorf("line %d: %w", lr.line, err)
		}
		if n == 1 {
			if rec.Kind != recHeader || rec.Format != jsonlFormat {
				return fmt.Errorf("%w: its first line is no export header", ErrNotExport)
			}
			if rec.Version > jsonlVersion {
				return fmt.Errorf("the export's format (version %d) is newer than this program knows (%d): update News Archive",
					rec.Version, jsonlVersion)
			}
			continue
		}
		if err := f(ctx, &rec); err != nil {
			return fmt.Errorf("line %d: %w", lr.line, err)
		}
	}
}

// lineReader reads lines of at most max bytes, skipping blank ones: a
// longer line is an error, read no further, so memory stays bounded.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line int // number of the line last read
	buf  []byte
}

func (l *lineReader) next() ([]byte, error) {
	for {
		l.buf = l.buf[:0]
		l.line++
		for {
			chunk, err := l.r.ReadSlice('\n')
			if len(l.buf)+len(chunk) > l.max+1 {
				return nil, fmt.Errorf("%w: over %d MB (the limit)", ErrLineTooLong, l.max>>20)
			}
			l.buf = append(l.buf, chunk...)
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			if len(trimSpace(l.buf)) > 0 {
				return l.buf, nil
			}
			if err != nil {
				return nil, io.EOF
			}
			break
		}
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r' || b[len(b)-1] == '\n') {
		b = b[:len(b)-1]
	}
	return b
}

// merger batches the records of a JSONL export into the store.
type merger struct {
	a        *Exporter
	opt      MergeOptions
	pol      store.MergePolicy
	empty    bool // the archive held nothing before the merge
	checking bool // the first pass
	progress func(MergeReport)
	start    time.Time
	rep      MergeReport
	seen     map[string]bool // dry run: content hashes read
	arts     []store.ArticleRecord
	ents     []store.Entity
	corrs    []store.MergedRule
}

// add queues a checked record for writing.
func (m *merger) add(ctx context.Context, rec *jsonlRecord) error {
	switch rec.Kind {
	case recArticle:
		r, err := m.article(rec)
		if err != nil {
			return err
		}
		m.arts = append(m.arts, r)
	case recEntity:
		e, err := entityRecord(rec)
		if err != nil {
			return err
		}
		m.ents = append(m.ents, e)
	case recCorrection:
		c, err := correctionRecord(rec)
		if err != nil {
			return err
		}
		if !m.opt.ApplyCorrections && !m.empty {
			m.rep.CorrectionsSkipped++
			return nil
		}
		m.corrs = append(m.corrs, store.MergedRule{Rule: c, Change: corrections.Change(c.Correction)})
	case recHighlight, recCollection:
		if err := m.flush(ctx); err != nil {
			return err
		}
		return m.mergeWorkbench(ctx, rec)
	case recWatch:
		if err := m.flush(ctx); err != nil {
			return err
		}
		return m.mergeWatch(ctx, rec)
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
		outs, err := m.a.st.MergeArticlesWith(ctx, m.arts, m.pol)
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
			if o.LocalSkipped {
				m.rep.LocalSkipped++
			}
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
		skipped, err := m.a.st.MergeEntityRecordsWith(ctx, m.ents, m.pol)
		if err != nil {
			return err
		}
		m.rep.Entities += len(m.ents)
		m.rep.EntitiesSkipped += skipped
		m.ents = m.ents[:0]
	}
	if len(m.corrs) > 0 {
		n, err := m.a.st.MergeCorrections(ctx, m.corrs, m.pol.OldArticles)
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
