package layering

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// leafLibrary matches the leaf libraries (and their sub-packages).
var leafLibrary = regexp.MustCompile(`^app/(ingest|ner|lookup|fetch)(/|$)`)

// guiOrCLI matches the GUI and the CLI (and their sub-packages).
var guiOrCLI = regexp.MustCompile(`^app/(ui|cli)(/|$)`)

// TestUILeafTypesOnly checks that the GUI and the CLI use a leaf library
// for its types and constants only (lookup.Kind, lookup.Result,
// simhash.NearThreshold): they call none of its functions and read none of
// its variables, so a model is loaded, a page fetched or an index built
// only through the app's services (a.Tagging, a.Importer, a.Search).
func TestUILeafTypesOnly(t *testing.T) {
	pkgs := listPackages(t)
	behaviour := map[string]map[string]bool{} // leaf import path -> its exported funcs and vars
	for _, p := range pkgs {
		r, _ := rel(p.ImportPath)
		if !guiOrCLI.MatchString(r) {
			continue
		}
		for _, f := range p.GoFiles {
			path := filepath.Join(p.Dir, f)
			file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			leaves := map[string]string{} // name in this file -> import path
			for _, im := range file.Imports {
				ip, _ := strconv.Unquote(im.Path.Value)
				lr, ok := rel(ip)
				if !ok || !leafLibrary.MatchString(lr) {
					continue
				}
				name := filepath.Base(ip)
				if im.Name != nil {
					name = im.Name.Name
				}
				leaves[name] = ip
				if behaviour[ip] == nil {
					behaviour[ip] = funcsAndVars(t, pkgs, ip)
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				if ip, isLeaf := leaves[x.Name]; isLeaf && behaviour[ip][sel.Sel.Name] {
					t.Errorf("%s/%s: %s.%s: the GUI and the CLI use leaf libraries for types only, go through the app's services",
						r, f, x.Name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// funcsAndVars returns the exported functions and variables of package
// importPath, read from its source.
func funcsAndVars(t *testing.T, pkgs []pkg, importPath string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, p := range pkgs {
		if p.ImportPath != importPath {
			continue
		}
		for _, f := range p.GoFiles {
			file, err := parser.ParseFile(token.NewFileSet(), filepath.Join(p.Dir, f), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range file.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.IsExported() {
						out[d.Name.Name] = true
					}
				case *ast.GenDecl:
					if d.Tok != token.VAR {
						continue
					}
					for _, s := range d.Specs {
						for _, n := range s.(*ast.ValueSpec).Names {
							if n.IsExported() {
								out[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return out
}
