package posixlocale

import (
	"maps"
	"os"
	"testing"
)

func TestShorten(t *testing.T) {
	tests := []struct {
		name      string
		env, want map[string]string
	}{
		{"C.UTF-8 LANG", map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": "C"}},
		{"bare C stays", map[string]string{"LANG": "C"}, map[string]string{"LANG": "C"}},
		{"POSIX with modifier", map[string]string{"LC_ALL": "POSIX@euro"}, map[string]string{"LC_ALL": "POSIX"}},
		{"real locale stays", map[string]string{"LANG": "en_US.UTF-8"}, map[string]string{"LANG": "en_US.UTF-8"}},
		{"LC_ALL decides, LANG untouched",
			map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"},
			map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}},
		{"LANGUAGE loses C entries",
			map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "C.UTF-8:fr:C"},
			map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "fr"}},
		{"LANGUAGE of only C empties", map[string]string{"LANGUAGE": "C"}, map[string]string{"LANGUAGE": ""}},
		{"Capitalised word is not C", map[string]string{"LANG": "Ca_ES.UTF-8"}, map[string]string{"LANG": "Ca_ES.UTF-8"}},
		{"nothing set", map[string]string{}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clear(saved)
			env := maps.Clone(tt.env)
			shorten(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if !maps.Equal(env, tt.want) {
				t.Errorf("env after shorten = %v, want %v", env, tt.want)
			}
			for k, v := range saved {
				if tt.env[k] != v {
					t.Errorf("saved[%s] = %q, want the original %q", k, v, tt.env[k])
				}
			}
		})
	}
}

func TestRestore(t *testing.T) {
	t.Setenv("LANG", "C.UTF-8")
	clear(saved)
	shorten(os.Getenv, os.Setenv)
	if got := os.Getenv("LANG"); got != "C" {
		t.Fatalf("LANG after shorten = %q, want C", got)
	}
	Restore()
	if got := os.Getenv("LANG"); got != "C.UTF-8" {
		t.Errorf("LANG after Restore = %q, want C.UTF-8", got)
	}
}
