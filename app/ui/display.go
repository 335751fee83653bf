package ui

import "errors"

// errNoDisplay is why the window cannot open on a machine without a
// graphical session (a server, an ssh login without X forwarding).
var errNoDisplay = errors.New("no graphical display (DISPLAY and WAYLAND_DISPLAY are unset): the window needs a desktop session; the commands work without one (newsarchive help)")

// checkDisplay reports errNoDisplay where the window would need an X11 or
// Wayland server and the environment names neither, before the windowing
// library is started (it panics without one). getenv is os.Getenv.
func checkDisplay(goos string, getenv func(string) string) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
			return errNoDisplay
		}
	}
	return nil
}
