/**
 * How long the gadget takes to filter the directory in the browser's place: index once, rank
 * and sort once per sort, then search + facets + counts for typical queries and for typing
 * (each keystroke one query, as the search box makes them).
 *   node bench/gadget-filter.ts [partners=5000]
 */
import { createFilter, indexPartners } from "../gadget/src/directory/filter.ts";
import { emptyQuery, type DirectoryQuery } from "../gadget/src/directory/query.ts";
import type { Partner } from "../shared/schemas.ts";
import { FUNDING, OFFERS, PARTNER_KINDS, PARTNER_STATUSES } from "../shared/vocabulary.ts";

const N = Number(process.argv[2] ?? 5000);
const COUNTRIES = ["DE", "FR", "CZ", "BR", "US", "JO", "AT", "IT", "ES", "IN", "NG", "JP"];
const LANGS = ["de", "fr", "cs", "pt", "en", "ar", "it", "es", "hi", "yo", "ja"];
const QUERY = "museum";
const pick = <T>(a: readonly T[], i: number) => a[i % a.length] as T;

const partners: Partner[] = Array.from({ length: N }, (_, i) => ({
  id: `partner-${i}`,
  name: `${pick(["Museum", "Library", "Archive", "University", "Society"], i)} of ${pick(["Art", "History", "Science", "Music", "Maps"], i * 7)} ${i}`,
  wikidata: null,
  website: null,
  kind: pick(PARTNER_KINDS, i),
  country: pick(COUNTRIES, i * 3),
  languages: [pick(LANGS, i), pick(LANGS, i + 4)],
  offers: [pick(OFFERS, i), pick(OFFERS, i + 3)],
  projects: ["commons"],
  funding: pick(FUNDING, i),
  summary: `An institution that would like to share ${pick(["photographs", "datasets", "books", "maps"], i)} with Wikimedia projects.`,
  asks: [`digitise ${i * 10} items`],
  links: [],
  referredBy: { user: "Bench", affiliate: null },
  status: pick(PARTNER_STATUSES, i * 5),
  lead: null,
  interested: [],
  createdAt: new Date(1.7e12 + i * 1e6).toISOString(),
  updatedAt: new Date(1.7e12 + i * 2e6).toISOString(),
  version: 1,
}));

const q = (over: Partial<DirectoryQuery>): DirectoryQuery => ({ ...emptyQuery(), ...over });
const facets = (over: Partial<DirectoryQuery["facets"]>) => ({ ...emptyQuery().facets, ...over });
const QUERIES: Array<[string, DirectoryQuery]> = [
  ["everything, by name", q({})],
  ["search 'museum art'", q({ q: "museum art" })],
  ["search one letter 'a'", q({ q: "a" })],
  ["kind=museum,library & country=DE", q({ facets: facets({ kind: ["museum", "library"], country: ["DE"] }) })],
  [
    "search + 3 facets, by -updated",
    q({
      q: "photographs",
      sort: "-updated",
      facets: facets({ offer: ["images"], status: ["open"], language: ["de", "fr"] }),
    }),
  ],
];

/** Runs `fn` `runs` times; it may return the milliseconds of its own measured part. */
function time(fn: () => number | undefined, runs = 30): { median: number; p95: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const own = fn();
    ms.push(typeof own === "number" ? own : performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(runs / 2)] as number,
    p95: ms[Math.ceil(runs * 0.95) - 1] as number,
    max: ms[runs - 1] as number,
  };
}
const line = (label: string, shown: number | string, t: ReturnType<typeof time>) =>
  console.log(
    `${label.padEnd(40)} ${String(shown).padStart(5)} shown  median ${t.median.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms  max ${t.max.toFixed(2)} ms`,
  );

const idx = time(() => void indexPartners(partners), 10);
console.log(`${N} partners — index (once per load): median ${idx.median.toFixed(1)} ms`);
const index = indexPartners(partners);
// A new filter numbers the facet values, and its first query sorts (once per directory and sort).
line(
  "first query of a directory (by name)",
  N,
  time(() => void createFilter(index)(q({})), 10),
);
line(
  "first query by country (the filter kept)",
  N,
  time(() => {
    const f = createFilter(index);
    f(q({}));
    const t = performance.now();
    f(q({ sort: "country" }));
    return performance.now() - t;
  }, 10),
);
for (const [label, query] of QUERIES) {
  // Each query after the everything-query of its sort, so that it never merely narrows the last.
  const filter = createFilter(index);
  let shown = 0;
  const t = time(() => {
    filter(q({ sort: query.sort }));
    const t0 = performance.now();
    shown = filter(query).partners.length;
    return performance.now() - t0;
  });
  line(label, shown, t);
}
// Typing, one key at a time: each prefix narrows the last, so only its matches are scanned.
const filter = createFilter(index);
filter(q({}));
const keys: number[] = [];
for (let run = 0; run < 10; run++) {
  for (let i = 1; i <= QUERY.length; i++) {
    const t = performance.now();
    filter(q({ q: QUERY.slice(0, i) }));
    keys.push(performance.now() - t);
  }
  filter(q({}));
}
keys.sort((a, b) => a - b);
console.log(
  `typing "${QUERY}", one key at a time          median ${keys[Math.floor(keys.length / 2)]?.toFixed(2)} ms  p95 ${keys[Math.ceil(keys.length * 0.95) - 1]?.toFixed(2)} ms  max ${keys.at(-1)?.toFixed(2)} ms`,
);
