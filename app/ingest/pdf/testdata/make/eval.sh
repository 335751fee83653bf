#!/bin/sh
# eval.sh DIR [N] typesets N BBC articles per category of /work/shared/corpus/bbc
# (default 12) as PDFs in DIR with groff -ms + ps2pdf: even files in two
# columns with a /Title, odd files in one column without; each beside its
# source .txt. Then: PDF_EVAL_DIR=DIR go test -run TestEvalBBC -v ./app/ingest/pdf
# "node pdfkit-eval.mjs DIR" (npm pdfkit) adds NAME.pdfkit.pdf files from a
# second producer. The PDFs are not committed (the BBC texts are for tests only).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
n=${2:-12}
corpus=${BBC:-$here/../../../../../../shared/corpus/bbc}
mkdir -p "$dir"
i=0
for cat in business entertainment politics sport tech; do
	for f in $(ls "$corpus/$cat" | sort -n | head -n "$n"); do
		i=$((i + 1))
		name="$cat-${f%.txt}"
		iconv -f utf-8 -t utf-8 -c "$corpus/$cat/$f" > "$dir/$name.txt" || true
		if [ $((i % 2)) -eq 0 ]; then
			python3 "$here/toms.py" "$dir/$name.txt" 2 "NEWS ARCHIVE" "Monday 7 March 2005" "$(head -n 1 "$dir/$name.txt")" > "$dir/$name.ms"
		else
			python3 "$here/toms.py" "$dir/$name.txt" 1 "NEWS ARCHIVE" "Monday 7 March 2005" > "$dir/$name.ms"
		fi
		groff -k -ms -mpdfmark -Tps "$dir/$name.ms" 2>/dev/null > "$dir/$name.ps"
		ps2pdf "$dir/$name.ps" "$dir/$name.pdf"
		rm "$dir/$name.ms" "$dir/$name.ps"
	done
done
