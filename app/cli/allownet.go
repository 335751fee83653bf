package cli

import (
	"flag"

	"github.com/newsarchive/newsarchive/app"
)

// allowNetUsage is the help of --allow-net.
const allowNetUsage = "also fetch from these non-public `CIDRS` (intranet servers: \"10.1.0.0/16,192.168.1.5\"; " +
	"adds to $" + app.EnvAllowNet + "); loopback, private and link-local addresses are refused otherwise"

// netFlag adds --allow-net to a command that fetches.
func netFlag(fs *flag.FlagSet) *string {
	return fs.String("allow-net", "", allowNetUsage)
}

// allowNet lets the archive's fetches reach the networks of --allow-net
// and $NEWSARCHIVE_ALLOW_NET. online also gives the importer a fetcher,
// so that feed items' linked pages are fetched.
func allowNet(a *app.App, cidrs string, online bool) error {
	if err := a.AllowNet(cidrs); err != nil {
		return err
	}
	if online {
		a.Importer.FetchOnline()
	}
	return nil
}
