//go:build race

package htmleval

// raceOn reports whether the race detector is on: TestHumanBenchmark
// (about 3 minutes of CPU under it) is skipped, and RunHuman's workers are
// raced on the small benchmark of TestRunHumanAndCrossValidate.
const raceOn = true
