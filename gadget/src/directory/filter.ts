/**
 * Filtering the directory in the browser: instant search, facets with counts
 * (disjunctive: a facet's counts ignore that facet's own selection), sort.
 * What a query means is shared/directory-search.ts, the same for the backend's
 * GET /partners. Each sort once per directory, then one scan per keystroke: within a frame at 10,000.
 */
import {
  comparePartners,
  languageSelects,
  matchesTerms,
  type PartnerSort,
  partnerSearchText,
  searchTerms,
} from "../../../shared/directory-search.ts";
import type { Partner } from "../../../shared/schemas.ts";
import { FACETS, type DirectoryQuery, type Facet } from "./query.ts";

/** A partner with what filtering needs precomputed once. */
export interface IndexedPartner {
  partner: Partner;
  text: string;
  /** Per facet, in FACETS' order, the partner's values. */
  values: ReadonlyArray<readonly string[]>;
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
    values: [
      [p.kind],
      [p.country],
      p.languages,
      p.offers,
      [p.funding],
      [p.status],
      p.lead ? [p.lead.affiliate] : [],
      p.interested,
      p.lead?.staleSince ? [STALE] : [],
    ],
  }));
}

/** Apply a query once: the matching partners, sorted, and the facet counts. */
export function filterPartners(index: readonly IndexedPartner[], query: DirectoryQuery, lang = "en"): FilterResult {
  return createFilter(index, lang)(query);
}

/** A partner as the filter keeps it: per facet (in FACETS' order), the numbers of its values. */
interface Row {
  partner: Partner;
  text: string;
  codes: number[][];
}

/**
 * The filter of one directory, for query after query (the search box's keystrokes): each sort's
 * order is kept, so a query only scans (sorting 10,000 partners per keystroke took most of a
 * frame); facet values are numbered, so counting is adding to arrays (counting in maps took
 * several milliseconds); and a query whose terms narrow the last one's (one more letter, one
 * more word) scans only the last one's matches.
 */
export function createFilter(index: readonly IndexedPartner[], lang = "en"): (query: DirectoryQuery) => FilterResult {
  const names = new Intl.Collator(lang, { sensitivity: "base", numeric: true }).compare;
  // Each facet's values, numbered in the order first met (one count of numbers for all facets).
  const values = FACETS.map(() => new Map<string, number>());
  let size = 0;
  const rows: Row[] = index.map(({ partner, text, values: of }) => ({
    partner,
    text,
    codes: of.map((vs, j) => {
      const numbers = values[j] as Map<string, number>;
      return vs.map((v) => numbers.get(v) ?? (numbers.set(v, size), size++));
    }),
  }));
  const orders = new Map<PartnerSort, Row[]>();
  let last: { sort: PartnerSort; terms: string[]; matches: Row[] } | undefined;
  return (query) => {
    const { sort, facets } = query;
    const terms = searchTerms(query.q);
    let from = orders.get(sort);
    if (!from) {
      const by = comparePartners(sort, names);
      orders.set(sort, (from = rows.slice().sort((a, b) => by(a.partner, b.partner))));
    }
    // Every text that has each new term has each old one: only the last matches can match.
    if (last && last.sort === sort && last.terms.every((t) => terms.some((n) => n.includes(t)))) from = last.matches;
    const matches = from.filter((row) => matchesTerms(row.text, terms));
    last = { sort, terms, matches };
    // Per facet, the numbers of its values selected; null where the facet selects nothing.
    const selected = values.map((numbers, j) => {
      const f = FACETS[j] as Facet;
      const picks = facets[f];
      return picks.length
        ? new Set(
            [...numbers]
              .filter(([v]) => picks.some((s) => (f === "language" ? languageSelects(s, v) : s === v)))
              .map(([, n]) => n),
          )
        : null;
    });
    const tally = new Int32Array(size);
    const partners: Partner[] = [];
    for (const row of matches) {
      let failed = -1;
      let failures = 0;
      for (let j = 0; j < FACETS.length; j++) {
        const s = selected[j];
        if (s && !row.codes[j]!.some((c) => s.has(c))) (failed = j), failures++;
      }
      // A partner that fails one facet counts in that facet only (disjunctive counts).
      if (failures === 1) for (const c of row.codes[failed]!) tally[c]!++;
      else if (failures === 0) {
        for (const codes of row.codes) for (const c of codes) tally[c]!++;
        partners.push(row.partner);
      }
    }
    const counts = {} as FacetCounts;
    values.forEach((numbers, j) => {
      const m = (counts[FACETS[j] as Facet] = new Map<string, number>());
      for (const [v, n] of numbers) if (tally[n]) m.set(v, tally[n]!);
    });
    return { partners, counts, total: index.length };
  };
}
