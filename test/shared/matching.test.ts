import { describe, expect, it } from "vitest";
import { affiliatesFor, fit, partnersFor } from "../../shared/matching.ts";
import type { Affiliate, Partner } from "../../shared/schemas.ts";

const T = "2026-01-01T00:00:00Z";
const aff = (
  id: string,
  countries: string[],
  languages: string[],
  capabilities: Affiliate["capabilities"],
): Affiliate => ({
  id,
  name: id.toUpperCase(),
  kind: "chapter",
  wikiPage: id,
  countries,
  languages,
  capabilities,
  representatives: [],
  createdAt: T,
  updatedAt: T,
  version: 1,
});
const part = (
  id: string,
  country: string,
  languages: string[],
  offers: Partner["offers"],
  over: Partial<Partner> = {},
): Partner => ({
  id,
  name: id,
  wikidata: null,
  website: null,
  kind: "museum",
  country,
  languages,
  offers,
  projects: [],
  funding: "none",
  summary: "",
  asks: [],
  links: [],
  referredBy: { user: "U", affiliate: null },
  status: "open",
  lead: null,
  interested: [],
  createdAt: T,
  updatedAt: T,
  version: 1,
  ...over,
});

describe("fit", () => {
  it("needs something the affiliate can take on", () => {
    expect(fit(part("p", "DE", ["de"], ["images"]), aff("a", ["DE"], ["de"], ["training"])).score).toBe(0);
  });

  it("needs the country or a shared language", () => {
    expect(fit(part("p", "JP", ["ja"], ["images"]), aff("a", ["DE"], ["de"], ["images"])).score).toBe(0);
    expect(fit(part("p", "AT", ["de-AT"], ["images"]), aff("a", ["DE"], ["de"], ["images"])).reasons).toEqual({
      country: false,
      languages: ["de"],
      offers: ["images"],
    });
  });

  it("weighs country, languages and offers", () => {
    expect(
      fit(part("p", "DE", ["de", "en"], ["images", "data"]), aff("a", ["DE"], ["de", "en"], ["images", "data"])).score,
    ).toBe(4 + 2 * 2 + 3 * 2);
  });
});

describe("ranking", () => {
  const p = part("p", "CZ", ["cs"], ["images", "training"]);
  const prague = aff("prague", ["CZ"], ["cs"], ["images", "training"]);
  const slovakia = aff("sk", ["SK"], ["cs", "sk"], ["images"]);
  const germany = aff("de", ["DE"], ["de"], ["images"]);

  it("ranks the affiliates that fit a partner, best first, and drops those that do not", () => {
    expect(affiliatesFor(p, [germany, slovakia, prague]).map((r) => r.item.id)).toEqual(["prague", "sk"]);
  });

  it("ranks open partners for an affiliate, leaving out those it already claimed and those taken", () => {
    const other = part("q", "CZ", ["cs"], ["images"]);
    const claimed = part("r", "CZ", ["cs"], ["images"], { interested: ["prague"] });
    const taken = part("s", "CZ", ["cs"], ["images"], { status: "matched" });
    expect(partnersFor(prague, [other, claimed, taken, p]).map((r) => r.item.id)).toEqual(["p", "q"]);
  });
});
