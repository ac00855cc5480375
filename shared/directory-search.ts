/**
 * What a directory query means, once for both sides: the gadget's instant filter and the
 * backend's `GET /partners` implement these functions, and one table of cases
 * (test/api/directory-search.cases.ts) runs against both.
 *
 * - `q`: every whitespace-separated term must occur in the partner's searchable text, with case
 *   and diacritics folded ("zurich" finds "Zürich"). The text holds the name, summary, asks,
 *   Wikidata id, country code and English country name (the gadget adds the reader's language),
 *   languages, and the names of the affiliates with an open claim on the partner.
 * - `language`: a tag selects itself and its more specific tags (`de` selects `de-AT`; `de-AT`
 *   does not select `de`).
 * - sorts: PARTNER_SORTS; names compare folded (the gadget with the reader's collation), ties by id.
 * Only types are imported, so the gadget can use it without bundling zod.
 */
import type { Partner } from "./schemas.ts";

/** Lower case without diacritics: the form in which queries and texts are compared. */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The folded terms of `q`; none for an empty query. */
export function searchTerms(q: string | undefined): string[] {
  return q ? foldText(q).split(/\s+/).filter(Boolean) : [];
}

const englishRegions =
  typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

const countryNames = new Map<string, string>();

/** A country's English name (the code when the runtime has no names). */
export function englishCountryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      name = englishRegions?.of(code) ?? code;
    } catch {
      name = code;
    }
    countryNames.set(code, name);
  }
  return name;
}

/** The fields of a partner that `q` searches. */
export type SearchableFields = Pick<Partner, "name" | "summary" | "asks" | "wikidata" | "country" | "languages">;

/**
 * The folded searchable text of a partner: its fields, its country's English name, and `extra`
 * (the names of the affiliates with an open claim; the gadget adds localised country names).
 */
export function partnerSearchText(p: SearchableFields, extra: readonly string[] = []): string {
  return foldText(
    [
      p.name,
      p.summary,
      ...p.asks,
      p.wikidata ?? "",
      p.country,
      englishCountryName(p.country),
      p.languages.join(" "),
      ...extra,
    ].join("\n"),
  );
}

/** Whether a searchable text matches every term. */
export function matchesTerms(text: string, terms: readonly string[]): boolean {
  return terms.every((t) => text.includes(t));
}

/** Whether one of a partner's languages is selected by `tag` (`de` selects `de` and `de-AT`). */
export function languageSelects(tag: string, language: string): boolean {
  const t = tag.toLowerCase();
  const l = language.toLowerCase();
  return l === t || l.startsWith(`${t}-`);
}

/** The directory's sorts; `-` is descending. */
export const PARTNER_SORTS = ["name", "-name", "updated", "-updated", "created", "-created", "country"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

/** A partner's name as the name sort compares it (the backend stores it as `name_key`). */
export function nameKey(name: string): string {
  return foldText(name);
}

type Sortable = Pick<Partner, "id" | "name" | "country" | "updatedAt" | "createdAt">;
type Compare = (a: string, b: string) => number;

const byCodePoint: Compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of `sort`; `names` compares two name keys (the gadget passes the reader's collator). */
export function comparePartners(sort: PartnerSort, names: Compare = byCodePoint): (a: Sortable, b: Sortable) => number {
  // Each partner's name key is folded once per sort, not once per comparison.
  const keys = new Map<Sortable, string>();
  const key = (p: Sortable) => {
    let k = keys.get(p);
    if (k === undefined) keys.set(p, (k = nameKey(p.name)));
    return k;
  };
  const id = (a: Sortable, b: Sortable) => byCodePoint(a.id, b.id);
  const asc = (key: (p: Sortable) => string) => (a: Sortable, b: Sortable) => byCodePoint(key(a), key(b)) || id(a, b);
  const desc = (up: (a: Sortable, b: Sortable) => number) => (a: Sortable, b: Sortable) => up(b, a);
  const name = (a: Sortable, b: Sortable) => names(key(a), key(b)) || id(a, b);
  switch (sort) {
    case "name":
      return name;
    case "-name":
      return desc(name);
    case "updated":
      return asc((p) => p.updatedAt);
    case "-updated":
      return desc(asc((p) => p.updatedAt));
    case "created":
      return asc((p) => p.createdAt);
    case "-created":
      return desc(asc((p) => p.createdAt));
    case "country":
      return (a, b) => byCodePoint(a.country, b.country) || name(a, b);
  }
}
