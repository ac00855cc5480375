/**
 * The invariants under concurrency, on each runtime: the partial unique index
 * (one lead per partner) and the guarded event (a lost race leaves nothing).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { ClaimResponse } from "../../shared/api.ts";
import { harness } from "#harness";
import { affiliateInput, call, COORDINATOR, bodyOf, partnerInput, signIn } from "./helpers.ts";

const N = 50;

describe(`${N} concurrent accepts on one partner`, () => {
  let coordinator: string;
  const claimIds: number[] = [];

  beforeAll(async () => {
    coordinator = await signIn(COORDINATOR);
    expect(
      (await call("POST", "/partners", { token: coordinator, body: partnerInput({ id: "raced-museum" }) })).status,
    ).toBe(201);
    for (let i = 0; i < N; i++) {
      const id = `affiliate-${i}`;
      expect((await call("POST", "/affiliates", { token: coordinator, body: affiliateInput(id) })).status).toBe(201);
      const made = await call("POST", "/partners/raced-museum/claims", { token: coordinator, body: { affiliate: id } });
      expect(made.status).toBe(201);
      claimIds.push((await bodyOf(made, ClaimResponse)).claim.id);
    }
  });

  it("make exactly one lead; the others get 409 and leave no event", async () => {
    const results = await Promise.all(
      claimIds.map((id) => call("POST", `/claims/${id}/accept`, { token: coordinator, body: {} })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);

    const winner = (await bodyOf(results.find((r) => r.status === 200)!, ClaimResponse)).claim;
    const partner = await bodyOf(await call("GET", "/partners/raced-museum"), PartnerDetail);
    expect(partner).toMatchObject({ status: "matched", lead: { claim: winner.id, affiliate: winner.affiliate } });

    const leads = await harness.db
      .prepare("SELECT count(*) AS n FROM claim WHERE partner_id = ?1 AND status = 'lead'")
      .bind("raced-museum")
      .first<{ n: number }>();
    const accepted = await harness.db
      .prepare("SELECT count(*) AS n FROM event WHERE type = 'claim.accepted'")
      .first<{ n: number }>();
    expect(leads?.n).toBe(1);
    expect(accepted?.n).toBe(1);
  });

  it(`of the same claim, ${N} times at once, succeed once`, async () => {
    await call("POST", "/partners", { token: coordinator, body: partnerInput({ id: "raced-again" }) });
    const made = await call("POST", "/partners/raced-again/claims", {
      token: coordinator,
      body: { affiliate: "affiliate-0" },
    });
    const id = (await bodyOf(made, ClaimResponse)).claim.id;
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        call("POST", `/claims/${id}/accept`, { token: coordinator, body: { version: 1 } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(N - 1);
  });
});
