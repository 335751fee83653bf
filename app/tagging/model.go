package tagging

import (
	"fmt"

	"github.com/newsarchive/newsarchive/app/ner"
)

// LoadModel loads the entity model on its own, without an archive or the
// user's corrections: the CLI's ner command tags stdin with it. An archive's
// service loads it once through Tagger.
func LoadModel() (*ner.Tagger, error) {
	t, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("load the entity model: %w", err)
	}
	return t, nil
}
