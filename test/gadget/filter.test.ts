import { describe, expect, it } from "vitest";
import { createFilter, filterPartners, indexPartners } from "../../gadget/src/directory/filter.ts";
import { emptyQuery, formatRoute, parseRoute, type DirectoryQuery } from "../../gadget/src/directory/query.ts";
import { partner } from "./fixtures.tsx";

const partners = [
  partner({
    id: "musee-orsay",
    name: "Musée d'Orsay",
    kind: "museum",
    country: "FR",
    languages: ["fr"],
    offers: ["images"],
    updatedAt: "2026-03-01T00:00:00Z",
  }),
  partner({
    id: "stabi",
    name: "Staatsbibliothek",
    kind: "library",
    country: "DE",
    languages: ["de", "en"],
    offers: ["data", "text"],
    status: "matched",
  }),
  partner({
    id: "tu-prague",
    name: "Technical University",
    kind: "university",
    country: "CZ",
    languages: ["cs"],
    offers: ["course"],
    summary: "Courses on open data",
  }),
];
const index = indexPartners(partners, (c) => ({ FR: "France", DE: "Germany", CZ: "Czechia" })[c] ?? c);
const query = (over: Partial<DirectoryQuery> = {}): DirectoryQuery => ({ ...emptyQuery(), ...over });

describe("filterPartners", () => {
  it("searches name, summary, country name and language, ignoring case and accents", () => {
    expect(filterPartners(index, query({ q: "musee" })).partners.map((p) => p.id)).toEqual(["musee-orsay"]);
    expect(filterPartners(index, query({ q: "OPEN data" })).partners.map((p) => p.id)).toEqual(["tu-prague"]);
    expect(filterPartners(index, query({ q: "germany" })).partners.map((p) => p.id)).toEqual(["stabi"]);
  });

  it("ORs values within a facet and ANDs facets", () => {
    const facets = { ...emptyQuery().facets, kind: ["museum", "library"], language: ["en"] };
    expect(filterPartners(index, query({ facets })).partners.map((p) => p.id)).toEqual(["stabi"]);
  });

  it("counts a facet's values as if that facet were not selected", () => {
    const facets = { ...emptyQuery().facets, kind: ["museum"] };
    const { counts, partners: shown } = filterPartners(index, query({ facets }));
    expect(shown).toHaveLength(1);
    expect(counts.kind.get("library")).toBe(1);
    expect(counts.kind.get("museum")).toBe(1);
    expect(counts.country.get("DE")).toBeUndefined();
    expect(counts.country.get("FR")).toBe(1);
  });

  it("sorts by name, country or recency", () => {
    expect(filterPartners(index, query()).partners.map((p) => p.id)).toEqual(["musee-orsay", "stabi", "tu-prague"]);
    expect(filterPartners(index, query({ sort: "country" })).partners.map((p) => p.country)).toEqual([
      "CZ",
      "DE",
      "FR",
    ]);
    expect(filterPartners(index, query({ sort: "-updated" })).partners[0]?.id).toBe("musee-orsay");
  });

  it("filters 5,000 partners, search and facet together", () => {
    // How fast is measured in bench/gadget-filter.ts, not here.
    const many = Array.from({ length: 5000 }, (_, i) =>
      partner({
        id: `p-${i}`,
        name: `Partner ${i}`,
        kind: i % 2 ? "museum" : "library",
        country: ["DE", "FR", "CZ", "BR"][i % 4] as string,
      }),
    );
    const r = filterPartners(
      indexPartners(many),
      query({ q: "partner 1", facets: { ...emptyQuery().facets, kind: ["museum"] } }),
    );
    // Odd numbers are museums; every term is found anywhere in the text: "1" in 1, 10, 21, 100…
    const expected = many.filter((p) => p.kind === "museum" && p.name.includes("1")).map((p) => p.id);
    expect(r.partners.map((p) => p.id).sort()).toEqual(expected.sort());
  });
});

