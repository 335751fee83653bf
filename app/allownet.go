package app

import (
	"fmt"
	"os"
	"strings"

	"github.com/newsarchive/newsarchive/app/fetch"
)

// EnvAllowNet names the environment variable that lists the non-public
// networks (addresses and CIDR prefixes, comma-separated) the archive may
// fetch from: an intranet news server. The CLI's --allow-net adds to it.
const EnvAllowNet = "NEWSARCHIVE_ALLOW_NET"

// AllowNet lets the importer's fetches reach, beside the public internet,
// the networks listed in cidrs and in $NEWSARCHIVE_ALLOW_NET ("10.1.0.0/16,
// 192.168.1.5"); see importer.Importer.Allow. Without either, every
// loopback, private, link-local and metadata address is refused. The list
// is checked on every connection, redirects included, so a feed's links
// reach no other local address than those allowed.
func (a *App) AllowNet(cidrs string) error {
	list := strings.Join([]string{os.Getenv(EnvAllowNet), cidrs}, ",")
	allow, err := fetch.ParseAllow(list)
	if err != nil {
		return fmt.Errorf("--allow-net or $%s: %w", EnvAllowNet, err)
	}
	a.Importer.Allow = allow
	if f, ok := a.Importer.Fetcher.(*fetch.Fetcher); ok {
		f.Allow = allow
	}
	return nil
}
