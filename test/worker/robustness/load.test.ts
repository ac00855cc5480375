/**
 * Load: hundreds of concurrent, conflicting requests on the same partners in
 * three waves (claims; accepts racing withdrawals and late claims; hand-overs
 * racing accepts, withdrawals and completions). Afterwards: one lead per
 * partner (or its one completion), every 201 has its row, and the event log
 * holds exactly one event per change that succeeded, in an order that replays
 * to the stored state (invariants.ts).
 */
import { describe, expect, it } from "vitest";
import { ApiError, ClaimResponse, HandoverResponse } from "../../../shared/api.ts";
import type { Claim } from "../../../shared/schemas.ts";
import { bodyOf, call, COORDINATOR, db, makeAffiliate, makePartner, signIn } from "../../api/helpers.ts";
import { eventsAfter, lastSeq, violations } from "./invariants.ts";

const PARTNERS = 8;
const AFFILIATES = 10;

interface Sent {
  action: string;
  claim?: number;
  status: number;
  /** The claim a 201 made, and the new lead of a hand-over, as answered. */
  made?: Claim;
  lead?: Claim;
}

/** Every success and the events it must have written, as "type claimId" keys. */
function expectedEvents(results: Sent[]): string[] {
  return results.flatMap((r) => {
    if (r.status === 201) return [`claim.created ${r.made?.id}`];
    if (r.status !== 200) return [];
    if (r.action === "handover") return [`claim.handed_over ${r.claim}`, `claim.accepted ${r.lead?.id}`];
    const type = { accept: "claim.accepted", withdraw: "claim.withdrawn", complete: "claim.completed" }[r.action];
    return [`${type} ${r.claim}`];
  });
}

