/** Wikitables as rows of cells, the column guess from headers, and formula-looking cells. */
import { describe, expect, it } from "vitest";
import { guessColumns, looksLikeFormula, parseWikitable } from "../../shared/import-table.ts";

describe("parseWikitable", () => {
  it("reads header and data cells, one per line or several with !! and ||, without attributes", () => {
    const text = `Some text before.
{| class="wikitable sortable" style="width:100%"
|+ Our institutions
! scope="col" | Name !! Country
! Website
|-
| style="background:#eee" | [[Muzeum Narodowe|National Museum]] || PL || [https://mnk.example MNK]
|- class="odd"
| '''Stadtarchiv''' Graz
| AT
| https://graz.example
|-
| {{flag|CZ}} Knihovna || CZ || <span>x.example</span>
|}
After.`;
    expect(parseWikitable(text)).toEqual([
      ["Name", "Country", "Website"],
      ["National Museum", "PL", "https://mnk.example"],
      ["Stadtarchiv Graz", "AT", "https://graz.example"],
      ["{{flag|CZ}} Knihovna", "CZ", "x.example"],
    ]);
  });

  it("joins a cell continued on the next line and ignores what follows the table", () => {
    expect(parseWikitable("{|\n! A !! B\n|-\n| one\ncontinued\n| two\n|}\n{|\n| other table\n|}")).toEqual([
      ["A", "B"],
      ["one continued", "two"],
    ]);
  });

  it("finds no rows where there is no table", () => {
    expect(parseWikitable("just | some || text")).toEqual([]);
  });
});

describe("guessColumns", () => {
  it.each([
    [
      ["Institution", "Country", "Website", "E-mail"],
      { name: "Institution", country: "Country", website: "Website", contactEmail: "E-mail" },
    ],
    [
      ["Name der Institution", "Land", "Webseite", "Sprachen"],
      { name: "Name der Institution", country: "Land", website: "Webseite", languages: "Sprachen" },
    ],
    [
      ["Nom", "Pays", "Site web", "Courriel"],
      { name: "Nom", country: "Pays", website: "Site web", contactEmail: "Courriel" },
    ],
    [["Nombre", "País", "Sitio web", "Tipo"], { name: "Nombre", country: "País", website: "Sitio web", kind: "Tipo" }],
  ])("%j", (headers, columns) => {
    expect(guessColumns(headers)).toEqual(columns);
  });
  it("maps each field once and ignores headers it does not know", () => {
    expect(guessColumns(["Name", "Nom", "Favourite colour"])).toEqual({ name: "Name" });
  });
});

describe("looksLikeFormula", () => {
  it.each(["=SUM(A1:A3)", "+cmd", "-2+3", "@SUM(1)", "\tx"])("%j is a formula", (cell) => {
    expect(looksLikeFormula(cell)).toBe(true);
  });
  it.each(["Museum = Art", "-5", "+49 30 1234", "Stadt-Museum"])("%j is not", (cell) => {
    expect(looksLikeFormula(cell)).toBe(false);
  });
});
