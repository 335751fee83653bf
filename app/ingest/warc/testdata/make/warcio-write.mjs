// warcio-write.mjs writes warcio.warc.gz with the warcio npm package (2.4.11):
// a warcinfo record, two captures of the same article at different times
// (the second changed), a revisit of the first (identical payload digest),
// a 404, an image and a chunked HTML response. Run by make.sh, not by tests.
import { WARCRecord, WARCSerializer } from "warcio";
import fs from "node:fs";

const out = process.argv[2];
const warcVersion = "WARC/1.1";
const enc = (s) => new TextEncoder().encode(s);
async function* body(b) { yield b; }
const chunks = [];
const add = async (rec) => chunks.push(await WARCSerializer.serialize(rec, { gzip: true }));

await add(await WARCRecord.createWARCInfo({ filename: "warcio.warc.gz", warcVersion }, { software: "warcio.js 2.4.11" }));

const page = (title, paras) => enc(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta property="og:site_name" content="Valley Gazette"></head><body><article><h1>${title}</h1>` +
  paras.map((p) => `<p>${p}</p>`).join("") + `</article></body></html>`);

const url = "https://gazette.example/2025/05/bridge-closure";
const v1 = page("Old bridge closed for inspection", [
  "The old stone bridge over the river was closed to traffic on Monday after engineers found cracks in two of its arches.",
  "Buses will take a twelve-kilometre detour through the upper village until the inspection is finished, the county said.",
  "Shopkeepers on the east bank said they feared losing customers if the closure lasted into the tourist season.",
]);
const v2 = page("Old bridge closed for inspection", [
  "The old stone bridge over the river was closed to traffic on Monday after engineers found cracks in two of its arches.",
  "Buses will take a twelve-kilometre detour through the upper village until the inspection is finished, the county said.",
  "Update: the county said on Tuesday that the bridge would reopen to pedestrians on Friday.",
]);
const html = { "Content-Type": "text/html; charset=utf-8" };
const first = await WARCRecord.create({ url, date: "2025-05-12T08:00:00Z", type: "response", warcVersion, httpHeaders: html }, body(v1));
await add(first);
await add(await WARCRecord.create({ url, date: "2025-05-13T08:00:00Z", type: "response", warcVersion, httpHeaders: html }, body(v2)));

// A revisit: same payload as the first capture, re-crawled a week later.
const rev = await WARCRecord.create({ url, date: "2025-05-19T08:00:00Z", type: "revisit", warcVersion, httpHeaders: html,
  refersToUrl: url, refersToDate: "2025-05-12T08:00:00Z" }, body(new Uint8Array()));
rev.warcHeaders.headers.set("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
rev.warcHeaders.headers.set("WARC-Payload-Digest", first.warcPayloadDigest);
rev.warcHeaders.headers.set("WARC-Refers-To", first.warcHeaders.headers.get("WARC-Record-ID"));
chunks.push(await WARCSerializer.serialize(rev, { gzip: true }));

await add(await WARCRecord.create({ url: "https://gazette.example/gone", date: "2025-05-12T08:00:05Z", type: "response", warcVersion,
  statusline: "HTTP/1.1 404 Not Found", httpHeaders: html }, body(page("Not found", ["This page does not exist."]))));
await add(await WARCRecord.create({ url: "https://gazette.example/logo.gif", date: "2025-05-12T08:00:06Z", type: "response", warcVersion,
  httpHeaders: { "Content-Type": "image/gif" } }, body(enc("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))));

const chunked = page("Night trains return to the valley line", [
  "Night trains will run on the valley line again from December, the rail operator announced, after a gap of nine years.",
  "The sleeper service will leave the capital at ten in the evening and reach the coast shortly after six in the morning.",
]);
const hex = chunked.length.toString(16);
await add(await WARCRecord.create({ url: "https://gazette.example/2025/05/night-trains", date: "2025-05-12T08:00:07Z", type: "response", warcVersion,
  httpHeaders: { "Content-Type": "text/html; charset=utf-8", "Transfer-Encoding": "chunked" } },
  body(new Uint8Array([...enc(hex + "\r\n"), ...chunked, ...enc("\r\n0\r\n\r\n")]))));

fs.writeFileSync(out, Buffer.concat(chunks.map((c) => Buffer.from(c))));
