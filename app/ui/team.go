package ui

import (
	"errors"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// askTeamArchive opens a team's archive on a PostgreSQL server: its address
// and, when ~/.pgpass or $PGPASSWORD does not hold it, a password that is
// used for this connection only and never remembered.
func (w *Window) askTeamArchive() {
	addr := widgets.NewEntry()
	addr.SetPlaceHolder("postgres://user@host:5432/news?sslmode=verify-full")
	pass := widgets.NewPasswordEntry()
	pass.SetPlaceHolder("from ~/.pgpass when empty")
	items := []*widget.FormItem{
		widget.NewFormItem("Address", addr),
		widget.NewFormItem("Password", pass),
	}
	dialog.ShowForm("Open team archive", "Open", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		full, err := teamAddress(addr.Text, pass.Text)
		if err != nil {
			w.showError(err)
			return
		}
		w.openArchive(full)
	}, w.win)
}

// teamAddress checks a typed PostgreSQL address and adds the password.
func teamAddress(addr, password string) (string, error) {
	addr = strings.TrimSpace(addr)
	if !store.IsPostgres(addr) {
		return "", errNotPostgres
	}
	return store.WithPassword(addr, password)
}

var errNotPostgres = errors.New("a team archive's address starts with postgres:// (for a file, use File → Open archive…)")

// archiveLabel names an archive in the window's title: a file's name, or a
// PostgreSQL archive's user@host/database.
func archiveLabel(path string) string {
	if !store.IsPostgres(path) {
		return filepath.Base(path)
	}
	u, err := url.Parse(path)
	if err != nil {
		return store.Redact(path)
	}
	label := u.Host + u.Path
	if u.User != nil && u.User.Username() != "" {
		label = u.User.Username() + "@" + label
	}
	return label
}
