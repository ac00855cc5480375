/**
 * The one table of what directory queries mean (shared/directory-search.ts). The same partners
 * and cases run against the gadget's filter (test/gadget/directory-search.test.ts) and against
 * the backend's `GET /partners` on workerd and Node (test/api/directory-search.test.ts).
 */
import type { PartnerInput } from "../../shared/schemas.ts";

/** The partners of the table, by key; the backend's side adds a run tag to their summaries and to q. */
export const SEARCH_PARTNERS: Record<string, Omit<PartnerInput, "contact" | "links" | "projects" | "funding">> = {
  zurich: {
    name: "Kunsthaus Zürich",
    wikidata: "Q685038",
    kind: "museum",
    country: "CH",
    languages: ["de-CH"],
    offers: ["images"],
    summary: "Paintings and sculpture.",
    asks: ["photograph the collection"],
  },
  vienna: {
    name: "Österreichische Mediathek",
    wikidata: null,
    kind: "archive",
    country: "AT",
    languages: ["de-AT", "en"],
    offers: ["data"],
    summary: "Sound archive.",
    asks: [],
  },
  berlin: {
    name: "Berliner Stadtbibliothek",
    wikidata: null,
    kind: "library",
    country: "DE",
    languages: ["de"],
    offers: ["text"],
    summary: "A public library with old maps.",
    asks: ["digitise maps"],
  },
  lyon: {
    name: "Musée des Confluences",
    wikidata: "Q2998186",
    kind: "museum",
    country: "FR",
    languages: ["fr"],
    offers: ["images", "data"],
    summary: "Science and societies.",
    asks: [],
  },
};

export type SearchPartner = keyof typeof SEARCH_PARTNERS;

/** The affiliate that claims `claimedBy` partners: its name is searchable on them. */
export const SEARCH_AFFILIATE = { name: "Wikimedia Helvetica Tests", claims: ["zurich"] as SearchPartner[] };

export interface SearchCase {
  /** What the case shows, as a specification. */
  says: string;
  q?: string;
  language?: string[];
  kind?: string[];
  /** The partners found, in the order of the default sort (by name). */
  finds: SearchPartner[];
}

export const SEARCH_CASES: SearchCase[] = [
  { says: "an empty query finds every partner, sorted by folded name", finds: ["berlin", "zurich", "lyon", "vienna"] },
  { says: "q matches the name, case-insensitively", q: "KUNSTHAUS", finds: ["zurich"] },
  { says: "q folds diacritics in the text", q: "zurich", finds: ["zurich"] },
  { says: "q folds diacritics in the query", q: "kunsthäus", finds: ["zurich"] },
  { says: "q folds diacritics on both sides", q: "musée", finds: ["lyon"] },
  { says: "q matches a part of a word", q: "biblio", finds: ["berlin"] },
  { says: "every term must match", q: "museum zurich", finds: [] },
  { says: "terms match in any field, in any order", q: "maps berliner", finds: ["berlin"] },
  { says: "q matches the summary and the asks", q: "photograph", finds: ["zurich"] },
  { says: "q matches the country code", q: "AT", finds: ["vienna"] },
  { says: "q matches the English country name", q: "austria", finds: ["vienna"] },
  { says: "q matches a Wikidata id", q: "Q2998186", finds: ["lyon"] },
  { says: "q matches the name of an affiliate with an open claim", q: "helvetica", finds: ["zurich"] },
  { says: "language de selects de and its regional tags", language: ["de"], finds: ["berlin", "zurich", "vienna"] },
  { says: "language de-AT selects only de-AT", language: ["de-AT"], finds: ["vienna"] },
  { says: "facets and q combine", q: "paintings", kind: ["museum"], finds: ["zurich"] },
  { says: "a facet can exclude what q finds", q: "paintings", kind: ["library"], finds: [] },
  { says: "a facet alone", kind: ["museum"], finds: ["zurich", "lyon"] },
];
