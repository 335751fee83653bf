// Package ui is News Archive's desktop GUI, built with Fyne. It shows what
// package app provides, one file per view, and runs all database, tagging and
// file work off the UI goroutine, returning to it through fyne.Do.
package ui

import (
	"fmt"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/newsarchive/newsarchive/assets"
)

// AppID is the application's unique identifier.
const AppID = "org.newsarchive.NewsArchive"

// Run opens the archive at path and shows the main window until it is
// closed. It returns the process exit code.
func Run(path string) int {
	if err := checkDisplay(runtime.GOOS, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "newsarchive:", err)
		return 1
	}
	fa := fyneapp.NewWithID(AppID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w, err := NewWindow(fa, path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsarchive:", err)
		return 1
	}
	w.win.ShowAndRun()
	w.shutdown()
	return 0
}
