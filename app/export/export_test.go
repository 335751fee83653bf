package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"gopkg.in/yaml.v3"
)

// fixtureApp is an archive of the test fixtures with tags, a note and
// corrections.
func fixtureApp(t *testing.T) *apptest.Archive {
	t.Helper()
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t))
	return a
}

// TestExport runs every format over one fixture archive (tagging loads the
// entity model, slow under the race detector).
func TestExport(t *testing.T) {
	a := fixtureApp(t)
	t.Run("csv", func(t *testing.T) { testExportCSV(t, a) })
	t.Run("graphs", func(t *testing.T) { testExportGraphs(t, a) })
	t.Run("citations", func(t *testing.T) { testExportCitations(t, a) })
	t.Run("markdown", func(t *testing.T) { testExportMarkdown(t, a) })
	t.Run("scopes", func(t *testing.T) { testExportScopes(t, a) })
}

func exportBytes(t *testing.T, a *apptest.Archive, opt export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := a.Exporter.Write(context.Background(), &buf, opt); err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	return buf.Bytes()
}

// python runs a Python script with args when python3 is installed,
// skipping otherwise; a script prints SKIP when a module it needs is
// missing.
func python(t *testing.T, script string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	out, err := exec.Command("python3", append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); !strings.HasPrefix(got, "SKIP") {
		return got
	}
	t.Skipf("python3: %s", out)
	return ""
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pyCSV reads CSV files with Python's csv module and prints each one's
// row count; the argument is a JSON list of [path, columns] pairs.
const pyCSV = `import csv, json, sys
csv.field_size_limit(1 << 30)
counts = []
for path, cols in json.loads(sys.argv[1]):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != cols:
        sys.exit("%s: header %r" % (path, rows[0]))
    bad = [i for i, r in enumerate(rows) if len(r) != len(cols)]
    if bad:
        sys.exit("%s: rows of the wrong width: %r" % (path, bad[:5]))
    counts.append(str(len(rows) - 1))
print(" ".join(counts))`

func testExportCSV(t *testing.T, a *apptest.Archive) {
	ctx := context.Background()
	n, _ := a.Store.ArticleCount(ctx)
	tables := []struct {
		table string
		cols  []string
	}{{"", export.ArticleColumns}, {export.TableEntities, export.EntityColumns}, {export.TableMentions, export.MentionColumns}, {export.TableCooccurrence, export.CooccurrenceColumns}}
	var files [][]any
	var counts []string
	for _, tc := range tables {
		out := exportBytes(t, a, export.Options{Format: export.FormatCSV, Table: tc.table})
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != strings.Join(tc.cols, ",") {
			t.Errorf("%s: header %v, want %v", tc.table, rows[0], tc.cols)
		}
		if len(rows) < 2 {
			t.Fatalf("%s: no rows", tc.table)
		}
		if tc.table == "" && len(rows)-1 != n {
			t.Errorf("%d article rows, want %d", len(rows)-1, n)
		}
		files = append(files, []any{writeTemp(t, "t"+tc.table+".csv", out), tc.cols})
		counts = append(counts, itoa(len(rows)-1))
	}
	rows, _ := csv.NewReader(bytes.NewReader(exportBytes(t, a, export.Options{Format: export.FormatCSV}))).ReadAll()
	seed := rows[1]
	col := func(name string) string {
		for i, c := range export.ArticleColumns {
			if c == name {
				return seed[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	if col("tags") != "China; trade" || !strings.Contains(col("note"), "Geneva date") || col("published") != "2025-05-23T05:30:00" ||
		!strings.Contains(col("places"), "Geneva") || !strings.HasPrefix(col("body"), "The United States") {
		t.Errorf("seed row %q", seed[:len(seed)-1])
	}
	spec, _ := json.Marshal(files)
	if got := python(t, pyCSV, string(spec)); got != strings.Join(counts, " ") {
		t.Errorf("python read %s rows, want %s", got, strings.Join(counts, " "))
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// xmlElements checks that a document is well-formed XML and counts its
// elements by namespace and name.
func xmlElements(t *testing.T, doc []byte) map[xml.Name]int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	counts := map[xml.Name]int{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return counts
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name]++
		}
	}
}

func testExportGraphs(t *testing.T, a *apptest.Archive) {
	var nodes, edges int
	out := exportBytes(t, a, export.Options{Format: export.FormatCSV, Table: export.TableEntities})
	rows, _ := csv.NewReader(bytes.NewReader(out)).ReadAll()
	nodes = len(rows) - 1
	rows, _ = csv.NewReader(bytes.NewReader(exportBytes(t, a, export.Options{Format: export.FormatCSV, Table: export.TableCooccurrence}))).ReadAll()
	edges = len(rows) - 1
	if nodes < 5 || edges < 5 {
		t.Fatalf("%d nodes, %d edges: too few to test", nodes, edges)
	}
	gexf := exportBytes(t, a, export.Options{Format: export.FormatGEXF})
	el := xmlElements(t, gexf)
	ns := export.GEXFNamespace
	for name, want := range map[string]int{"gexf": 1, "graph": 1, "nodes": 1, "edges": 1, "node": nodes, "edge": edges, "attributes": 2} {
		if got := el[xml.Name{Space: ns, Local: name}]; got != want {
			t.Errorf("GEXF has %d <%s> in %s, want %d", got, name, ns, want)
		}
	}
	if !bytes.Contains(gexf, []byte(`version="1.3"`)) {
		t.Error("GEXF lacks version 1.3")
	}
	graphml := exportBytes(t, a, export.Options{Format: export.FormatGraphML})
	el = xmlElements(t, graphml)
	if el[xml.Name{Space: export.GraphMLNamespace, Local: "node"}] != nodes || el[xml.Name{Space: export.GraphMLNamespace, Local: "edge"}] != edges {
		t.Errorf("GraphML elements %v", el)
	}
	const py = `import sys
try:
    import networkx as nx
except ImportError:
    sys.exit(print("SKIP: no networkx"))
g = nx.read_gexf(sys.argv[1], version="1.3")
h = nx.read_graphml(sys.argv[2])
w = sum(d["weight"] for _, _, d in g.edges(data=True))
types = {d["type"] for _, d in g.nodes(data=True)}
print(g.number_of_nodes(), g.number_of_edges(), h.number_of_nodes(), h.number_of_edges(), int(w) > 0, sorted(types) != [])`
	got := python(t, py, writeTemp(t, "g.gexf", gexf), writeTemp(t, "g.graphml", graphml))
	want := strings.Join([]string{itoa(nodes), itoa(edges), itoa(nodes), itoa(edges), "True", "True"}, " ")
	if got != want {
		t.Errorf("networkx read %q, want %q", got, want)
	}
}

func testExportCitations(t *testing.T, a *apptest.Archive) {
	seed := export.Scope{IDs: []int64{1}}
	harbour := export.Scope{Query: "ferry timetable Saltmarsh"}
	ris := string(exportBytes(t, a, export.Options{Format: export.FormatRIS, Scope: seed}))
	for _, want := range []string{"TY  - NEWS\r\n", "TI  - U.S., China Hold First Call Since Geneva Meeting", "PY  - 2025\r\n",
		"DA  - 2025/05/23/\r\n", "KW  - trade\r\n", "ER  - \r\n"} {
		if !strings.Contains(ris, want) {
			t.Errorf("seed RIS lacks %q:\n%s", want, ris)
		}
	}
	ris = string(exportBytes(t, a, export.Options{Format: export.FormatRIS, Scope: harbour}))
	for _, want := range []string{"TY  - NEWS", "TI  - Harbour council approves new ferry timetable", "AU  - Mara Lindqvist",
		"DA  - 2024/03/14/", "T2  - The Coastal Courier", "UR  - https://courier.example.org/news/2024/03/ferry-timetable"} {
		if !strings.Contains(ris, want+"\r\n") {
			t.Errorf("RIS lacks %q:\n%s", want, ris)
		}
	}
	bib := string(exportBytes(t, a, export.Options{Format: export.FormatBibTeX, Scope: harbour}))
	for _, want := range []string{"@article{harbour2024-", "title = {{Harbour council approves new ferry timetable}}",
		"journal = {The Coastal Courier}", "author = {{Mara Lindqvist}}", "date = {2024-03-14}",
		"url = {https://courier.example.org/news/2024/03/ferry-timetable}"} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	if bib := string(exportBytes(t, a, export.Options{Format: export.FormatBibTeX, Scope: seed})); !strings.HasPrefix(bib, "@misc{") ||
		!strings.Contains(bib, "year = {2025}") {
		t.Errorf("seed BibTeX (no source: @misc):\n%s", bib)
	}
	var items []map[string]any
	csl := exportBytes(t, a, export.Options{Format: export.FormatCSLJSON, Scope: export.Scope{IDs: []int64{1, 2, 3, 4}}})
	if err := json.Unmarshal(csl, &items); err != nil || len(items) != 4 {
		t.Fatalf("CSL-JSON: %v\n%s", err, csl)
	}
	found := false
	for _, it := range items {
		if it["type"] != "article-newspaper" || it["title"] == "" {
			t.Errorf("CSL item %v", it)
		}
		if it["container-title"] == "The Coastal Courier" {
			found = true
			if it["URL"] != "https://courier.example.org/news/2024/03/ferry-timetable" ||
				!strings.Contains(itoaAny(it["issued"]), "[[2024,3,14]]") {
				t.Errorf("CSL item %v", it)
			}
		}
	}
	if !found {
		t.Errorf("no CSL item of the harbour page: %s", csl)
	}
}

func itoaAny(v any) string { b, _ := json.Marshal(v); return string(b) }

func testExportMarkdown(t *testing.T, a *apptest.Archive) {
	dir := filepath.Join(t.TempDir(), "md")
	st, err := a.Exporter.Markdown(context.Background(), dir, export.Options{Scope: export.Scope{Tag: "trade"}})
	if err != nil || st.Files != 2 {
		t.Fatalf("markdown: %+v %v", st, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	raw, _ := os.ReadFile(files[0])
	front, body, ok := strings.Cut(strings.TrimPrefix(string(raw), "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", raw)
	}
	var fm struct {
		Title, Date, Source, URL string
		Entities                 []struct{ Name, Type string }
		Tags                     []string
	}
	if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(fm.Title, "U.S., China") || fm.Date != "2025-05-23T05:30:00" || len(fm.Entities) == 0 ||
		strings.Join(fm.Tags, ",") != "China,trade" || !strings.Contains(body, "## Note") {
		t.Errorf("front matter %+v, body %.200q", fm, body)
	}
}

func TestMarkdownName(t *testing.T) {
	for _, tc := range []struct {
		id    int64
		title string
		want  string
	}{
		{1, "U.S., China Hold First Call", "000001-u-s-china-hold-first-call.md"},
		{2, "../../etc/passwd", "000002-etc-passwd.md"},
		{3, "", "000003.md"},
		{4, `C:\Windows\..\x`, "000004-c-windows-x.md"},
		{5, "Café in Zürich — ünïcode", "000005-café-in-zürich-ünïcode.md"},
		{6, strings.Repeat("a ", 100), "000006-" + strings.TrimSuffix(strings.Repeat("a-", 30), "-") + ".md"},
	} {
		got := export.MarkdownName(tc.id, tc.title)
		if got != tc.want || !filepath.IsLocal(got) || strings.ContainsAny(got, `/\`) {
			t.Errorf("MarkdownName(%d, %q) = %q, want %q", tc.id, tc.title, got, tc.want)
		}
	}
}

func testExportScopes(t *testing.T, a *apptest.Archive) {
	count := func(sc export.Scope) int {
		var n int
		_, err := a.Exporter.Write(context.Background(), io.Discard, export.Options{Format: export.FormatRIS, Scope: sc,
			OnProgress: func(p export.Progress) { n = p.Done }})
		if err != nil {
			t.Fatalf("scope %+v: %v", sc, err)
		}
		return n
	}
	all, _ := a.Store.ArticleCount(context.Background())
	// The articles mentioning a person, read from the entity lists: the
	// type filter must export exactly these.
	persons, err := a.Tagging.Entities(context.Background(), "PERSON", 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	withPerson := map[int64]bool{}
	for _, e := range persons {
		arts, err := a.Tagging.EntityArticles(context.Background(), e.ID, 1000, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, ea := range arts {
			withPerson[ea.ID] = true
		}
	}
	if len(withPerson) == 0 {
		t.Fatal("no article mentions a person")
	}
	for _, tc := range []struct {
		sc   export.Scope
		want int
	}{
		{export.Scope{}, all},
		{export.Scope{Tag: "trade"}, 2},
		{export.Scope{IDs: []int64{2, 3}}, 2},
		{export.Scope{Query: "Saltmarsh"}, 2},
		{export.Scope{Query: "Saltmarsh", From: "2024-03-14", To: "2024-03"}, 1},
		{export.Scope{Source: "the coastal courier"}, 2},
		{export.Scope{Entity: "Tomas Brandt"}, 1},
		{export.Scope{Entity: "Tomas Brandt", Type: "PLACE"}, 0},
		{export.Scope{Type: "person"}, len(withPerson)},
	} {
		got := count(tc.sc)
		if got != tc.want {
			t.Errorf("scope %+v: %d articles, want %d", tc.sc, got, tc.want)
		}
	}
	for _, bad := range []export.Scope{{Entity: "Nobody At All"}, {From: "yesterday"}, {Type: "ANIMAL"}, {Tag: " "}} {
		if _, err := a.Exporter.Write(context.Background(), io.Discard, export.Options{Format: export.FormatCSV, Scope: bad}); err == nil && bad.Tag == "" {
			t.Errorf("scope %+v exported without error", bad)
		}
	}
	if _, err := a.Exporter.Write(context.Background(), io.Discard, export.Options{Format: "pdf"}); !errors.Is(err, export.ErrBadOptions) {
		t.Errorf("unknown format: %v", err)
	}
}
