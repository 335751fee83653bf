#!/bin/sh
# make.sh regenerates the PDF test files of app/ingest/pdf/testdata from the
# .txt articles here, with real typesetting tools: groff -ms (hyphenation,
# justified columns, running header "COAST COURIER ... date", footer
# "Page N"), ps2pdf (ghostscript) and ghostscript's pdfimage24 device for a
# PDF that is only a picture. Not run by tests. Needs groff, ghostscript.
#   ferry-2col.pdf   two columns, several pages, /Title in the metadata
#   library-1col.pdf one column, no /Title (title from the large first line)
#   scanned.pdf      library-1col.pdf rasterised: no text layer
#   ferry-pdfkit.pdf the ferry article by PDFKit (see the end)
#   library-cid.pdf  the library article by PDFKit with an embedded TrueType font
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdf() { # txt columns title-metadata output
	python3 "$here/toms.py" "$here/$1" "$2" "COAST COURIER" "Friday 14 March 2025" ${3:+"$3"} > "$tmp/a.ms"
	groff -k -ms -mpdfmark -Tps "$tmp/a.ms" > "$tmp/a.ps"
	ps2pdf "$tmp/a.ps" "$out/$4"
}
pdf ferry.txt 2 "Harbour council approves new ferry terminal" ferry-2col.pdf
pdf library.txt 1 "" library-1col.pdf
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfimage24 -r100 -sOutputFile="$out/scanned.pdf" "$out/library-1col.pdf"

# ferry-pdfkit.pdf: a second producer, PDFKit (npm pdfkit 0.20.2), Helvetica
# without /Widths; pdfkit-eval.mjs typesets every .txt of a folder.
mkdir -p "$tmp/pk" && cp "$here/ferry.txt" "$tmp/pk/"
(cd "$tmp" && npm install --silent pdfkit@0.20.2 >/dev/null && cp "$here/pdfkit-eval.mjs" . && node pdfkit-eval.mjs "$tmp/pk")
cp "$tmp/pk/ferry.pdfkit.pdf" "$out/ferry-pdfkit.pdf"
# library-cid.pdf: PDFKit with DejaVu Serif embedded (Type0, Identity-H).
cp "$here/library.txt" "$tmp/pk/" && (cd "$tmp" && FONT=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf \
	FONT_BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf node pdfkit-eval.mjs "$tmp/pk")
cp "$tmp/pk/library.ttf.pdf" "$out/library-cid.pdf"
