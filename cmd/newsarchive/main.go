// Command newsarchive is News Archive: with no command it opens the desktop
// app; with a command (import, list, show, search, ...) it works headless.
package main

import (
	// First: shortens C.UTF-8 locales while Fyne's packages initialise.
	"github.com/newsarchive/newsarchive/cmd/newsarchive/internal/posixlocale"

	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/newsarchive/newsarchive/app/cli"
	"github.com/newsarchive/newsarchive/app/memlimit"
	"github.com/newsarchive/newsarchive/app/ui"
)

func main() {
	posixlocale.Restore()
	inv, err := cli.Parse(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsarchive:", err)
		os.Exit(cli.ExitUsage)
	}
	if inv.Command == "" {
		memlimit.Follow(0) // the window's memory stays near its live heap
		path, err := inv.DBPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "newsarchive:", err)
			os.Exit(cli.ExitFailed)
		}
		os.Exit(ui.Run(path))
	}
	memlimit.Follow(memlimit.CommandFloor)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, inv, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}
