import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { ClaimResponse, EventList, Health } from "../../shared/api.ts";
import worker from "../../worker/index.ts";
import { runStaleLeads, STALE_ACTOR } from "../../worker/jobs/stale.ts";
import { DAY_MS } from "../../shared/claim-machine.ts";
import { readConfig } from "../../worker/config.ts";
import { act, call, COORDINATOR, db, bodyOf, makeAffiliate, makeClaim, makePartner } from "../api/helpers.ts";

const config = readConfig(env as unknown as Record<string, unknown>);

async function lead() {
  const affiliate = await makeAffiliate({ reps: ["Slow Rep"] });
  const partner = await makePartner();
  const claim = await makeClaim(partner, affiliate, "Slow Rep");
  await act("accept", claim.id, COORDINATOR);
  return { partner, claim: claim.id };
}

describe("stale leads", () => {
  it("marks a lead stale after STALE_AFTER_DAYS without progress, then releases it after the grace period", async () => {
    const { partner, claim } = await lead();
    const t0 = Date.now();
    const early = await runStaleLeads(db, config, new Date(t0 + (config.staleAfterDays - 1) * DAY_MS));
    expect(early.marked).not.toContain(claim);

    const marked = await runStaleLeads(db, config, new Date(t0 + (config.staleAfterDays + 1) * DAY_MS));
    expect(marked.marked).toContain(claim);
    const shown = await bodyOf(await call("GET", `/partners/${partner}`), PartnerDetail);
    expect(shown.lead).toMatchObject({
      claim,
      staleSince: new Date(t0 + (config.staleAfterDays + 1) * DAY_MS).toISOString(),
    });
    const again = await runStaleLeads(db, config, new Date(t0 + (config.staleAfterDays + 2) * DAY_MS));
    expect(again.marked).not.toContain(claim);
    expect(again.released).not.toContain(claim);

    const released = await runStaleLeads(
      db,
      config,
      new Date(t0 + (config.staleAfterDays + config.staleGraceDays + 2) * DAY_MS),
    );
    expect(released.released).toContain(claim);
    const p = await bodyOf(await call("GET", `/partners/${partner}`), PartnerDetail);
    expect(p.status).toBe("open");
    const types = (await bodyOf(await call("GET", `/events?partner=${partner}`), EventList)).events
      .filter((e) => e.actor === STALE_ACTOR)
      .map((e: { type: string; data: { reason?: string } }) => `${e.type}${e.data.reason ? `:${e.data.reason}` : ""}`);
    expect(types).toEqual(["claim.stale", "claim.released:stale"]);
  });

  it("progress restarts the clock and clears the stale mark", async () => {
    const { claim } = await lead();
    const t0 = Date.now();
    expect((await runStaleLeads(db, config, new Date(t0 + (config.staleAfterDays + 1) * DAY_MS))).marked).toContain(
      claim,
    );
    const res = await act("progress", claim, "Slow Rep", { stage: "contacted", note: "called them" });
    expect((await bodyOf(res, ClaimResponse)).claim.staleSince).toBeNull();
    const later = await runStaleLeads(
      db,
      config,
      new Date(t0 + (config.staleAfterDays + config.staleGraceDays + 2) * DAY_MS),
    );
    expect(later.released).not.toContain(claim);
  });

  it("runs from the Cron Trigger", async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: "*/10 * * * *", scheduledTime: Date.now() }),
      env as never,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const status = await bodyOf(await call("GET", "/health"), Health);
    expect(status.status).toBe("ok");
  });
});
