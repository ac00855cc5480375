/**
 * How long the gadget takes to filter the directory in the browser's place:
 * index once, then search + facets + counts + sort for typical queries.
 *   node bench/gadget-filter.ts [partners=5000]
 */
import { filterPartners, indexPartners } from "../gadget/src/directory/filter.ts";
import { emptyQuery, type DirectoryQuery } from "../gadget/src/directory/query.ts";
import type { Partner } from "../shared/schemas.ts";
import { FUNDING, OFFERS, PARTNER_KINDS, PARTNER_STATUSES } from "../shared/vocabulary.ts";

const N = Number(process.argv[2] ?? 5000);
const COUNTRIES = ["DE", "FR", "CZ", "BR", "US", "JO", "AT", "IT", "ES", "IN", "NG", "JP"];
const LANGS = ["de", "fr", "cs", "pt", "en", "ar", "it", "es", "hi", "yo", "ja"];
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

function time(fn: () => void, runs = 30): { median: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)] as number, max: ms[runs - 1] as number };
}

const idx = time(() => indexPartners(partners), 10);
console.log(`${N} partners — index (once per load): median ${idx.median.toFixed(1)} ms`);
const index = indexPartners(partners);
for (const [label, query] of QUERIES) {
  let shown = 0;
  const t = time(() => (shown = filterPartners(index, query).partners.length));
  console.log(
    `${label.padEnd(40)} ${String(shown).padStart(5)} shown  median ${t.median.toFixed(2)} ms  max ${t.max.toFixed(2)} ms`,
  );
}
