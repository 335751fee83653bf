package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// searchFilterFlags adds the flags of a recorded search's filters.
func searchFilterFlags(fs *flag.FlagSet, f *workbench.SearchFilters) {
	fs.StringVar(&f.From, "from", "", "search: published on or after DATE (YYYY[-MM[-DD]])")
	fs.StringVar(&f.To, "to", "", "search: published on or before DATE")
	fs.StringVar(&f.Source, "source", "", "search: only articles from this source")
	fs.StringVar(&f.Entity, "entity", "", "search: only articles mentioning this entity (id, name or alias)")
	fs.StringVar(&f.Type, "type", "", "search: only articles mentioning an entity of this type: person, org, place or misc")
}

// collectionJSON is the JSON form of a collection.
type collectionJSON struct {
	Name        string                 `json:"name"`
	Description string                 `json:"description"`
	CreatedAt   time.Time              `json:"created_at"`
	Articles    int                    `json:"articles"`
	Search      *recordedSearchJSON    `json:"search,omitempty"`
	Members     []collectionMemberJSON `json:"members,omitempty"`
}

type recordedSearchJSON struct {
	Query   string                  `json:"query"`
	Filters workbench.SearchFilters `json:"filters"`
	At      time.Time               `json:"at"`
}

type collectionMemberJSON struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published string    `json:"published"`
	AddedAt   time.Time `json:"added_at"`
}

func toCollectionJSON(c store.Collection, f workbench.SearchFilters) collectionJSON {
	out := collectionJSON{Name: c.Name, Description: c.Description, CreatedAt: c.CreatedAt.UTC(), Articles: c.Articles}
	if c.SearchQuery != "" {
		out.Search = &recordedSearchJSON{Query: c.SearchQuery, Filters: f, At: c.SearchAt.UTC()}
	}
	return out
}

const collectionUsage = "create NAME [--description D] [--from-search QUERY [search filters]] | add NAME ID... | rm NAME ID... |\n" +
	"       show [--json] NAME | rename NAME NEW | delete NAME"

func runCollection(ctx context.Context, c *session, args []string) int {
	fs := c.flags("collection", collectionUsage)
	desc := fs.String("description", "", "create: what the collection is for")
	fromSearch := fs.String("from-search", "", "create: add every article this search matches, and record the search")
	var f workbench.SearchFilters
	searchFilterFlags(fs, &f)
	asJSON := fs.Bool("json", false, "show: print JSON")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) < 2 {
		fs.Usage()
		return ExitUsage
	}
	verb, name, more := rest[0], rest[1], rest[2:]
	var ids []int64
	switch verb {
	case "create", "show", "delete":
		ok = len(more) == 0
	case "rename":
		ok = len(more) == 1
	case "add", "rm":
		ok = len(more) > 0
		for _, s := range more {
			id, good := c.articleID("collection "+verb, s)
			if !good {
				return ExitUsage
			}
			ids = append(ids, id)
		}
	default:
		ok = false
	}
	if !ok {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	wb := a.Workbench
	cmd := "collection " + verb
	switch verb {
	case "create":
		v, err := wb.CreateCollection(ctx, workbench.NewCollection{Name: name, Description: *desc, Query: *fromSearch, Filters: f})
		if err != nil {
			return c.workbenchResult(cmd, err)
		}
		fmt.Fprintf(c.Stdout, "collection %q: %d articles\n", v.Name, len(v.Articles))
	case "add":
		n, err := wb.AddToCollection(ctx, name, ids...)
		if err != nil {
			return c.workbenchResult(cmd, err)
		}
		fmt.Fprintf(c.Stdout, "added %d articles (%d were in it already)\n", n, len(ids)-n)
	case "rm":
		n, err := wb.RemoveFromCollection(ctx, name, ids...)
		if err != nil {
			return c.workbenchResult(cmd, err)
		}
		fmt.Fprintf(c.Stdout, "removed %d articles\n", n)
	case "rename":
		return c.workbenchResult(cmd, wb.RenameCollection(ctx, name, more[0]))
	case "delete":
		return c.workbenchResult(cmd, wb.DeleteCollection(ctx, name))
	case "show":
		return c.showCollection(ctx, wb, name, *asJSON)
	}
	return ExitOK
}

func (c *session) showCollection(ctx context.Context, wb *workbench.Service, name string, asJSON bool) int {
	v, err := wb.Collection(ctx, name)
	if err != nil {
		return c.workbenchResult("collection show", err)
	}
	if asJSON {
		out := toCollectionJSON(v.Collection, v.Filters)
		out.Members = []collectionMemberJSON{}
		for _, m := range v.Articles {
			out.Members = append(out.Members, collectionMemberJSON{m.ID, m.Title, m.Source, m.Published, m.AddedAt.UTC()})
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "%s: %d articles\n", safetext.Line(v.Name), len(v.Articles))
	if v.Description != "" {
		fmt.Fprintln(c.Stdout, v.Description)
	}
	if v.SearchQuery != "" {
		fmt.Fprintf(c.Stdout, "made from the search %q %s on %s\n", v.SearchQuery, v.SearchFilters, v.SearchAt.UTC().Format("2006-01-02 15:04"))
	}
	for _, m := range v.Articles {
		fmt.Fprintf(c.Stdout, "%6d  %-10s  %s%s\n", m.ID, dateOnly(m.Published), safetext.Line(m.Title), inParens(m.Source))
	}
	return ExitOK
}

func runCollections(ctx context.Context, c *session, args []string) int {
	fs := c.flags("collections", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	a, _, code := c.begin(ctx, fs, args, exactly(0))
	if code >= 0 {
		return code
	}
	cs, err := a.Workbench.Collections(ctx)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]collectionJSON, len(cs))
		for i, col := range cs {
			v, err := a.Workbench.Collection(ctx, col.Name)
			if err != nil {
				return c.fail(err)
			}
			out[i] = toCollectionJSON(col, v.Filters)
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	for _, col := range cs {
		fmt.Fprintf(c.Stdout, "%6d  %s", col.Articles, safetext.Line(col.Name))
		if col.Description != "" {
			fmt.Fprintf(c.Stdout, " — %s", safetext.Line(col.Description))
		}
		fmt.Fprintln(c.Stdout)
	}
	return ExitOK
}
