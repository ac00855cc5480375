/** Bad input gets a clear 4xx in the error shape and changes no row. */
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../shared/api.ts";
import {
  act,
  call,
  COORDINATOR,
  expectError,
  makeAffiliate,
  makeClaim,
  makePartner,
  partnerInput,
  signIn,
  snapshot,
} from "./helpers.ts";

const HOSTILE = [
  "'; DROP TABLE partner; --",
  "Robert\u0000Tables",
  "<script>alert(1)</script>",
  "{{subst:Main Page}}",
  "\u202Eevil",
  "a".repeat(100_000),
];

async function refusedWithoutChange(res: Promise<Response>, status: number, code?: ErrorCode) {
  const before = await snapshot();
  const error = await expectError(await res, status, code);
  expect(await snapshot()).toBe(before);
  return error;
}

describe("bodies that are not what the API takes", () => {
  it("malformed JSON → 400 bad_request", async () => {
    const token = await signIn("Fuzzy User");
    const before = await snapshot();
    await expectError(await call("POST", "/partners", { token, raw: '{"name": ' }), 400, "bad_request");
    expect(await snapshot()).toBe(before);
  });

  it("a body that is not JSON at all → 4xx, nothing created", async () => {
    const token = await signIn("Fuzzy User");
    const before = await snapshot();
    const res = await call("POST", "/partners", {
      token,
      raw: "name=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });

  it("wrong types → 422 naming the field", async () => {
    const token = await signIn("Fuzzy User");
    const before = await snapshot();
    const err = await expectError(
      await call("POST", "/partners", { token, body: { ...partnerInput(), languages: "de" } }),
      422,
      "validation_failed",
    );
    expect(err.message).toContain("languages");
    expect(err.details.issues?.[0]?.path).toBe("languages");
    expect(await snapshot()).toBe(before);
  });

  it("unknown fields → 422", async () => {
    const token = await signIn("Fuzzy User");
    const before = await snapshot();
    await expectError(await call("POST", "/partners", { token, body: { ...partnerInput(), isAdmin: true } }), 422);
    expect(await snapshot()).toBe(before);
  });

  it("values outside the vocabularies → 422", async () => {
    const token = await signIn("Fuzzy User");
    for (const bad of [
      { kind: "castle" },
      { country: "XX" },
      { languages: ["not a tag"] },
      { offers: [] },
      { funding: "lots" },
      { wikidata: "P31" },
      { links: [{ label: "x", url: "javascript:alert(1)" }] },
    ]) {
      const before = await snapshot();
      await expectError(
        await call("POST", "/partners", { token, body: { ...partnerInput(), ...bad } }),
        422,
        "validation_failed",
      );
      expect(await snapshot()).toBe(before);
    }
  });

  it("says in each issue what failed: zod's code, the limit or the rule, so clients can word it", async () => {
    const token = await signIn("Fuzzy User");
    const languages = Array.from({ length: 21 }, (_, i) => `a${String.fromCharCode(97 + i)}`);
    const err = await expectError(
      await call("POST", "/partners", {
        token,
        body: { ...partnerInput(), languages, country: "XX", wikidata: "P31" },
      }),
      422,
      "validation_failed",
    );
    expect(err.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "languages", code: "too_big", origin: "array", maximum: 20 }),
        expect.objectContaining({ path: "country", code: "custom", rule: "country" }),
        expect.objectContaining({ path: "wikidata", code: "invalid_format", rule: "qid" }),
      ]),
    );
  });

  it("oversized bodies → 413 payload_too_large", async () => {
    const token = await signIn("Fuzzy User");
    const before = await snapshot();
    await expectError(
      await call("POST", "/partners", { token, body: { ...partnerInput(), summary: "x".repeat(70_000) } }),
      413,
      "payload_too_large",
    );
    expect(await snapshot()).toBe(before);
  });

  it("hostile strings: control characters and over-long text are refused; the rest is stored verbatim", async () => {
    const token = await signIn("Fuzzy User");
    for (const name of HOSTILE) {
      const before = await snapshot();
      const res = await call("POST", "/partners", { token, body: partnerInput({ name }) });
      if (/[\u0000-\u001f\u202e]/.test(name) || name.length > 200) {
        if (name.length < 60_000) await expectError(res, 422, "validation_failed");
        else await expectError(res, 413);
        expect(await snapshot()).toBe(before);
      } else {
        expect(res.status).toBe(201);
        expect(((await res.json()) as { name: string }).name).toBe(name);
      }
    }
  });

  it("transitions with bad bodies change nothing", async () => {
    const affiliate = await makeAffiliate();
    const claim = await makeClaim(await makePartner(), affiliate, "Fuzzy User");
    await refusedWithoutChange(act("accept", claim.id, COORDINATOR, { version: "two" }), 422);
    await refusedWithoutChange(act("progress", claim.id, COORDINATOR, { stage: "celebrating" }), 422);
    await refusedWithoutChange(act("handover", claim.id, COORDINATOR, { to: -1, reason: "x" }), 422);
    await refusedWithoutChange(call("POST", "/claims/abc/accept", { token: await signIn(COORDINATOR), body: {} }), 422);
  });

  it("bad query parameters → 422; a forged cursor → 400", async () => {
    await expectError(await call("GET", "/partners?kind=castle"), 422);
    await expectError(await call("GET", "/partners?limit=100000"), 422);
    await expectError(await call("GET", "/partners?sort=random"), 422);
    await expectError(await call("GET", "/partners?cursor=not-a-cursor"), 400, "bad_request");
  });

  it("unknown routes → 404 in the error shape", async () => {
    await expectError(await call("GET", "/nothing-here"), 404, "not_found");
  });

  it("a malformed Authorization header or a forged token → 401", async () => {
    await refusedWithoutChange(
      call("POST", "/partners", { body: partnerInput(), headers: { Authorization: "Basic abc" } }),
      401,
      "unauthorized",
    );
    const token = await signIn("Fuzzy User");
    const [h, p] = token.split(".");
    const forged = `${h}.${p}.${"A".repeat(43)}`;
    const res = await call("POST", "/partners", { token: forged, body: partnerInput() });
    await expectError(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
  });
});
