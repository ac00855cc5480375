/**
 * Filtering the directory in the browser: instant search, facets with counts
 * (disjunctive: a facet's counts ignore that facet's own selection), sort.
 * One pass over the partners per query; fast enough for 10,000.
 */
import type { Partner } from "../../../shared/schemas.ts";
import { FACETS, type DirectoryQuery, type Facet } from "./query.ts";

export type PartnerSort = "name" | "-updated" | "-created" | "country";

/** A partner with what filtering needs precomputed once. */
export interface IndexedPartner {
  partner: Partner;
  text: string;
  values: Record<Facet, readonly string[]>;
}

export type FacetCounts = Record<Facet, Map<string, number>>;

export interface FilterResult {
  partners: Partner[];
  counts: FacetCounts;
  total: number;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The one value of the stale facet. */
export const STALE = "stale";

/**
 * Build the search index. `countryName` adds localised country names to the searchable text,
 * `affiliateName` the names of the affiliates interested in or leading a partner; its Wikidata
 * id is searchable too.
 */
export function indexPartners(
  partners: readonly Partner[],
  countryName: (code: string) => string = (c) => c,
  affiliateName: (id: string) => string = (id) => id,
): IndexedPartner[] {
  return partners.map((p) => ({
    partner: p,
    text: fold(
      [
        p.name,
        p.wikidata ?? "",
        p.summary,
        p.country,
        countryName(p.country),
        p.languages.join(" "),
        p.asks.join(" "),
        p.interested.map(affiliateName).join("\n"),
      ].join("\n"),
    ),
    values: {
      kind: [p.kind],
      country: [p.country],
      language: p.languages,
      offer: p.offers,
      funding: [p.funding],
      status: [p.status],
      lead: p.lead ? [p.lead.affiliate] : [],
      affiliate: p.interested,
      stale: p.lead?.staleSince ? [STALE] : [],
    },
  }));
}

const COMPARE: Record<PartnerSort, (collator: Intl.Collator) => (a: Partner, b: Partner) => number> = {
  name: (c) => (a, b) => c.compare(a.name, b.name),
  "-updated": () => (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  "-created": () => (a, b) => b.createdAt.localeCompare(a.createdAt),
  country: (c) => (a, b) => a.country.localeCompare(b.country) || c.compare(a.name, b.name),
};

function matchesFacet(values: readonly string[], selected: readonly string[]): boolean {
  if (selected.length === 0) return true;
  for (const v of values) if (selected.includes(v)) return true;
  return false;
}

/** Apply a query: the matching partners, sorted, and the facet counts. */
export function filterPartners(index: readonly IndexedPartner[], query: DirectoryQuery, lang = "en"): FilterResult {
  const terms = fold(query.q).split(/\s+/).filter(Boolean);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  const out: Partner[] = [];
  for (const item of index) {
    if (!terms.every((t) => item.text.includes(t))) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const f of FACETS) {
      if (!matchesFacet(item.values[f], query.facets[f])) {
        failed = f;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const f of FACETS) {
      if (failures === 1 && f !== failed) continue;
      const m = counts[f];
      for (const v of item.values[f]) m.set(v, (m.get(v) ?? 0) + 1);
    }
    if (failures === 0) out.push(item.partner);
  }
  out.sort(COMPARE[query.sort](new Intl.Collator(lang, { sensitivity: "base", numeric: true })));
  return { partners: out, counts, total: index.length };
}
