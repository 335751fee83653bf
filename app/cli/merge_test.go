package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeCommandLeavesLocalData: merge adds nothing to an article this
// archive holds and says so; --dry-run lists what --apply-corrections
// would add, which adds it (#15, finding 6).
func TestMergeCommandLeavesLocalData(t *testing.T) {
	theirs := taggedArchive(t)
	if code, _, errs := run(t, theirs, "tags", "add", "1", "foreign-tag"); code != ExitOK {
		t.Fatal(errs)
	}
	dump := filepath.Join(t.TempDir(), "theirs.jsonl")
	if code, _, errs := run(t, theirs, "export", "--format", "jsonl", "--out", dump); code != ExitOK {
		t.Fatal(errs)
	}
	mine := taggedArchive(t)
	tags := func() string {
		_, out, _ := run(t, mine, "tags", "list", "1")
		return out
	}
	code, out, errs := run(t, mine, "merge", dump)
	if code != ExitOK || !strings.Contains(out, "left alone: 1 archived articles") || strings.Contains(tags(), "foreign-tag") {
		t.Errorf("merge: %d %s %s; tags %q", code, out, errs, tags())
	}
	code, out, _ = run(t, mine, "merge", "--dry-run", dump)
	if code != ExitOK || !strings.Contains(out, `would get tags "foreign-tag"`) || strings.Contains(tags(), "foreign-tag") {
		t.Errorf("merge --dry-run: %d %s", code, out)
	}
	if code, out, errs := run(t, mine, "merge", "--apply-corrections", dump); code != ExitOK || !strings.Contains(tags(), "foreign-tag") {
		t.Errorf("merge --apply-corrections: %d %s %s; tags %q", code, out, errs, tags())
	}
}
