/** The CSV export neutralises every form of a formula start a spreadsheet folds into =, +, -, @. */
import { describe, expect, it } from "vitest";
import { csvCell } from "../../worker/export/csv.ts";
import { call, makePartner } from "./helpers.ts";

const FORMULAS = {
  "full-width =": '＝HYPERLINK("http://evil.example")',
  "full-width +": "＋1+1",
  "full-width -": "－1+1",
  "full-width @": "＠SUM(A1)",
  "small =": "﹦1+1",
  "small +": "﹢1",
  "small -": "﹣1",
  "small @": "﹫SUM(A1)",
  "minus sign": "−1+1",
  "zero-width space before =": "\u200B=1+1",
  "zero-width joiner before =": "\u200D=1+1",
  "word joiner before +": "\u2060+1",
  "BOM before @": "\uFEFF@SUM(A1)",
  "soft hyphen before =": "\u00AD=1",
  "direction mark before -": "\u200E-1",
  "spaces and a zero-width space before full-width =": "  \u200B＝1",
};

describe("CSV formula neutralising", () => {
  for (const [what, cell] of Object.entries(FORMULAS)) {
    it(`prefixes an apostrophe: ${what}`, () => {
      const written = csvCell(cell);
      const unquoted = written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
      expect(unquoted).toBe(`'${cell}`);
    });
  }

  it("leaves ordinary text, and = inside a cell, as it is", () => {
    for (const s of ["Museum", "Ωmega", "a=b", "x ＝ y", "\u200Bword"]) expect(csvCell(s)).toBe(s);
  });

  it("neutralises a full-width formula in a partner's name in the exported file", async () => {
    const name = `＝HYPERLINK("http://evil.example","${crypto.randomUUID().slice(0, 6)}")`;
    await makePartner({ name });
    const text = await (await call("GET", "/export/partners.csv")).text();
    const line = text.split("\r\n").find((l) => l.includes("evil.example"));
    expect(line).toContain(`"'＝HYPERLINK(""http://evil.example""`);
  });
});
