/**
 * Simultaneous referrals of one name, each confirmed as new (`confirmNew`: without it, all but one
 * are possible duplicates, see duplicates.test.ts), on each runtime: every one gets its own id, none a false 409.
 */
import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { call, db, bodyOf, partnerInput, signIn } from "./helpers.ts";

const N = 50;

describe(`${N} simultaneous referrals of the same name, confirmed as new`, () => {
  it("all succeed, each with its own id, each with one event", async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(`Simultaneous Referrer ${i}`)));
    const name = `Twin Museum ${crypto.randomUUID().slice(0, 6)}`;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call("POST", "/partners", { token: tokens[i % tokens.length], body: partnerInput({ name, confirmNew: true }) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
    const ids = await Promise.all(results.map(async (r) => (await bodyOf(r, PartnerDetail)).id));
    expect(new Set(ids).size).toBe(N);
    const events = await db
      .prepare(
        "SELECT count(*) AS n FROM event WHERE type = 'partner.referred' AND partner_id IN (SELECT id FROM partner WHERE name = ?1)",
      )
      .bind(name)
      .first<{ n: number }>();
    expect(events?.n).toBe(N);
  });

  it("still answers 409 when the caller chose an id that is taken", async () => {
    const token = await signIn("Simultaneous Referrer 0");
    const id = `chosen-${crypto.randomUUID().slice(0, 6)}`;
    expect((await call("POST", "/partners", { token, body: partnerInput({ id }) })).status).toBe(201);
    expect((await call("POST", "/partners", { token, body: partnerInput({ id }) })).status).toBe(409);
  });
});
