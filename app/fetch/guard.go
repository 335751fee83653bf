package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// ErrBlocked means the server's address is not on the public internet
// (loopback, private, link-local, unique-local, carrier-grade NAT,
// multicast, unspecified, reserved or a cloud metadata address) and the
// Fetcher was not told to allow it with AllowPrivate or Allow.
var ErrBlocked = errors.New("address not public (refused: set AllowPrivate or Allow for intranet use)")

// blockedNets are the IPv4 and IPv6 ranges a fetch of untrusted links must
// never reach, each with the reason given in errors. IPv4-mapped,
// IPv4-compatible, NAT64 and 6to4 IPv6 addresses are checked by the IPv4
// address they carry (see embeddedV4).
var blockedNets = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified (this network)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local (cloud metadata)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"}, // includes 255.255.255.255
	{netip.MustParsePrefix("168.63.129.16/32"), "cloud metadata (Azure)"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("100::/64"), "discard"},
	{netip.MustParsePrefix("fc00::/7"), "unique-local (ULA)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// IPv6 ranges that carry an IPv4 address, and where it sits.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")   // last 32 bits
	nat64loc  = netip.MustParsePrefix("64:ff9b:1::/48") // last 32 bits
	sixToFour = netip.MustParsePrefix("2002::/16")      // bits 16..48
	v4compat  = netip.MustParsePrefix("::/96")          // last 32 bits (deprecated form)
)

// Blocked reports why addr may not be fetched without an opt-in, or "" when
// it is a public address. IPv6 forms that embed an IPv4 address are judged
// by that address.
func Blocked(addr netip.Addr) string {
	if !addr.IsValid() {
		return "invalid address"
	}
	addr = addr.WithZone("").Unmap()
	for _, b := range blockedNets {
		if b.prefix.Contains(addr) {
			return b.why
		}
	}
	if v4, ok := embeddedV4(addr); ok {
		if why := Blocked(v4); why != "" {
			return why + " (embedded in " + addr.String() + ")"
		}
	}
	return ""
}

// embeddedV4 returns the IPv4 address an IPv6 NAT64, 6to4 or
// IPv4-compatible address carries.
func embeddedV4(a netip.Addr) (netip.Addr, bool) {
	if !a.Is6() {
		return netip.Addr{}, false
	}
	b := a.As16()
	switch {
	case nat64.Contains(a), nat64loc.Contains(a), v4compat.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixToFour.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// allowed reports whether the fetcher may connect to addr.
func (f *Fetcher) allowed(addr netip.Addr) error {
	why := Blocked(addr)
	if why == "" || f.AllowPrivate {
		return nil
	}
	plain := addr.WithZone("").Unmap()
	for _, p := range f.Allow {
		if p.Contains(plain) {
			return nil
		}
	}
	return fmt.Errorf("%s is %s: %w", addr, why, ErrBlocked)
}

// control is the net.Dialer Control hook: it runs after DNS resolution,
// on the address actually dialled, so a name that resolves (or later
// re-resolves) to a local address is refused too.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if !strings.HasPrefix(network, "tcp") && !strings.HasPrefix(network, "udp") {
		return fmt.Errorf("network %s: %w", network, ErrBlocked)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: unparsable address: %w", address, ErrBlocked)
	}
	return f.allowed(ap.Addr())
}

// checkHost refuses at once a URL whose host is an IP literal that may not
// be fetched, for a clear error before any connection; host names are
// checked by control once resolved.
func (f *Fetcher) checkHost(host string) error {
	h := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if addr, err := netip.ParseAddr(h); err == nil {
		return f.allowed(addr)
	}
	return nil
}

// ParseAllow parses a comma- or space-separated list of addresses and CIDR
// prefixes ("10.1.0.0/16, 192.168.1.5") for Fetcher.Allow, as a command
// line flag or setting would give it.
func ParseAllow(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("allowed network %q: not an address or CIDR prefix: %w", f, err)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// dialer returns the dialer of the guarded transport.
func (f *Fetcher) dialer() *net.Dialer {
	return &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
}
