#!/bin/sh
# make.sh regenerates the WARC/WACZ test files of app/ingest/warc/testdata
# with real tools. Not run by tests; needs wget, python3, node/npm, zip.
#   wget.warc.gz  wget --warc-file crawling site/ served by python3 -m http.server
#   warcio.warc.gz written by warcio 2.4.11 (warcio-write.mjs)
#   sample.wacz   a WACZ 1.1.1 zip of wget.warc.gz + pages.jsonl + datapackage.json
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$here")
tmp=$(mktemp -d)
trap 'kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT
port=18765
(cd "$here/site" && exec python3 -m http.server --bind 127.0.0.1 $port) >/dev/null 2>&1 &
srv=$!
sleep 1
(cd "$tmp" && wget -q -r -l 2 -p --no-verbose --warc-file=wget "http://127.0.0.1:$port/index.html" || true)
cp "$tmp/wget.warc.gz" "$out/wget.warc.gz"

(cd "$tmp" && npm install --silent warcio@2.4.11 >/dev/null && cp "$here/warcio-write.mjs" . && node warcio-write.mjs "$out/warcio.warc.gz")

mkdir -p "$tmp/wacz/archive" "$tmp/wacz/pages"
cp "$out/wget.warc.gz" "$tmp/wacz/archive/data.warc.gz"
cat > "$tmp/wacz/pages/pages.jsonl" <<PAGES
{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
{"id": "p1", "url": "http://127.0.0.1:$port/index.html", "ts": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "title": "Harbour council approves new ferry terminal"}
PAGES
python3 - "$tmp/wacz" <<'PY'
import hashlib, json, os, sys, datetime
root = sys.argv[1]
res = []
for rel in ["archive/data.warc.gz", "pages/pages.jsonl"]:
    b = open(os.path.join(root, rel), "rb").read()
    res.append({"name": os.path.basename(rel), "path": rel, "hash": "sha256:" + hashlib.sha256(b).hexdigest(), "bytes": len(b)})
dp = {"profile": "data-package", "wacz_version": "1.1.1", "title": "newsarchive test crawl",
      "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
      "software": "make.sh (wget + python3)", "resources": res}
open(os.path.join(root, "datapackage.json"), "w").write(json.dumps(dp, indent=2))
PY
rm -f "$out/sample.wacz"
(cd "$tmp/wacz" && zip -q -0 -X "$out/sample.wacz" archive/data.warc.gz && zip -q -X "$out/sample.wacz" datapackage.json pages/pages.jsonl)
