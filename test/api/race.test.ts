/**
 * Many clients at once: concurrent accepts and claims on the same partners
 * give exactly one lead per partner and lose no claim, and the event log
 * holds exactly one event per change that happened.
 */
import { describe, expect, it } from "vitest";
import { call, COORDINATOR, db, makeAffiliate, makePartner, signIn } from "./helpers.ts";

describe("races", () => {
  it("concurrent claims and accepts: one lead per partner, no claim lost, one event per change", async () => {
    const PARTNERS = 5;
    const AFFILIATES = 8;
    const coord = await signIn(COORDINATOR);
    const partners = await Promise.all(Array.from({ length: PARTNERS }, () => makePartner()));
    const affiliates: string[] = [];
    for (let i = 0; i < AFFILIATES; i++) affiliates.push(await makeAffiliate());
    const users = await Promise.all(affiliates.map((_, i) => signIn(`Racer ${i}`)));
    const startSeq = (await db.prepare("SELECT coalesce(max(seq), 0) AS s FROM event").first<{ s: number }>())!.s;

    // Every affiliate claims every partner twice at once: only one of each pair may succeed.
    const claimResults = await Promise.all(
      partners.flatMap((p) =>
        affiliates.flatMap((a, i) =>
          [0, 1].map(() =>
            call("POST", `/partners/${p}/claims`, { token: users[i]!, body: { affiliate: a } }).then((r) => r.status),
          ),
        ),
      ),
    );
    expect(claimResults.filter((s) => s === 201)).toHaveLength(PARTNERS * AFFILIATES);
    expect(claimResults.filter((s) => s === 409)).toHaveLength(PARTNERS * AFFILIATES);

    const { results: claims } = await db
      .prepare(`SELECT id, partner_id FROM claim WHERE partner_id IN (SELECT value FROM json_each(?1)) ORDER BY id`)
      .bind(JSON.stringify(partners))
      .all<{ id: number; partner_id: string }>();
    expect(claims).toHaveLength(PARTNERS * AFFILIATES);

    // The coordinator (in several tabs) accepts every claim at once, each three times.
    const acceptResults = await Promise.all(
      claims.flatMap((c) =>
        [0, 1, 2].map(() => call("POST", `/claims/${c.id}/accept`, { token: coord, body: {} }).then((r) => r.status)),
      ),
    );
    expect(acceptResults.filter((s) => s === 200)).toHaveLength(PARTNERS);
    expect(acceptResults.every((s) => s === 200 || s === 409)).toBe(true);

    for (const p of partners) {
      const leads = await db
        .prepare(`SELECT count(*) AS n FROM claim WHERE partner_id = ?1 AND status = 'lead'`)
        .bind(p)
        .first<{ n: number }>();
      expect(leads!.n).toBe(1);
      const interested = await db
        .prepare(`SELECT count(*) AS n FROM claim WHERE partner_id = ?1 AND status = 'interested'`)
        .bind(p)
        .first<{ n: number }>();
      expect(interested!.n).toBe(AFFILIATES - 1);
    }
    const events = await db
      .prepare(`SELECT type, count(*) AS n FROM event WHERE seq > ?1 GROUP BY type ORDER BY type`)
      .bind(startSeq)
      .all<{ type: string; n: number }>();
    expect(events.results).toEqual([
      { type: "claim.accepted", n: PARTNERS },
      { type: "claim.created", n: PARTNERS * AFFILIATES },
    ]);
  });

  it("concurrent edits with the same If-Match: exactly one wins, the rest get 412", async () => {
    const id = await makePartner({}, "Race Referrer");
    const token = await signIn("Race Referrer");
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("PATCH", `/partners/${id}`, {
          token,
          body: { summary: `edit ${i}` },
          headers: { "If-Match": '"1"' },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const row = await db.prepare(`SELECT version FROM partner WHERE id = ?1`).bind(id).first<{ version: number }>();
    expect(row!.version).toBe(2);
  });
});
