# News Archive — `make run` opens the app, `make test` runs every check.
# Both install what a fresh Debian machine lacks (GL/X11 headers for Fyne).

GO      ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
BIN     := bin/newsarchive
APT_PKGS := gcc pkg-config libgl1-mesa-dev libgl1-mesa-dri xorg-dev
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCHTIME ?= 1x

# Every go command of this Makefile (build, run, vet, staticcheck, test, bench, package) builds with
# these tags; .ci/window-rss and .ci/docs-screenshots use the same. no_emoji leaves out Fyne's bundled
# emoji font, which Fyne parsed once per text style (16 MB of live heap, issue #20): emoji are drawn
# from the system's fonts (fonts-noto-color-emoji and the like), or as a box where it has none.
BUILDTAGS := no_emoji
export GOFLAGS := $(strip $(GOFLAGS) -tags=$(BUILDTAGS))

.PHONY: all deps build run test bench eval model cues crashtest fuzz screenshots package clean

all: build

# deps installs the C toolchain and GL/X11 headers Fyne's cgo needs, when missing.
deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
	@$(GO) version >/dev/null || { echo "Go 1.26 is needed (https://go.dev/dl)"; exit 1; }

build: deps
	$(GO) build -o $(BIN) ./cmd/newsarchive

# run opens the GUI on the default archive ($$NEWSARCHIVE_DB or ~/.local/share/newsarchive/archive.db).
run: build
	./$(BIN)

# test runs every test on SQLite and, in a throwaway PostgreSQL cluster that .ci/with-postgres starts
# (installing Debian's postgresql when missing), the store's suite and the PostgreSQL tests again.
# staticcheck must be clean; the summary ends with the statement coverage of the plain pass.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
test: deps
	@unformatted=$$(gofmt -l cmd app store); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@# crash (3 kills), two-writer and acceptance tests import the whole BBC corpus, and the human-reference
	@# HTML benchmark reads 983 pages: too slow under -race, so they run again without it
	.ci/with-postgres sh -c '$(GO) test -race -timeout 20m -coverprofile=cover.out ./... && \
	  NEWSARCHIVE_TEST_BACKEND=postgres $(GO) test -short -count=1 -timeout 10m ./app/... && \
	  NEWSARCHIVE_CRASHTEST=short $(GO) test -count=1 -timeout 15m -run "$(ACCEPTANCE)" ./app && \
	  $(GO) test -count=1 -timeout 10m -run "$(HUMAN)" ./app/ingest/htmlpage/htmleval'
	@echo "coverage: $$($(GO) tool cover -func=cover.out | tail -1 | awk '{print $$NF}') of statements"
ACCEPTANCE := CrashSafety|TwoWriters|LookupAcceptance|Backends|WorkersShare|CopyKilled
# the HTML extraction scored on go-trafilatura's human references (983 pages; 3 min of CPU under -race)
HUMAN := HumanBenchmark

# bench runs the benchmarks and prints a table; the first row is import throughput on the BBC corpus.
# The 1M rows (import and search at a million articles, #20) build their archive once (cached under
# $$TMPDIR/newsarchive-bench; 15-60 minutes): BENCH1M= skips them when it is not built yet.
BENCH1M ?= NEWSARCHIVE_BENCH_1M=1
# The PostgreSQL rows (search at 100k, one worker beside three, copy) run in a throwaway cluster.
bench: deps
	@{ $(GO) test -run '^$$' -bench 'ImportBBC' -benchtime $(BENCHTIME) ./app/importer && \
	   $(GO) test -run '^$$' -bench . -skip '1M$$' -benchtime $(BENCHTIME) -benchmem ./... && \
	   $(BENCH1M) $(GO) test -run '^$$' -bench '1M$$' -benchtime 1x -timeout 120m ./app/importer ./app/search && \
	   .ci/with-postgres $(GO) test -run '^$$' -bench 'SearchPostgres|Workers|CopyBBC' -benchtime $(BENCHTIME) ./app/...; \
	} 2>&1 | tee bench.out | $(GO) run ./cmd/benchtable

