/**
 * The stale-lead cycle: a lead with no progress for STALE_AFTER_DAYS is marked
 * stale (shown to coordinators and on the wiki); STALE_GRACE_DAYS later it is
 * released and the partner is open again. Each step is an event.
 */
import type { Config } from "../config.ts";
import { leadsToMarkStale, markStale, releaseStale, staleLeadsToRelease } from "../storage/claims.ts";
import { commit } from "../storage/commit.ts";
import type { SqlDatabase } from "../storage/db.ts";

export const STALE_ACTOR = "partnerhub (stale leads)";
const DAY_MS = 86_400_000;

export interface StaleRun {
  marked: number[];
  released: number[];
}

export async function runStaleLeads(db: SqlDatabase, config: Config, now: Date): Promise<StaleRun> {
  const at = now.toISOString();
  const staleCutoff = new Date(now.getTime() - config.staleAfterDays * DAY_MS).toISOString();
  const releaseCutoff = new Date(now.getTime() - config.staleGraceDays * DAY_MS).toISOString();
  const run: StaleRun = { marked: [], released: [] };

  for (const lead of await staleLeadsToRelease(db, releaseCutoff)) {
    const result = await commit(
      db,
      releaseStale(db, lead.id, releaseCutoff, at, {
        at,
        actor: STALE_ACTOR,
        type: "claim.released",
        partner: lead.partner_id,
        affiliate: lead.affiliate_id,
        claim: lead.id,
        data: { reason: "stale", staleSince: lead.stale_since, graceDays: config.staleGraceDays },
      }),
    );
    if (result.ok) run.released.push(lead.id);
  }
  for (const lead of await leadsToMarkStale(db, staleCutoff)) {
    const result = await commit(
      db,
      markStale(db, lead.id, staleCutoff, at, {
        at,
        actor: STALE_ACTOR,
        type: "claim.stale",
        partner: lead.partner_id,
        affiliate: lead.affiliate_id,
        claim: lead.id,
        data: { lastProgress: lead.progress_at ?? lead.lead_since, afterDays: config.staleAfterDays },
      }),
    );
    if (result.ok) run.marked.push(lead.id);
  }
  return run;
}
