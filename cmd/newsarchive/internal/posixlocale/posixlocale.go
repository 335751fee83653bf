// Package posixlocale keeps the GUI toolkit quiet about the C and POSIX
// locales while packages initialise.
//
// Fyne's lang package reads the locale at package init and logs "Error
// parsing user locale C" to stderr when LANG (or LC_ALL, LC_MESSAGES) is
// "C.UTF-8" or "POSIX.UTF-8", or when LANGUAGE lists "C": the locale library
// it uses only recognises the bare names "C" and "POSIX" as "no locale". Every
// CLI command, which never opens a window, would print that line.
//
// Importing this package from main, as its first import, shortens such values
// to the bare name during package initialisation: Go initialises the ready
// package with the smallest import path first, and this package (importing
// only os and strings) is ready, and sorts before Fyne's translation library
// github.com/nicksnyder/go-i18n, long before Fyne's lang package can run.
// main calls Restore first thing so that the program and the processes it
// starts see the environment as it was given.
package posixlocale

import (
	"os"
	"strings"
)

// saved holds the variables changed at init with their original values.
var saved = map[string]string{}

func init() { shorten(os.Getenv, os.Setenv) }

// shorten rewrites the locale variables read by Fyne's locale library so
// that a C or POSIX locale is given by its bare name, remembering the
// originals in saved. getenv and setenv are os.Getenv and os.Setenv.
func shorten(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if bare, ok := posixName(v); ok && bare != v {
			saved[name] = v
			_ = setenv(name, bare)
		}
		break // the first one set decides, as in the locale library
	}
	if v := getenv("LANGUAGE"); v != "" {
		var keep []string
		for _, l := range strings.Split(v, ":") {
			if _, ok := posixName(l); !ok && l != "" {
				keep = append(keep, l)
			}
		}
		if kept := strings.Join(keep, ":"); kept != v {
			saved["LANGUAGE"] = v
			_ = setenv("LANGUAGE", kept)
		}
	}
}

// posixName reports whether the locale value names the C or POSIX locale,
// with or without a codeset or modifier ("C.UTF-8", "POSIX@euro"), and
// returns the bare name.
func posixName(v string) (string, bool) {
	base := v
	if i := strings.IndexAny(base, ".@"); i >= 0 {
		base = base[:i]
	}
	if base == "C" || base == "POSIX" {
		return base, true
	}
	return "", false
}

// Restore puts back the variables changed at init. main calls it before
// anything else.
func Restore() {
	for name, v := range saved {
		_ = os.Setenv(name, v)
	}
	clear(saved)
}
