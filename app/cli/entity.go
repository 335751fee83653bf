package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

const entityUsage = `NAME|ID
       newsarchive entity rename ID NEW-NAME
       newsarchive entity retype ID PERSON|ORG|PLACE
       newsarchive entity merge FROM-ID INTO-ID
       newsarchive entity split ID ALIAS
       newsarchive entity reject ID [ARTICLE-ID]
       newsarchive entity add NAME PERSON|ORG|PLACE [ARTICLE-ID]`

func runEntity(ctx context.Context, c *session, args []string) int {
	fs := c.flags("entity", entityUsage)
	asJSON := fs.Bool("json", false, "print JSON")
	a, rest, code := c.begin(ctx, fs, args, atLeast(1))
	if code >= 0 {
		return code
	}
	if fix, ok := corrections[rest[0]]; ok {
		msg, err := fix(ctx, a, rest[1:])
		if errors.Is(err, errUsage) {
			fmt.Fprintf(c.Stderr, "newsarchive: entity %s: %v\n", rest[0], err)
			fs.Usage()
			return ExitUsage
		}
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintln(c.Stdout, msg)
		return ExitOK
	}
	e, err := a.Tagging.FindEntity(ctx, strings.Join(rest, " "))
	if errors.Is(err, store.ErrNotFound) {
		return c.fail(fmt.Errorf("no entity %q", strings.Join(rest, " ")))
	}
	if err != nil {
		return c.fail(err)
	}
	co, err := a.Tagging.Cooccurring(ctx, e.ID, 20)
	if err != nil {
		return c.fail(err)
	}
	months, err := a.Tagging.EntityTimeline(ctx, e.ID)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		type coJSON struct {
			entitySummaryJSON
			Together int `json:"together"`
		}
		out := struct {
			entitySummaryJSON
			Cooccurring []coJSON       `json:"cooccurring"`
			PerMonth    map[string]int `json:"per_month"`
		}{entitySummaryJSON: summary(e), Cooccurring: []coJSON{}, PerMonth: map[string]int{}}
		for _, c := range co {
			out.Cooccurring = append(out.Cooccurring, coJSON{summary(c.Entity), c.Articles})
		}
		for _, m := range months {
			out.PerMonth[m.Month] = m.Articles
		}
		return c.writeJSON(out)
	}
	fmt.Fprintf(c.Stdout, "%s (%s, entity %d): %d articles, %d mentions\n", safetext.Line(e.Name), e.Type, e.ID, e.Articles, e.Mentions)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(c.Stdout, "also written: %s\n", safetext.Line(strings.Join(e.Aliases, ", ")))
	}
	if len(co) > 0 {
		fmt.Fprintln(c.Stdout, "mentioned with:")
		for _, x := range co {
			fmt.Fprintf(c.Stdout, "  %5d  %s (%s)\n", x.Articles, safetext.Line(x.Entity.Name), x.Entity.Type)
		}
	}
	if len(months) > 0 {
		fmt.Fprintln(c.Stdout, "articles per month:")
		for _, m := range months {
			fmt.Fprintf(c.Stdout, "  %s  %d\n", m.Month, m.Articles)
		}
	}
	return ExitOK
}

type correction func(ctx context.Context, a *app.App, args []string) (string, error)

func need(args []string, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		return fmt.Errorf("%w: wrong number of arguments", errUsage)
	}
	return nil
}

var corrections = map[string]correction{
	"rename": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 2, 99); err != nil {
			return "", err
		}
		id, err := parseID(args[0])
		if err != nil {
			return "", err
		}
		name := strings.Join(args[1:], " ")
		return fmt.Sprintf("entity %d renamed %q", id, name), a.Tagging.RenameEntity(ctx, id, name)
	},
	"retype": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 2, 2); err != nil {
			return "", err
		}
		id, err := parseID(args[0])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("entity %d is now %s", id, strings.ToUpper(args[1])), a.Tagging.RetypeEntity(ctx, id, args[1])
	},
	"merge": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 2, 2); err != nil {
			return "", err
		}
		from, err := parseID(args[0])
		if err != nil {
			return "", err
		}
		into, err := parseID(args[1])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("entity %d merged into %d", from, into), a.Tagging.MergeEntities(ctx, from, into)
	},
	"split": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 2, 99); err != nil {
			return "", err
		}
		id, err := parseID(args[0])
		if err != nil {
			return "", err
		}
		alias := strings.Join(args[1:], " ")
		nid, err := a.Tagging.SplitAlias(ctx, id, alias)
		return fmt.Sprintf("%q is now entity %d", alias, nid), err
	},
	"reject": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 1, 2); err != nil {
			return "", err
		}
		id, err := parseID(args[0])
		if err != nil {
			return "", err
		}
		var article int64
		where := "everywhere"
		if len(args) == 2 {
			if article, err = parseID(args[1]); err != nil {
				return "", err
			}
			where = fmt.Sprintf("in article %d", article)
		}
		return fmt.Sprintf("entity %d rejected %s", id, where), a.Tagging.RejectEntity(ctx, id, article)
	},
	"add": func(ctx context.Context, a *app.App, args []string) (string, error) {
		if err := need(args, 2, 3); err != nil {
			return "", err
		}
		var article int64
		var err error
		if len(args) == 3 {
			if article, err = parseID(args[2]); err != nil {
				return "", err
			}
		}
		if !store.ValidType(strings.ToUpper(args[1])) {
			return "", fmt.Errorf("%w: unknown type %q (PERSON, ORG or PLACE)", errUsage, args[1])
		}
		id, err := a.Tagging.AddEntity(ctx, args[0], args[1], article)
		return fmt.Sprintf("%q added as entity %d", args[0], id), err
	},
}