const shuffle = <T>(xs: T[]): T[] =>
  xs
    .map((x, i) => [((i * 7919) % 104729) ^ 0x5bd1, x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);

describe("load: concurrent conflicting claims, accepts and hand-overs", () => {
  it("one lead per partner, no claim lost, the event log complete and ordered", async () => {
    const coord = await signIn(COORDINATOR);
    const partners = await Promise.all(Array.from({ length: PARTNERS }, () => makePartner()));
    const affiliates: string[] = [];
    for (let i = 0; i < AFFILIATES; i++) affiliates.push(await makeAffiliate({ reps: [`Load Rep ${i}`] }));
    const reps = await Promise.all(affiliates.map((_, i) => signIn(`Load Rep ${i}`)));
    const startSeq = await lastSeq();
    const all: Sent[] = [];
    const send = async (action: string, path: string, token: string, body: unknown, claim?: number) => {
      const res = await call("POST", path, { token, body });
      const schema = res.status >= 400 ? ApiError : action === "handover" ? HandoverResponse : ClaimResponse;
      const answer = await bodyOf(res, schema);
      const sent: Sent = {
        action,
        claim,
        status: res.status,
        made: "claim" in answer && res.status === 201 ? answer.claim : undefined,
        lead: "lead" in answer ? answer.lead : undefined,
      };
      all.push(sent);
      return sent;
    };
    const claimsOf = async (status: string) =>
      (
        await db
          .prepare(
            `SELECT id, partner_id, affiliate_id FROM claim WHERE status = ?1 AND partner_id IN (SELECT value FROM json_each(?2)) ORDER BY id`,
          )
          .bind(status, JSON.stringify(partners))
          .all<{ id: number; partner_id: string; affiliate_id: string }>()
      ).results;

    // Wave 1: every affiliate claims every partner, twice at once.
    const wave1 = await Promise.all(
      shuffle(
        partners.flatMap((p) =>
          affiliates.flatMap((a, i) =>
            [0, 1].map(() => () => send("claim", `/partners/${p}/claims`, reps[i]!, { affiliate: a })),
          ),
        ),
      ).map((f) => f()),
    );
    expect(wave1.filter((r) => r.status === 201)).toHaveLength(PARTNERS * AFFILIATES);
    expect(wave1.every((r) => r.status === 201 || r.status === 409)).toBe(true);

    // Wave 2: the coordinator accepts every claim (two tabs) while the second half of the affiliates withdraw.
    const interested = await claimsOf("interested");
    const half = new Set(affiliates.slice(AFFILIATES / 2));
    const wave2 = await Promise.all(
      shuffle([
        ...interested.flatMap((c) => [0, 1].map(() => () => send("accept", `/claims/${c.id}/accept`, coord, {}, c.id))),
        ...interested
          .filter((c) => half.has(c.affiliate_id))
          .map(
            (c) => () =>
              send("withdraw", `/claims/${c.id}/withdraw`, reps[affiliates.indexOf(c.affiliate_id)]!, {}, c.id),
          ),
      ]).map((f) => f()),
    );
    expect(wave2.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await claimsOf("lead")).toHaveLength(PARTNERS);

    // Wave 3: hand each lead over to every interested claim at once, while those withdraw, get accepted,
    // and the leads of half the partners try to complete.
    const leads = await claimsOf("lead");
    const targets = await claimsOf("interested");
    const wave3 = await Promise.all(
      shuffle([
        ...leads.flatMap((l) =>
          targets
            .filter((t) => t.partner_id === l.partner_id)
            .map((t) => () => send("handover", `/claims/${l.id}/handover`, coord, { to: t.id, reason: "load" }, l.id)),
        ),
        // Half of the targets withdraw: on a partner whose lead does not complete, some hand-over must win.
        ...targets
          .filter((_, i) => i % 2 === 1)
          .map(
            (t) => () =>
              send("withdraw", `/claims/${t.id}/withdraw`, reps[affiliates.indexOf(t.affiliate_id)]!, {}, t.id),
          ),
        ...targets.map((t) => () => send("accept", `/claims/${t.id}/accept`, coord, {}, t.id)),
        ...leads
          .filter((_, i) => i % 2 === 0)
          .map(
            (l) => () =>
              send("complete", `/claims/${l.id}/complete`, reps[affiliates.indexOf(l.affiliate_id)]!, {}, l.id),
          ),
      ]).map((f) => f()),
    );
    expect(
      wave3.every((r) => r.status === 200 || r.status === 409),
      JSON.stringify(wave3.filter((r) => r.status >= 400 && r.status !== 409)),
    ).toBe(true);
    expect(all.length).toBeGreaterThan(400);
    // Each lead had one fate at most: handed over once, or completed, never both.
    for (const l of leads) {
      const won = wave3.filter(
        (r) => r.claim === l.id && r.status === 200 && (r.action === "handover" || r.action === "complete"),
      );
      expect(won.length, `lead ${l.id}`).toBeLessThanOrEqual(1);
    }
    for (const l of leads.filter((_, i) => i % 2 === 1)) {
      expect(
        wave3.some((r) => r.claim === l.id && r.action === "handover" && r.status === 200),
        `lead ${l.id} handed over`,
      ).toBe(true);
    }

    // One lead per partner, or the one completed claim that ended it.
    for (const p of partners) {
      const row = await db
        .prepare(
          `SELECT sum(status = 'lead') AS leads, sum(status = 'completed') AS done FROM claim WHERE partner_id = ?1`,
        )
        .bind(p)
        .first<{ leads: number; done: number }>();
      expect(row!.leads + row!.done, p).toBe(1);
    }
    // No claim lost: every 201 has its row, as answered.
    for (const r of all.filter((x) => x.status === 201)) {
      const row = await db
        .prepare(`SELECT partner_id AS partner, affiliate_id AS affiliate FROM claim WHERE id = ?1`)
        .bind(r.made!.id)
        .first();
      expect(row).toEqual({ partner: r.made!.partner, affiliate: r.made!.affiliate });
    }
    // The log: exactly the events of the successes, none of the refusals, and it replays to the stored state.
    const logged = (await eventsAfter(startSeq))
      .filter((e) => e.type.startsWith("claim."))
      .map((e) => `${e.type} ${e.claim_id}`);
    expect(logged.sort()).toEqual(expectedEvents(all).sort());
    expect(await violations()).toEqual({});
  }, 60_000);
});
