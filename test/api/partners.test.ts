import { describe, expect, it } from "vitest";
import { harness } from "#harness";
import { call, partnerInput, signIn } from "./helpers.ts";

describe("POST /partners", () => {
  it("refers a partner with a development session, and records the event in the same batch", async () => {
    const token = await signIn("Referring User");
    const res = await call("POST", "/partners", { token, body: partnerInput({ id: "museum-of-tests", wikidata: "Q123" }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: "museum-of-tests", status: "open", referredBy: { user: "Referring User" }, version: 1 });
    expect(res.headers.get("ETag")).toBe('"1"');

    const events = await harness.db
      .prepare("SELECT type, actor FROM event WHERE partner_id = ?1")
      .bind("museum-of-tests")
      .all<{ type: string; actor: string }>();
    expect(events.results).toEqual([{ type: "partner.referred", actor: "Referring User" }]);
  });

  it("refuses the same Wikidata item twice with 409", async () => {
    const token = await signIn("Referring User");
    const res = await call("POST", "/partners", { token, body: partnerInput({ id: "museum-again", wikidata: "Q123" }) });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toMatch(/conflict/);
  });

  it("refuses a caller without a session", async () => {
    const res = await call("POST", "/partners", { body: partnerInput() });
    expect(res.status).toBe(401);
  });
});
