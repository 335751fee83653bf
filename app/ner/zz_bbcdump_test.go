package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestZZBBCDump(t *testing.T) {
	out := os.Getenv("NER_BBC_DUMP")
	if out == "" {
		t.Skip()
	}
	tg := loadTagger(t)
	var lines []string
	for _, c := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		fs, _ := filepath.Glob(filepath.Join("/work/shared/corpus/bbc", c, "*.txt"))
		sort.Strings(fs)
		for _, f := range fs[:4] {
			b, _ := os.ReadFile(f)
			for _, e := range tg.Tag(string(b), nil) {
				lines = append(lines, fmt.Sprintf("%s/%s\t%s\t%s", c, filepath.Base(f), e.Type, e.Text))
			}
		}
	}
	f, _ := os.Create(out)
	for _, l := range lines {
		fmt.Fprintln(f, l)
	}
	f.Close()
}
