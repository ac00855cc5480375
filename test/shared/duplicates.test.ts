/** The duplicate rules as a table: pairs of names that must and must not match, domains, QIDs. */
import { describe, expect, it } from "vitest";
import {
  diceSimilarity,
  duplicateReasons,
  findDuplicates,
  nameKey,
  namesMatch,
  normalisedName,
  websiteDomain,
} from "../../shared/duplicates.ts";

const MUST_MATCH: [string, string][] = [
  ["Muzeum Narodowe w Krakowie", "  muzeum narodowe  w krakowie "],
  ["Musée d'Orsay", "Musee d’Orsay"],
  ["Musée d'Orsay", "MUSEE D ORSAY"],
  ["Muzeum Śląskie w Katowicach", "Muzeum Slaskie w Katowicach"],
  ["Muzeum Śląskie w Katowicach", "Muzeum Slaskie w Katowicah"],
  ["Biblioteka Narodowa", "Narodowa Biblioteka"],
  ["National Museum of Wales", "Museum of Wales, National"],
  ["The British Library", "British Library"],
  ["Stadtmuseum Graz", "Stadt-Museum Graz"],
  ["Stadtmuseum Graz", "Stadt Museum Graz"],
  ["Rijksmuseum Amsterdam", "Rijks Museum Amsterdam"],
  ["Universität Wien", "Universitaet Wien"],
  ["Universität Wien", "Uniwersytet Wien"],
  ["Stadtarchiv Köln", "Stadtarchiv Koeln"],
  ["Smithsonian Institution Archives", "Archives of the Smithsonian Institution"],
  ["Museo Nacional del Prado", "Museo Nacional Del Prado."],
  ["Národní knihovna České republiky", "Narodni knihovna Ceske republiky"],
  ["Łódź Municipal Library", "Lodz Municipal Library"],
  ["Bibliothèque nationale de France", "Bibliotheque Nationale de France"],
  ["Det Kongelige Bibliotek", "Det Kongelige Bibliothek"],
  ["Museum für Naturkunde", "Museum fur Naturkunde"],
  ["Straßenbahnmuseum Wien", "Strassenbahnmuseum Wien"],
];

const MUST_NOT_MATCH: [string, string][] = [
  ["Stadtmuseum Graz", "Stadtarchiv Graz"],
  ["Archiv der Stadt Graz", "Museum der Stadt Graz"],
  ["National Museum of Wales", "National Museum of Scotland"],
  ["Museum of Modern Art", "Museum of Ancient Art"],
  ["University of Vienna", "University of Venice"],
  ["Museum Berlin", "Museum Bern"],
  ["Muzeum Śląskie", "Muzeum Mazowieckie"],
  ["Library of Congress", "Library of Parliament"],
  ["Kunstmuseum Basel", "Kunstmuseum Bern"],
  ["Kunstmuseum Basel", "Kunsthalle Basel"],
  ["The Museum", "The Library"],
  ["Museum", "Museum Ulm"],
  ["Museum Ulm", "Museum Ulf"],
  ["Jewish Museum Berlin", "Jewish Museum Vienna"],
  ["Technical University of Munich", "University of Munich"],
  ["Muzeum Narodowe w Krakowie", "Muzeum Narodowe w Warszawie"],
  ["Archive Building A", "Archive Building B"],
  ["Regional Museum 12", "Regional Museum 13"],
  ["Paging 3f9a2c1e G", "Paging 3f9a2c1e F"],
  ["Paging abcdefab A", "Paging abcdefab E"],
  ["Kunsthaus Zürich", "Kunsthaus Zug"],
];

describe("name pairs", () => {
  it.each(MUST_MATCH)("%s ≈ %s", (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });
  it.each(MUST_NOT_MATCH)("%s ≠ %s", (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
    expect(namesMatch(b, a)).toBe(false);
  });
});

describe("name keys", () => {
  it("folds kind words of several languages to one token, also inside compounds", () => {
    expect(nameKey("Muzeum Narodowe").kinds).toEqual(["museum"]);
    expect(nameKey("Musée du Louvre").kinds).toEqual(["museum"]);
    expect(nameKey("Staatsbibliothek zu Berlin")).toEqual({ kinds: ["library"], words: ["berlin", "staats"] });
    expect(nameKey("Universidad de Salamanca").kinds).toEqual(["university"]);
  });
  it("gives equal keys to names that differ only in spelling", () => {
    expect(normalisedName("Musée d'Orsay")).toBe(normalisedName("musee  d’orsay!"));
    expect(normalisedName("Musée d'Orsay")).toBe("#museum orsay");
  });
  it("keeps a name of little words only", () => {
    expect(normalisedName("The")).toBe("the");
  });
  it("measures similarity from 0 to 1", () => {
    expect(diceSimilarity("abc", "abc")).toBe(1);
    expect(diceSimilarity("abc", "xyz")).toBe(0);
  });
});

describe("website domains", () => {
  it.each([
    ["https://www.example.org", "example.org"],
    ["http://example.org/", "example.org"],
    ["https://Example.ORG/about/us?x=1#top", "example.org"],
    ["www.example.org/collections", "example.org"],
    ["example.org", "example.org"],
    ["https://www2.example.org:8443/", "example.org"],
    ["https://museum.example.org", "museum.example.org"],
    ["https://www.facebook.com/SomeMuseum/about", "facebook.com/somemuseum"],
  ])("%s → %s", (url, domain) => {
    expect(websiteDomain(url)).toBe(domain);
  });
  it.each([
    ["info@example.org"],
    ["mailto:info@example.org"],
    ["not a url"],
    [""],
    ["localhost"],
    ["ftp://example.org"],
  ])("%s is no website", (url) => {
    expect(websiteDomain(url)).toBeNull();
  });
});

describe("duplicate reasons", () => {
  const known = { id: "orsay", name: "Musée d'Orsay", wikidata: "Q23402", website: "https://www.musee-orsay.fr/fr" };
  it("names the same Wikidata item", () => {
    expect(duplicateReasons({ wikidata: "Q23402", name: "Orsay" }, known)).toEqual(["wikidata"]);
  });
  it("names the same website domain with and without www, http or https, and paths", () => {
    for (const website of ["http://musee-orsay.fr", "https://www.musee-orsay.fr/en/visit", "musee-orsay.fr/"]) {
      expect(duplicateReasons({ website }, known)).toEqual(["website"]);
    }
    expect(duplicateReasons({ website: "https://orsay.example.org" }, known)).toEqual([]);
  });
  it("names all that agree, and ranks the strongest first", () => {
    expect(duplicateReasons({ wikidata: "Q23402", website: "musee-orsay.fr", name: "Musee d Orsay" }, known)).toEqual([
      "wikidata",
      "website",
      "name",
    ]);
    const list = [
      { id: "a", name: "Musee d Orsay", wikidata: null, website: null },
      known,
      { id: "b", name: "Louvre", wikidata: null, website: "musee-orsay.fr" },
    ];
    const found = findDuplicates({ name: "Musée d'Orsay", wikidata: "Q23402", website: "musee-orsay.fr" }, list);
    expect(found.map((c) => c.id)).toEqual(["orsay", "b", "a"]);
  });
});
