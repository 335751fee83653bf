// pdfkit-eval.mjs DIR: typesets every DIR/*.txt (line 1 the headline, then
// paragraphs) with PDFKit (npm pdfkit 0.20.2) as DIR/NAME.pdfkit.pdf: a
// second producer beside groff for eval_test.go — Helvetica, justified
// two columns (PDFKit's own column flow), headline across both, running
// header and "Page N" footer on every page, /Title in the metadata.
// FONT=/path/regular.ttf and FONT_BOLD=/path/bold.ttf embed TrueType fonts
// instead (Identity-H CID fonts with /W widths, as office suites write).
// Needs: npm install pdfkit. Not run by tests.
import PDFDocument from "pdfkit";
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const regular = process.env.FONT || "Helvetica";
const bold = process.env.FONT_BOLD || "Helvetica-Bold";
const suffix = process.env.FONT ? ".ttf.pdf" : ".pdfkit.pdf";
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
  const text = fs.readFileSync(path.join(dir, f), "utf8").trim();
  const [head, ...rest] = text.split("\n");
  const paras = rest.join("\n").trim().split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
  const doc = new PDFDocument({ size: "A5", margins: { top: 60, bottom: 60, left: 40, right: 40 }, bufferPages: true,
    info: { Title: head.trim() } });
  const out = fs.createWriteStream(path.join(dir, f.replace(/\.txt$/, suffix)));
  doc.pipe(out);
  doc.font(bold).fontSize(17).text(head.trim(), { align: "left" });
  doc.moveDown(0.5);
  doc.font(regular).fontSize(9);
  doc.text(paras.join("\n"), { columns: 2, columnGap: 14, align: "justify", indent: 10, paragraphGap: 0 });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font(regular).fontSize(7.5);
    doc.text("NEWS ARCHIVE  -  Monday 7 March 2005", 40, 30, { lineBreak: false });
    doc.text("Page " + (i + 1), 40, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
}
