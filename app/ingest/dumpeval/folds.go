package dumpeval

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Saved fold models make a change in how dumps are read measurable without
// retraining: the held-out figures of two builds of the reading code, each
// scoring every page with the same fold model that never saw it, differ by
// the change alone (retrained models differ by more than small changes do:
// docs/extraction.md, "How noisy"). A fold set is a folder holding
// folds.json (the Manifest) and one model file per fold of each plan
// (dev-0.json ..., extra-0.json ...).

// Manifest says which pages and fold plans a fold set was trained on.
type Manifest struct {
	K              int    `json:"k"`
	DevPages       int    `json:"dev_pages"`
	ExtraPages     int    `json:"extra_pages"`
	ExtraRenderers int    `json:"extra_renderers"`
	Digest         string `json:"pages_sha256"` // PagesDigest of the joined pages
	DevModels      int    `json:"dev_models"`
	ExtraModels    int    `json:"extra_models"`
}

// PagesDigest is the SHA-256 of the pages' names, expected bodies, titles
// and dumps, in order.
func PagesDigest(pages []Page) string {
	h := sha256.New()
	for _, p := range pages {
		fmt.Fprintf(h, "%d:%s%d:%s%d:%s", len(p.Name), p.Name, len(p.Gold), p.Gold, len(p.Title), p.Title)
		for _, r := range Renderers {
			d := p.Dumps[r]
			fmt.Fprintf(h, "%d:%s", len(d), d)
		}
		for _, own := range OwnDumps {
			if d, ok := p.Dumps[own]; ok {
				fmt.Fprintf(h, "%s%d:%s", own, len(d), d)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewManifest describes a fold set of k folds trained on pages joined as
// Join joins them (the first nDev the development set, perPage dumps of
// each later page); SaveFolds adds the model counts.
func NewManifest(pages []Page, nDev, perPage, k int) Manifest {
	return Manifest{K: k, DevPages: nDev, ExtraPages: len(pages) - nDev,
		ExtraRenderers: min(max(perPage, 1), len(Renderers)), Digest: PagesDigest(pages)}
}

// Matches reports why the fold set cannot score these pages, joined as
// NewManifest says, or nil.
func (m Manifest) Matches(pages []Page, nDev, perPage int) error {
	want := NewManifest(pages, nDev, perPage, m.K)
	switch {
	case m.DevPages != want.DevPages || m.ExtraPages != want.ExtraPages:
		return fmt.Errorf("fold set trained on %d development and %d extra pages, these are %d and %d", m.DevPages, m.ExtraPages, want.DevPages, want.ExtraPages)
	case m.ExtraPages > 0 && m.ExtraRenderers != want.ExtraRenderers:
		return fmt.Errorf("fold set trained on %d dumps per extra page, not %d", m.ExtraRenderers, want.ExtraRenderers)
	case m.Digest != want.Digest:
		return errors.New("fold set trained on other pages (names, expected output or dumps differ)")
	}
	return nil
}

// SaveFolds writes a fold set to dir (created if need be): the manifest and
// the models of each plan.
func SaveFolds(dir string, m Manifest, dev, extra []*ingest.DumpModel) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save folds: %w", err)
	}
	m.DevModels, m.ExtraModels = len(dev), len(extra)
	for plan, models := range map[string][]*ingest.DumpModel{"dev": dev, "extra": extra} {
		for f, model := range models {
			if err := writeJSON(filepath.Join(dir, fmt.Sprintf("%s-%d.json", plan, f)), model); err != nil {
				return fmt.Errorf("save folds: %w", err)
			}
		}
	}
	if err := writeJSON(filepath.Join(dir, "folds.json"), m); err != nil {
		return fmt.Errorf("save folds: %w", err)
	}
	return nil
}

// LoadFolds reads a fold set written by SaveFolds.
func LoadFolds(dir string) (m Manifest, dev, extra []*ingest.DumpModel, err error) {
	b, err := os.ReadFile(filepath.Join(dir, "folds.json"))
	if err != nil {
		return m, nil, nil, fmt.Errorf("load folds: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, nil, nil, fmt.Errorf("load folds: folds.json: %w", err)
	}
	if m.DevModels+m.ExtraModels == 0 {
		return m, nil, nil, errors.New("load folds: folds.json lists no models")
	}
	if m.K < 2 || m.DevModels != 0 && m.DevModels != m.K || m.ExtraModels != 0 && m.ExtraModels != m.K {
		return m, nil, nil, fmt.Errorf("load folds: folds.json: %d and %d models for %d folds", m.DevModels, m.ExtraModels, m.K)
	}
	read := func(plan string, n int) ([]*ingest.DumpModel, error) {
		out := make([]*ingest.DumpModel, n)
		for f := range out {
			mod, err := LoadModel(filepath.Join(dir, fmt.Sprintf("%s-%d.json", plan, f)))
			if err != nil {
				return nil, fmt.Errorf("load folds: %w", err)
			}
			out[f] = mod
		}
		return out, nil
	}
	if dev, err = read("dev", m.DevModels); err != nil {
		return m, nil, nil, err
	}
	if extra, err = read("extra", m.ExtraModels); err != nil {
		return m, nil, nil, err
	}
	return m, dev, extra, nil
}

// LoadModel reads a dump model file (texttrain's output) and checks that
// this build can use it.
func LoadModel(name string) (*ingest.DumpModel, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	m := &ingest.DumpModel{}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := m.Check(); err != nil {
		return nil, fmt.Errorf("%s: not a dump model this build can use: %w", name, err)
	}
	return m, nil
}

func writeJSON(name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(b, '\n'), 0o644)
}
