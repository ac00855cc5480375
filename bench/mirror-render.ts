// Render time of the mirror's pages for a large directory: node bench/mirror-render.ts [partners]
// Renders twice per run, as the job does (with the stamp, and without it for the content hashes).
import { renderDocuments } from "../worker/mirror/documents.ts";
import { byteLength } from "../worker/mirror/split.ts";
import { NEUTRAL_STAMP } from "../worker/mirror/layout.ts";
import { affiliate, claim, partner } from "../tools/mirror/fixtures.ts";

const n = Number(process.argv[2] ?? 10_000);
const affiliates = Array.from({ length: 150 }, (_, i) => affiliate(`aff-${i}`));
const partners = Array.from({ length: n }, (_, i) =>
  partner(i, { name: `Institution ${i} | {{x}} [[y]] ~~~~`, interested: [`aff-${i % 150}`, `aff-${(i + 1) % 150}`] }),
);
const claims = partners.flatMap((p, i) => [
  claim(2 * i + 1, p.id, `aff-${i % 150}`),
  claim(2 * i + 2, p.id, `aff-${(i + 1) % 150}`),
]);
const record = { partners, affiliates, claims };
const options = {
  prefix: "Content Partnerships Hub/Directory",
  category: "Content Partnerships Hub",
  gadget: { backendUrl: null, oauthClientId: null },
  limit: 2 * 1024 * 1024,
};
const stamp = { event: 123456, at: "2026-11-26T09:11:35Z" };

renderDocuments(record, stamp, options); // warm-up
const times: number[] = [];
let pages = renderDocuments(record, stamp, options).flat();
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  pages = renderDocuments(record, stamp, options).flat();
  renderDocuments(record, NEUTRAL_STAMP, options);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const bytes = pages.reduce((sum, p) => sum + byteLength(p.text), 0);
console.log(`${n} partners, ${claims.length} claims: ${pages.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
console.log(
  `render (stamped + neutral, as one run does): median ${times[2]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms`,
);
