package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store"
)

type entityJSON struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func runNER(ctx context.Context, c *session, args []string) int {
	fs := c.flags("ner", "[--jsonl] < TEXT")
	jsonl := fs.Bool("jsonl", false, `read lines of {"id","text"} and print lines of {"id","entities"}`)
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := tagging.LoadModel()
	if err != nil {
		return c.fail(err)
	}
	tag := func(text string) []entityJSON {
		out := []entityJSON{}
		for _, e := range a.Tag(text, nil) {
			out = append(out, entityJSON{Text: e.Text, Type: e.Type, Start: e.Start, End: e.End})
		}
		return out
	}
	enc := json.NewEncoder(c.Stdout)
	enc.SetEscapeHTML(false)
	if !*jsonl {
		text, err := io.ReadAll(io.LimitReader(c.Stdin, 64<<20))
		if err != nil {
			return c.fail(fmt.Errorf("read stdin: %w", err))
		}
		enc.Encode(tag(string(text)))
		return ExitOK
	}
	sc := bufio.NewScanner(c.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	code := ExitOK
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var in struct {
			ID   json.RawMessage `json:"id"`
			Text *string         `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil || in.Text == nil {
			fmt.Fprintf(c.Stderr, "newsarchive: ner: line %d: want {\"id\",\"text\"}\n", n)
			code = ExitFailed
			continue
		}
		enc.Encode(struct {
			ID       json.RawMessage `json:"id"`
			Entities []entityJSON    `json:"entities"`
		}{in.ID, tag(*in.Text)})
	}
	if err := sc.Err(); err != nil {
		return c.fail(fmt.Errorf("read stdin: %w", err))
	}
	return code
}

type entitySummaryJSON struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases,omitempty"`
	Articles int      `json:"articles"`
	Mentions int      `json:"mentions"`
}

func summary(e store.Entity) entitySummaryJSON {
	return entitySummaryJSON{e.ID, e.Name, e.Type, e.Aliases, e.Articles, e.Mentions}
}

func runEntities(ctx context.Context, c *session, args []string) int {
	fs := c.flags("entities", "[--json] [--type PERSON|ORG|PLACE] [--top N]")
	asJSON := fs.Bool("json", false, "print JSON")
	typ := fs.String("type", "", "only entities of this type")
	top := fs.Int("top", 50, "the N most mentioned (0: all)")
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	*typ = strings.ToUpper(*typ)
	if *typ != "" && !store.ValidType(*typ) {
		fmt.Fprintf(c.Stderr, "newsarchive: entities: unknown type %q (PERSON, ORG or PLACE)\n", *typ)
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	list, err := a.Tagging.Entities(ctx, *typ, *top, 0)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]entitySummaryJSON, len(list))
		for i, e := range list {
			out[i] = summary(e)
		}
		return c.writeJSON(out)
	}
	for _, e := range list {
		fmt.Fprintf(c.Stdout, "%6d  %-6s  %5d articles  %s\n", e.ID, e.Type, e.Articles, safetext.Line(e.Name))
	}
	return ExitOK
}

func (c *session) writeJSON(v any) int {
	if err := writeJSON(c.Stdout, v); err != nil {
		return c.fail(err)
	}
	return ExitOK
}

func runRetag(ctx context.Context, c *session, args []string) int {
	fs := c.flags("retag", "")
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	start := time.Now()
	if err := a.Tagging.Retag(ctx, c.taggingProgress()); err != nil {
		return c.fail(err)
	}
	c.endProgress()
	done, total, _ := a.Tagging.TaggingProgress(ctx)
	fmt.Fprintf(c.Stdout, "tagged %d of %d articles in %s\n", done, total, time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// taggingProgress returns a progress callback drawing the tagging line on a
// terminal, or nil.
func (c *session) taggingProgress() func(done, total int) {
	if !isTerminal(c.Stderr) {
		return nil
	}
	start := time.Now()
	first := -1
	return func(done, total int) {
		if first < 0 {
			first = done
		}
		rate := float64(done-first) / max(time.Since(start).Seconds(), 1e-9)
		fmt.Fprintf(c.Stderr, "\rtagging entities: %d/%d articles  %.0f articles/s ", done, total, rate)
	}
}

func (c *session) endProgress() {
	if isTerminal(c.Stderr) {
		fmt.Fprint(c.Stderr, "\r\033[K")
	}
}

// errUsage marks a usage error of an entity subcommand.
var errUsage = errors.New("usage")

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not an id", errUsage, s)
	}
	return id, nil
}
