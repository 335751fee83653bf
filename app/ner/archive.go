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

// ResolveLists builds the lists of an archive from its articles' entities.
func ResolveLists(r *Resolver, docs [][]Entity, top int) map[string][]ListRow {
	l := NewLinker()
	for _, d := range docs {
		l.Add(d)
	}
	votes := map[string]map[string]float64{} // name -> type -> articles
	articles := map[string]int{}
	for _, d := range docs {
		types := map[string]map[string]int{} // name -> type -> mentions in this article
		for _, e := range d {
			name := e.Canonical
			if name == "" {
				name = e.Text
			}
			if e.Type == Person && name == e.Text {
				if full, ok := l.Link(name); ok {
					name = full
				}
			}
			if types[name] == nil {
				types[name] = map[string]int{}
			}
			types[name][e.Type]++
		}
		for name, ts := range types {
			best, n := "", 0
			for typ, k := range ts {
				if k > n || k == n && typ < best {
					best, n = typ, k
				}
			}
			if votes[name] == nil {
				votes[name] = map[string]float64{}
			}
			votes[name][best]++
			articles[name]++
		}
	}
	out := map[string][]ListRow{}
	for name, v := range votes {
		for _, s := range r.Resolve(Evidence{Name: name, Votes: v}) {
			out[s.Type] = append(out[s.Type], ListRow{Name: name, Articles: articles[name]})
		}
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
