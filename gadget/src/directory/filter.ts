/**
 * Filtering the directory in the browser: instant search, facets with counts
 * (disjunctive: a facet's counts ignore that facet's own selection), sort.
 * What a query means is shared/directory-search.ts, the same for the backend's
 * GET /partners. One pass over the partners per query; fast enough for 10,000.
 */
import {
  comparePartners,
  languageSelects,
  matchesTerms,
  partnerSearchText,
  searchTerms,
} from "../../../shared/directory-search.ts";
import type { Partner } from "../../../shared/schemas.ts";
import { FACETS, type DirectoryQuery, type Facet } from "./query.ts";

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

/** The one value of the stale facet. */
export const STALE = "stale";

/**
 * Build the search index; `countryName` adds localised country names to the searchable text,
 * `affiliateName` the names of the affiliates with an open claim.
 */
export function indexPartners(
  partners: readonly Partner[],
  countryName: (code: string) => string = (c) => c,
  affiliateName: (id: string) => string | undefined = () => undefined,
): IndexedPartner[] {
  return partners.map((p) => ({
    partner: p,
    text: partnerSearchText(p, [
      countryName(p.country),
      ...p.interested.map((id) => affiliateName(id) ?? "").filter(Boolean),
    ]),
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

function matchesFacet(facet: Facet, values: readonly string[], selected: readonly string[]): boolean {
  if (selected.length === 0) return true;
  for (const v of values) {
    for (const s of selected) if (facet === "language" ? languageSelects(s, v) : s === v) return true;
  }
  return false;
}

/** Apply a query: the matching partners, sorted, and the facet counts. */
export function filterPartners(index: readonly IndexedPartner[], query: DirectoryQuery, lang = "en"): FilterResult {
  const terms = searchTerms(query.q);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  const out: Partner[] = [];
  for (const item of index) {
    if (!matchesTerms(item.text, terms)) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const f of FACETS) {
      if (!matchesFacet(f, item.values[f], query.facets[f])) {
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
  const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  out.sort(comparePartners(query.sort, collator.compare));
  return { partners: out, counts, total: index.length };
}