# eval prints the extraction and entity-tagging scores on the shared corpora (the text dumps also as
# copied page text and as Markdown, made from the HTML pages by dumpsilver).
eval:
	$(GO) run ./cmd/evalhtml
	$(GO) run ./cmd/evalhtml -human
	$(GO) run ./cmd/evaltext -cv=false -html=false
	D=$$(mktemp -d) && $(GO) run ./cmd/dumpsilver -copy -html-pages $(abspath ../shared)/corpus/html-pages -o $$D/copy >/dev/null && \
	  $(GO) run ./cmd/dumpsilver -markdown -html-pages $(abspath ../shared)/corpus/html-pages -o $$D/md >/dev/null && \
	  $(GO) run ./cmd/evaltext -cv=false -html=false -extra $$D/copy,$$D/md -extra-renderers 5 | sed -n '/extra pages, the dump/,$$p'; rm -rf $$D
	NEWSARCHIVE_NER_LISTS=1 $(GO) test -count=1 -run 'TestDevSplitF1|TestBBCListPrecision' -v ./app/ner

# model retrains the entity model from ../shared/ner (GMB, extra sets, gazetteers) into app/ner/model.gob.gz
# (without Brown word clusters: `go run ./cmd/nertrain -eval -clusters 256` adds them; docs/ner.md),
# then relearns the context cues (cues).
model:
	$(GO) run ./cmd/nertrain -eval
	$(MAKE) cues

# cues relearns the tagger's context-cue lexicon from ../shared/ner into app/ner/cues.tsv and prints
# the cross-validation curve and the CueShare simulation (docs/ner.md, "Learned cues").
cues:
	$(GO) run ./cmd/nercues -share

# crashtest kills imports at 20 random moments and checks the archive each time.
crashtest:
	NEWSARCHIVE_CRASHTEST=full $(GO) test -run 'Crash' -count=1 -timeout 60m -v ./app

# fuzz runs every fuzz target in the repository (found with grep) for FUZZTIME each.
FUZZTIME ?= 60s
fuzz:
	@targets=$$(grep -rlE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' cmd app store | sort | \
	  while read f; do for fn in $$(grep -oE '^func Fuzz[A-Za-z0-9_]*' "$$f" | cut -d' ' -f2); do \
	    echo "$$(dirname $$f):$$fn"; done; done); \
	echo "$$(echo "$$targets" | wc -l) fuzz targets"; \
	for t in $$targets; do \
		pkg=$${t%%:*}; fn=$${t##*:}; echo "== $$pkg $$fn"; \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; \
	done

# screenshots renders each main view with the BBC corpus loaded to PNGs in screenshots/.
SHARED ?= $(abspath ../shared)
screenshots: deps
	$(GO) run ./cmd/screenshots -corpus $(SHARED)/corpus/bbc -out screenshots

# package builds bin/newsarchive-linux.tar.xz: the binary, icon and .desktop entry, with an install Makefile.
package: deps
	cd cmd/newsarchive && cp ../../FyneApp.toml . && \
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux -icon ../../assets/icon.png -release; \
	status=$$?; rm -f FyneApp.toml; [ $$status = 0 ] || exit $$status; \
	mkdir -p ../../bin && mv -f "News Archive.tar.xz" ../../bin/newsarchive-linux.tar.xz && \
	echo "built bin/newsarchive-linux.tar.xz"

clean:
	rm -rf bin bench.out screenshots cover.out

# docs-screenshots remakes docs/screenshot.png, screenshot-dark.png and shortcuts-sheet.png from the real window under Xvfb.
.PHONY: docs-screenshots
docs-screenshots:
	.ci/docs-screenshots $(SHARED)/corpus/bbc/business
