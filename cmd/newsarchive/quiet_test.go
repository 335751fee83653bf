package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIStderrQuiet builds the binary and runs headless commands under
// several locales: a command that succeeds prints nothing on stderr (no
// GUI toolkit noise such as "Error parsing user locale C" or "Attempt to
// access current Fyne app").
func TestCLIStderrQuiet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsarchive")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "archive.db")
	locales := []struct {
		name string
		env  []string // locale variables set; all others removed
	}{
		{"LANG=C", []string{"LANG=C"}},
		{"LANG unset", nil},
		{"LANG=en_US.UTF-8", []string{"LANG=en_US.UTF-8"}},
		{"LANG=C.UTF-8", []string{"LANG=C.UTF-8"}},
		{"LC_ALL=C.UTF-8", []string{"LC_ALL=C.UTF-8"}},
		{"LANGUAGE=C", []string{"LANG=en_GB.UTF-8", "LANGUAGE=C"}},
	}
	commands := [][]string{{"list"}, {"search", "x"}, {"help"}}
	for _, loc := range locales {
		for _, args := range commands {
			t.Run(loc.name+"/"+strings.Join(args, "_"), func(t *testing.T) {
				cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
				cmd.Env = append(withoutLocale(os.Environ()), loc.env...)
				cmd.Env = append(cmd.Env, "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("%v: %v\nstderr: %s", args, err, stderr.String())
				}
				if stderr.Len() > 0 {
					t.Errorf("%v printed on stderr:\n%s", args, stderr.String())
				}
			})
		}
	}
}

// withoutLocale drops the locale variables from env.
func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}
