package main

import (
	"reflect"
	"testing"
)

const dataSrc = `package main

var comparisonData = map[string]ComparisonEntry{
	"https://a.example/x": {
		File:    "a.example.x.html",
		Title:   "A \"quoted\" title",
		With:    []string{"one"},
	},
	"https://b.example/": {
		File: ` + "`b.html`" + `,
	},
	"https://c.example/": {
		Title: "no file",
	},
}
`

func TestParseComparisonData(t *testing.T) {
	got, err := ParseComparisonData([]byte(dataSrc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{URL: "https://a.example/x", File: "a.example.x.html", Title: `A "quoted" title`},
		{URL: "https://b.example/", File: "b.html"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := ParseComparisonData([]byte("package main\nvar x = {")); err == nil {
		t.Error("broken source parsed")
	}
}

func FuzzParseComparisonData(f *testing.F) {
	f.Add([]byte(dataSrc))
	f.Add([]byte("package main"))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := ParseComparisonData(b)
		for _, e := range entries {
			if err != nil || e.File == "" {
				t.Fatalf("entry %+v with error %v", e, err)
			}
		}
	})
}
