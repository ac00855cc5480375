/** The demo directory loads into D1, obeys every invariant, and tells every part of the claim story. */
import { describe, expect, it } from "vitest";
import { AffiliateList } from "../../shared/api.ts";
import { PartnerList } from "../../shared/api.ts";
import { CLAIM_STATUSES, PARTNER_STATUSES } from "../../shared/vocabulary.ts";
import { demoSeedSql } from "../../worker/storage/seed/demo.ts";
import { call, db, bodyOf } from "./helpers.ts";

describe("demo seed", () => {
  it("is deterministic", () => {
    expect(demoSeedSql({ partners: 50, seed: 7 })).toEqual(demoSeedSql({ partners: 50, seed: 7 }));
    expect(demoSeedSql({ partners: 50, seed: 7 })).not.toEqual(demoSeedSql({ partners: 50, seed: 8 }));
  });

  it("loads, validates against the API's own schemas, and has claims in every state", async () => {
    for (const sql of demoSeedSql()) await db.prepare(sql).run();
    const res = await call("GET", "/partners?limit=500");
    const list = PartnerList.parse(await bodyOf(res, PartnerList));
    expect(list.total).toBe(120);
    const statuses = new Set(list.partners.map((p) => p.status));
    for (const s of PARTNER_STATUSES) expect(statuses, s).toContain(s);
    const { results } = await db.prepare("SELECT DISTINCT status FROM claim").all<{ status: string }>();
    expect(results.map((r) => r.status).sort()).toEqual([...CLAIM_STATUSES].sort());
    const stale = await db
      .prepare("SELECT count(*) AS n FROM claim WHERE stale_since IS NOT NULL AND status = 'lead'")
      .first<{ n: number }>();
    expect(stale!.n).toBeGreaterThan(0);
    const kinds = new Set(list.partners.map((p) => p.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(7);
    expect(new Set(list.partners.map((p) => p.country)).size).toBeGreaterThanOrEqual(12);
    const affiliates = await bodyOf(await call("GET", "/affiliates"), AffiliateList);
    expect(affiliates.affiliates.map((a) => a.id)).toContain("wiki-education");
  });
});
