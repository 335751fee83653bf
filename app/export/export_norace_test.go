//go:build !race

package export_test

// raceOn reports whether the race detector is on: slow tests run smaller.
const raceOn = false
