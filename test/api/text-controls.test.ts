/**
 * Text fields refuse C1 controls and lone surrogates with a 422 that names the field, on both
 * runtimes (D1 stored the invalid bytes, node:sqlite a U+FFFD), and keep real characters as typed.
 */
import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import {
  affiliateInput,
  call,
  COORDINATOR,
  expectError,
  bodyOf,
  makeAffiliate,
  makePartner,
  partnerInput,
  signIn,
  snapshot,
} from "./helpers.ts";

const BAD = {
  "NEL (U+0085)": "Museum\u0085Annex",
  "U+0080": "Museum \u0080",
  "U+009F": "\u009FMuseum",
  "a lone high surrogate": "Museum \ud800 of X",
  "a lone low surrogate": "Museum \udc00",
  "a high surrogate at the end": "Museum \ud83d",
};

/** The body as JSON text with the bad string written as \u escapes, as a client would send it. */
const withEscapes = (body: unknown) =>
  JSON.stringify(body).replace(
    /[\u0080-\u009f\ud800-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

describe("text with C1 controls or lone surrogates", () => {
  for (const [what, bad] of Object.entries(BAD)) {
    it(`is refused with 422 naming the field: ${what}`, async () => {
      const token = await signIn("Careful Referrer");
      const before = await snapshot();
      const cases: Array<[string, string, unknown, string]> = [
        ["POST", "/partners", partnerInput({ name: bad }), "name"],
        ["POST", "/partners", partnerInput({ summary: bad }), "summary"],
        ["POST", "/partners", partnerInput({ asks: ["fine", bad] }), "asks.1"],
        ["POST", "/partners", partnerInput({ contact: { name: bad, email: "", notes: "" } }), "contact.name"],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await call(method, path, { token, raw: withEscapes(body) });
        const error = await expectError(res, 422, "validation_failed");
        expect(error.details.issues?.[0]?.path, `${field}: ${what}`).toBe(field);
      }
      const coord = await signIn(COORDINATOR);
      const affiliate = await call("POST", "/affiliates", {
        token: coord,
        raw: withEscapes(affiliateInput("careful-aff", { name: bad })),
      });
      expect((await expectError(affiliate, 422)).details.issues?.[0]?.path).toBe("name");
      expect(await snapshot()).toBe(before);
    });
  }

  it("refuses them in a claim's message too", async () => {
    const partner = await makePartner();
    const affiliate = await makeAffiliate();
    const res = await call("POST", `/partners/${partner}/claims`, {
      token: await signIn("Careful Claimant"),
      raw: withEscapes({ affiliate, message: "We can \u0085 take it" }),
    });
    expect((await expectError(res, 422)).details.issues?.[0]?.path).toBe("message");
  });

  it("keeps characters outside the BMP and Latin-1 letters as typed", async () => {
    const name = `Ærø 🦉 Museum ${crypto.randomUUID().slice(0, 6)}`;
    const res = await call("POST", "/partners", {
      token: await signIn("Careful Referrer"),
      raw: withEscapes(partnerInput({ name, summary: "Ünïcödé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" })),
    });
    expect(res.status).toBe(201);
    const made = await bodyOf(res, PartnerDetail);
    const read = await bodyOf(await call("GET", `/partners/${made.id}`), PartnerDetail);
    expect([read.name, read.summary]).toEqual([name, "Ünïcödé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]);
  });
});
