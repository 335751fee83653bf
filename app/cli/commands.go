package cli

// commands is every subcommand, by name: what help prints and what Run runs.
var commands = map[string]command{
	"backup":     {summary: "copy the archive to FILE, consistently even while it is in use", run: runBackup},
	"check":      {summary: "check the archive's integrity and consistency; exit 1 on problems", run: runCheck},
	"copy":       {summary: "copy the whole archive into another, e.g. a file into PostgreSQL or back (resumable)", run: runCopy},
	"duplicates": {summary: "list the groups of near-duplicate articles", run: runDuplicates},
	"entities":   {summary: "list entities by the number of articles mentioning them", run: runEntities},
	"entity":     {summary: "show an entity, or correct it: entity rename|retype|merge|split|reject|add", run: runEntity},
	"export":     {summary: "export articles: jsonl, csv, markdown, gexf, graphml, ris, bibtex, csl-json", run: runExport},
	"feeds":      {summary: "subscribe to feeds and pull their new items (add, list, remove, refresh [--due], set, import/export OPML)", run: runFeeds},
	"fetch":      {summary: "fetch web pages or feeds by URL and archive them (import for URLs)", run: runFetch},
	"import":     {summary: "import files and folders of saved pages", run: runImport},
	"list":       {summary: "list archived articles", run: runList},
	"lookup":     {summary: "find entities, titles and sources by name, typos and all", run: runLookup},
	"merge":      {summary: "merge another archive's JSONL export into this one", run: runMerge},
	"ner":        {summary: "tag the text on stdin with people, organisations and places", run: runNER},
	"note":       {summary: "print or set the note on an article", run: runNote},
	"queue":      {summary: "show the tagging queue: articles tagged, waiting, and the workers on them", run: runQueue},
	"reextract":  {summary: "read articles again from their stored originals with today's extractor (all when no ID)", run: runReextract},
	"resolve":    {summary: "decide each entity name's type over the whole archive and join short person names to full ones", run: runResolve},
	"restore":    {summary: "replace the archive with the backup FILE (--force to overwrite)", run: runRestore},
	"retag":      {summary: "tag every article again (after a model change); corrections still apply", run: runRetag},
	"search":     {summary: "full-text search of the archive", run: runSearch},
	"show":       {summary: "show one article", run: runShow},
	"similar":    {summary: "list the articles that are near-duplicates of one", run: runSimilar},
	"snapshots":  {summary: "list the fetched versions of an article", run: runSnapshots},
	"tags":       {summary: "add, remove or list tags on articles", run: runTags},
	"worker":     {summary: "tag articles from the archive's shared queue, beside other workers", run: runWorker},

	// The research workbench (app/workbench).
	"highlight":   {summary: "highlight a passage of an article (add), or remove a highlight (rm)", run: runHighlight},
	"highlights":  {summary: "list highlights, by colour, tag, source, date or entity", run: runHighlights},
	"collection":  {summary: "make and change a collection of articles: create, add, rm, show, rename, delete", run: runCollection},
	"collections": {summary: "list the collections", run: runCollections},
	"watch":       {summary: "watch a search for new articles: add, show (marks them seen), rm", run: runWatch},
	"watches":     {summary: "list the watches with their counts of new articles", run: runWatches},
}
