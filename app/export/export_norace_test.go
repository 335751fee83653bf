//go:build !race

package app

// raceOn reports whether the race detector is on: slow tests run smaller.
const raceOn = false
