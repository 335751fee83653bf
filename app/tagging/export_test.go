package tagging

import (
	"context"

	"github.com/newsarchive/newsarchive/store"
)

// ResolveStats exposes resolve to the package's external benchmarks: a
// resolution and what it did (how long it held the write lock).
func (a *Service) ResolveStats(ctx context.Context, ifChanged bool) (store.ResolveStats, error) {
	return a.resolve(ctx, ifChanged)
}
