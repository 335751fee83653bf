//go:build unix

package tagging

import (
	"errors"
	"syscall"
)

// processGone reports whether no process with this id runs on this machine.
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
