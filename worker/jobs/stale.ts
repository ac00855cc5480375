/**
 * The stale-lead cycle: a lead with no progress for STALE_AFTER_DAYS is marked
 * stale (shown to coordinators and on the wiki); STALE_GRACE_DAYS later it is
 * released and the partner is open again. Each step is an event.
 */
import { releaseCutoff as releaseCutoffOf, staleCutoff as staleCutoffOf } from "../../shared/claim-machine.ts";
import type { Config } from "../config.ts";
import { leadsToMarkStale, markStale, releaseStale, staleLeadsToRelease, type ClaimRow } from "../storage/claims.ts";
import { commit } from "../storage/commit.ts";
import type { SqlDatabase, SqlStatement } from "../storage/db.ts";
import type { NewEvent } from "../storage/events.ts";

export const STALE_ACTOR = "partnerhub (stale leads)";

export interface StaleRun {
  marked: number[];
  released: number[];
}

export async function runStaleLeads(db: SqlDatabase, config: Config, now: Date): Promise<StaleRun> {
  const at = now.toISOString();
  const staleCutoff = staleCutoffOf(now, config.staleAfterDays);
  const releaseCutoff = releaseCutoffOf(now, config.staleGraceDays);
  const run: StaleRun = { marked: [], released: [] };

  const step = async (
    leads: ClaimRow[],
    type: "claim.released" | "claim.stale",
    into: number[],
    change: (lead: ClaimRow, event: NewEvent) => SqlStatement[],
    data: (lead: ClaimRow) => Record<string, unknown>,
  ) => {
    for (const lead of leads) {
      const event: NewEvent = {
        at,
        actor: STALE_ACTOR,
        type,
        partner: lead.partner_id,
        affiliate: lead.affiliate_id,
        claim: lead.id,
        data: data(lead),
      };
      // A lead that made progress (or was released) meanwhile fails its guard and is skipped.
      if ((await commit(db, change(lead, event))).ok) into.push(lead.id);
    }
  };
  await step(
    await staleLeadsToRelease(db, releaseCutoff),
    "claim.released",
    run.released,
    (lead, event) => releaseStale(db, lead.id, releaseCutoff, at, event),
    (lead) => ({ reason: "stale", staleSince: lead.stale_since, graceDays: config.staleGraceDays }),
  );
  await step(
    await leadsToMarkStale(db, staleCutoff),
    "claim.stale",
    run.marked,
    (lead, event) => markStale(db, lead.id, staleCutoff, at, event),
    (lead) => ({ lastProgress: lead.progress_at ?? lead.lead_since, afterDays: config.staleAfterDays }),
  );
  return run;
}
