// Command nerlists tags a folder of .txt articles (the BBC corpus by
// default) and prints the most frequent names of each list (PERSON, ORG,
// PLACE) as the archive would show them: each name typed once over all its
// mentions by ner.Resolver, short person names joined to full names by
// ner.Linker. It is how the judged lists in app/ner/testdata were made.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/newsarchive/newsarchive/app/ner"
)

func main() {
	dir := flag.String("dir", "../shared/corpus/bbc", "folder of .txt articles")
	top := flag.Int("top", 100, "names per list")
	cues := flag.String("cues", "joined", "context-cue lexicon: hand, learned or joined (the tagger's)")
	flag.Parse()
	log.SetFlags(0)
	tg, err := ner.New()
	if err != nil {
		log.Fatal("nerlists: ", err)
	}
	lex, err := ner.CuesNamed(*cues)
	if err != nil {
		log.Fatal("nerlists: ", err)
	}
	lists, err := ner.ArchiveLists(tg.WithCues(lex), *dir, *top)
	if err != nil {
		log.Fatal("nerlists: ", err)
	}
	for _, typ := range []string{ner.Person, ner.Org, ner.Place} {
		fmt.Printf("## %s\n", typ)
		for i, r := range lists[typ] {
			fmt.Printf("%d\t%s\t%d\n", i+1, r.Name, r.Articles)
		}
	}
	_ = os.Stdout.Sync()
}
