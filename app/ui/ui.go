// Package ui is News Archive's desktop GUI, built with Fyne. It shows what
// package app provides and runs all database and file work off the UI
// goroutine, returning to it through fyne.Do.
package ui

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/newsarchive/newsarchive/app"
)

// AppID is the application's unique identifier.
const AppID = "org.newsarchive.NewsArchive"

// Run opens the archive at path and shows the main window until it is
// closed. It returns the process exit code.
func Run(path string) int {
	a, err := app.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsarchive:", err)
		return 1
	}
	defer a.Close()
	fa := fyneapp.NewWithID(AppID)
	w := fa.NewWindow("News Archive — " + path)
	w.SetContent(NewMainView(a, w).Content())
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return 0
}
