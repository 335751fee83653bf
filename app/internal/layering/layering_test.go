// Package layering checks the dependency rule of docs/architecture.md with
// go list: leaf libraries import no app package, store imports no app
// package, nothing imports cmd/, the feature packages do not import the GUI,
// the CLI or the root, and the GUI and the CLI reach the database only
// through the app's services (no store.Open, no *store.Store).
package layering

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const module = "github.com/newsarchive/newsarchive"

// pkg is what go list -json says of a package.
type pkg struct {
	ImportPath string
	Dir        string
	Imports    []string
	GoFiles    []string
}

// listPackages lists the module's packages with their direct imports.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-json", module+"/...")
	cmd.Dir = filepath.Join("..", "..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	return pkgs
}

// rules are the forbidden imports: a package matching from may not import
// one matching to (both relative to the module; "" is the module root).
var rules = []struct {
	name     string
	from, to *regexp.Regexp
}{
	{"leaf libraries import no app package",
		regexp.MustCompile(`^app/(ingest|ner|lookup|fetch|safetext|chart|memlimit)(/|$)`),
		regexp.MustCompile(`^app(/(importer|export|tagging|search|annotate|workbench|ui|cli|internal/apptest)(/|$)|$)`)},
	{"store imports no app package", regexp.MustCompile(`^store(/|$)`), regexp.MustCompile(`^app(/|$)`)},
	{"nothing outside cmd imports cmd", regexp.MustCompile(`^(app|store|assets)(/|$)`), regexp.MustCompile(`^cmd(/|$)`)},
	{"features import neither the root, the GUI nor the CLI",
		regexp.MustCompile(`^app/(importer|export|tagging|search|annotate|workbench)$`),
		regexp.MustCompile(`^app(/(ui|cli)(/|$)|$)`)},
	{"the GUI and the CLI do not import each other", regexp.MustCompile(`^app/ui(/|$)`), regexp.MustCompile(`^app/cli(/|$)`)},
	{"the CLI never links the GUI toolkit", regexp.MustCompile(`^app/cli(/|$)`), regexp.MustCompile(`^app/ui(/|$)`)},
}

func rel(importPath string) (string, bool) {
	if importPath == module {
		return "", true
	}
	r, ok := strings.CutPrefix(importPath, module+"/")
	return r, ok
}

func TestImportRules(t *testing.T) {
	for _, p := range listPackages(t) {
		from, _ := rel(p.ImportPath)
		for _, imp := range p.Imports {
			to, ok := rel(imp)
			if !ok {
				continue
			}
			for _, r := range rules {
				if r.from.MatchString(from) && r.to.MatchString(to) {
					t.Errorf("%s: %s imports %s", r.name, p.ImportPath, imp)
				}
			}
		}
	}
}

// TestCLINoFyne checks with go list -deps that the CLI links no Fyne
// package: its commands cannot wake the GUI toolkit.
func TestCLINoFyne(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", module+"/app/cli")
	cmd.Dir = filepath.Join("..", "..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		if strings.HasPrefix(d, "fyne.io/") {
			t.Errorf("app/cli depends on %s", d)
		}
	}
}

// storeCalls are what the GUI and the CLI may not write: opening a store
// or holding one (its methods are reached only through *store.Store).
var storeCalls = regexp.MustCompile(`\bstore\.(Open|Restore|Copy)\(|\*store\.Store\b|\.Store\.[A-Z]\w*\(`)

func TestUINoStoreCalls(t *testing.T) {
	for _, p := range listPackages(t) {
		r, _ := rel(p.ImportPath)
		if r != "app/ui" && r != "app/cli" && !strings.HasPrefix(r, "app/ui/") {
			continue
		}
		for _, f := range p.GoFiles { // not the tests: they may set up an archive directly
			src, err := os.ReadFile(filepath.Join(p.Dir, f))
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(src), "\n") {
				if m := storeCalls.FindString(line); m != "" {
					t.Errorf("%s/%s:%d: %q: the GUI and the CLI go through the app's services", r, f, i+1, m)
				}
			}
		}
	}
}