describe("createFilter, query after query", () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    partner({
      id: `p-${String(i).padStart(3, "0")}`,
      name: `${["Museum", "Musée", "Library", "Archive"][i % 4]} ${i % 37}`,
      kind: (["museum", "library", "archive"] as const)[i % 3],
      country: ["DE", "FR", "CZ", "BR", "NL"][i % 5] as string,
      languages: [["de", "de-AT", "fr", "en"][i % 4] as string],
      updatedAt: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`,
    }),
  );
  const idx = indexPartners(many);
  const ids = (r: { partners: { id: string }[] }) => r.partners.map((p) => p.id);
  const facets = (over: Partial<DirectoryQuery["facets"]>) => ({ ...emptyQuery().facets, ...over });

  it("finds, sorts and counts what a fresh filter does, keystroke by keystroke and back", () => {
    const filter = createFilter(idx);
    const steps: DirectoryQuery[] = [
      ..."muse 1".split("").map((_, i) => query({ q: "muse 1".slice(0, i + 1) })),
      query({ q: "muse 1", facets: facets({ kind: ["museum"] }) }),
      query({ q: "muse 12", facets: facets({ kind: ["museum"], language: ["de"] }) }),
      query({ q: "muse", sort: "country", facets: facets({ language: ["de"] }) }),
      query({ q: "musee", sort: "country" }),
      query({ q: "mus", sort: "-updated" }),
      query({ q: "library 3", sort: "-updated" }),
      query({ q: "" }),
    ];
    for (const step of steps) {
      const incremental = filter(step);
      const fresh = filterPartners(idx, step);
      expect(ids(incremental), JSON.stringify(step)).toEqual(ids(fresh));
      expect(incremental.counts, JSON.stringify(step)).toEqual(fresh.counts);
    }
  });

  it("finds the others again when a narrowed query widens", () => {
    const filter = createFilter(idx);
    expect(ids(filter(query({ q: "library" })))).toHaveLength(75);
    expect(ids(filter(query({ q: "library 1" }))).sort()).toEqual(
      many.filter((p) => p.name.startsWith("Library") && p.name.includes("1")).map((p) => p.id),
    );
    // "librar" is in "library 1", but "1" is gone: not a narrowing of the last query.
    expect(ids(filter(query({ q: "librar" })))).toHaveLength(75);
  });

  it("orders names in the reader's collation, numbers by value, equal names by id", () => {
    const named = [
      partner({ id: "b", name: "Museum 10" }),
      partner({ id: "a", name: "museum 2" }),
      partner({ id: "c", name: "Muséum 2" }),
      partner({ id: "d", name: "Archive" }),
    ];
    const filter = createFilter(indexPartners(named));
    expect(ids(filter(query()))).toEqual(["d", "a", "c", "b"]);
    expect(ids(filter(query({ sort: "-name" })))).toEqual(["b", "c", "a", "d"]);
  });

  it("counts a selected value that no partner has as nothing, and shows no partner for it", () => {
    const r = createFilter(idx)(query({ facets: facets({ kind: ["observatory"] }) }));
    expect(r.partners).toEqual([]);
    expect(r.counts.kind.get("museum")).toBe(100);
    expect(r.counts.kind.has("observatory")).toBe(false);
  });
});

describe("route in the URL fragment", () => {
  it("round-trips view, partner, search, facets and sort", () => {
    const route = parseRoute("#p=stabi&q=bib&kind=library,museum&sort=-updated");
    expect(route).toMatchObject({ view: "partner", partner: "stabi", query: { q: "bib", sort: "-updated" } });
    expect(route.query.facets.kind).toEqual(["library", "museum"]);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("falls back to the directory for unknown views and sorts", () => {
    expect(parseRoute("#view=nope&sort=zzz")).toMatchObject({ view: "directory", query: { sort: "name" } });
  });
});
