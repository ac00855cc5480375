import { describe, expect, it } from "vitest";
import { LanguageTag, normaliseUserName, PartnerInput, PartnerPatch, UserName } from "../../shared/schemas.ts";

const valid = {
  name: "  Národní muzeum ",
  kind: "museum",
  country: "CZ",
  languages: ["cs", "en"],
  offers: ["images", "data"],
  funding: "has_grant",
};

describe("PartnerInput", () => {
  it("trims and normalises text and fills defaults", () => {
    const p = PartnerInput.parse(valid);
    expect(p.name).toBe("Národní muzeum");
    expect(p).toMatchObject({ wikidata: null, projects: [], summary: "", asks: [], links: [], affiliate: null });
  });
  it("refuses repeated values, empty lists and unknown fields", () => {
    expect(PartnerInput.safeParse({ ...valid, languages: ["cs", "cs"] }).success).toBe(false);
    expect(PartnerInput.safeParse({ ...valid, offers: [] }).success).toBe(false);
    expect(PartnerInput.safeParse({ ...valid, status: "matched" }).success).toBe(false);
  });
  it("refuses control characters and bidi overrides in names, keeps newlines in summaries", () => {
    expect(PartnerInput.safeParse({ ...valid, name: "a\nb" }).success).toBe(false);
    expect(PartnerInput.safeParse({ ...valid, name: "\u202Egnp.exe" }).success).toBe(false);
    expect(PartnerInput.parse({ ...valid, summary: "line 1\r\nline 2" }).summary).toBe("line 1\nline 2");
  });
});

describe("PartnerPatch", () => {
  it("needs at least one field", () => {
    expect(PartnerPatch.safeParse({}).success).toBe(false);
    expect(PartnerPatch.safeParse({ summary: "x" }).success).toBe(true);
  });
});

describe("identifiers", () => {
  it("accepts BCP 47 tags and refuses others", () => {
    for (const t of ["de", "pt-BR", "zh-Hant-TW", "gsw", "sr-Latn"])
      expect(LanguageTag.safeParse(t).success, t).toBe(true);
    for (const t of ["DE", "english", "de_DE", "x", ""]) expect(LanguageTag.safeParse(t).success, t).toBe(false);
  });
  it("normalises wiki user names as MediaWiki does", () => {
    expect(normaliseUserName("  example_user  name ")).toBe("Example user name");
    expect(UserName.safeParse("Foo[bar]").success).toBe(false);
  });
});
