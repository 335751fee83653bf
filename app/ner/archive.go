package ner

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// ListRow is one name of an archive's list.
type ListRow struct {
	Name     string
	Articles int // articles that mention it
}

// ArchiveLists tags every .txt file under dir as one archive and returns
// the top names of each list (PERSON, ORG, PLACE) as an archive would show
// them: short person mentions joined to full names by a Linker, each name
// typed once by a Resolver over one vote per article. It is the list
// evaluation of `make eval` and cmd/nerlists.
func ArchiveLists(t *Tagger, dir string, top int) (map[string][]ListRow, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("archive lists: %w", err)
	}
	sort.Strings(paths)
	docs := make([][]Entity, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(paths); i += workers {
				b, err := os.ReadFile(paths[i])
				if err != nil {
					errs[i] = fmt.Errorf("archive lists: %w", err)
					continue
				}
				docs[i] = t.Tag(string(b), nil)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return ResolveLists(NewResolver(t), docs, top), nil
}

// ResolveLists builds the lists of an archive from its articles' entities
// the way the archive does (app/tagging): ResolveNames gives each name its
// senses and links; each mention goes to the entity Decision.To gives for
// its type, and a list counts the articles of each entity.
func ResolveLists(r *Resolver, docs [][]Entity, top int) map[string][]ListRow {
	dec := ResolveNames(r, docs)
	articles := map[[2]string]int{} // entity (name, type) -> articles
	for _, d := range docs {
		seen := map[[2]string]bool{}
		for _, e := range d {
			name, typ := dec[mentionName(e)].To(e.Type)
			k := [2]string{name, typ}
			if !seen[k] {
				seen[k] = true
				articles[k]++
			}
		}
	}
	out := map[string][]ListRow{}
	for k, n := range articles {
		out[k[1]] = append(out[k[1]], ListRow{Name: k[0], Articles: n})
	}
	for typ, rows := range out {
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].Articles != rows[j].Articles {
				return rows[i].Articles > rows[j].Articles
			}
			return rows[i].Name < rows[j].Name
		})
		if len(rows) > top {
			rows = rows[:top]
		}
		out[typ] = rows
	}
	return out
}

// ResolveNames decides every name of an archive's articles (their
// entities) the way the archive does: each name's evidence is one vote per
// article, the type most of its mentions there have, and one cue per
// article, the strongest of its mentions' (Entity.Cue); Resolver.Decide
// decides. The decisions are keyed by mentionName.
func ResolveNames(r *Resolver, docs [][]Entity) map[string]Decision {
	votes := map[string]map[string]float64{} // name -> type -> articles
	cues := map[string]map[string]float64{}  // name -> cued type -> articles
	for _, d := range docs {
		types := map[string]map[string]int{} // name -> type -> mentions in this article
		cued := map[string]string{}          // name -> the article's cue
		for _, e := range d {
			name := mentionName(e)
			if types[name] == nil {
				types[name] = map[string]int{}
			}
			types[name][e.Type]++
			if cueRank[e.Cue] > cueRank[cued[name]] {
				cued[name] = e.Cue
			}
		}
		for name, c := range cued {
			if cues[name] == nil {
				cues[name] = map[string]float64{}
			}
			cues[name][c]++
		}
		for name, ts := range types {
			if votes[name] == nil {
				votes[name] = map[string]float64{}
			}
			votes[name][Majority(ts)]++
		}
	}
	evs := make([]Evidence, 0, len(votes))
	for name, v := range votes {
		evs = append(evs, Evidence{Name: name, Votes: v, Cues: cues[name]})
	}
	return r.Decide(evs)
}

// mentionName is the name a mention is stored under: the full name it
// links to in its article, else its text.
func mentionName(e Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

// Majority returns the type with the most mentions (ties: the first in
// alphabetical order, as the store counts).
func Majority(ts map[string]int) string {
	best, n := "", 0
	for typ, k := range ts {
		if k > n || k == n && typ < best {
			best, n = typ, k
		}
	}
	return best
}
