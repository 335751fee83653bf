#!/usr/bin/env python3
"""toms.py turns an article text file (line 1 the headline, then paragraphs
separated by blank lines) into groff -ms source for a small newspaper-like
page: a large headline, running header and footer with page numbers, one or
two columns. Usage: toms.py FILE COLUMNS PUBLICATION DATE [TITLE-METADATA]"""
import sys

path, cols, pub, date = sys.argv[1:5]
meta = sys.argv[5] if len(sys.argv) > 5 else ""
text = open(path, encoding="utf-8", errors="replace").read().strip()
head, _, body = text.partition("\n")
paras = [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]

def esc(s):
    s = s.replace("\\", "\\e")
    return "\n".join(("\\&" + l) if l[:1] in ".'" else l for l in [s])

out = [".pl 5.5i", ".nr PO 0.6i", ".nr LL 4.8i", ".nr HM 0.7i", ".nr FM 0.7i", ".nr PS 10", ".nr VS 12",
        ".ds LH %s" % pub, ".ds CH", ".ds RH %s" % date, ".ds LF", ".ds CF Page %", ".ds RF"]
if meta:
    out += ['.pdfinfo /Title %s' % meta, '.pdfsync']
out += [".LP", ".ps 18", ".vs 21", ".ad l", "\\fB" + esc(head) + "\\fP", ".br", ".ps", ".vs", ".sp 0.5", ".ad b"]
if cols == "2":
    out += [".nr GW 0.25i", ".2C"]
for p in paras:
    out += [".PP", esc(p)]
print("\n".join(out))
