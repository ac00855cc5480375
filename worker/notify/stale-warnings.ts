/**
 * Warnings before the stale-lead cycle acts: STALE_WARN_DAYS before a lead is marked stale, and
 * again before a stale lead is released. Each warning is an event (`claim.stale_warning`), so it
 * reaches the lead's people through the same outbox as everything else, once per lead and clock:
 * progress recorded in time moves the clock, and no warning comes until it is due again.
 */
import type { Config } from "../config.ts";
import type { SqlDatabase } from "../storage/db.ts";
import { insertStaleWarning, leadsDueWarning } from "../storage/notifications.ts";

export const WARNING_ACTOR = "partnerhub (stale leads)";
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Writes the warnings due at `now`; returns the warned claim ids per step. */
export async function runStaleWarnings(
  db: SqlDatabase,
  config: Config,
  now: Date,
): Promise<{ stale: number[]; release: number[] }> {
  const at = now.toISOString();
  const warned = { stale: [] as number[], release: [] as number[] };
  const steps = [
    ["stale", config.staleAfterDays],
    ["release", config.staleGraceDays],
  ] as const;
  for (const [step, days] of steps) {
    const lead = Math.max(0, days - config.staleWarnDays);
    const cutoff = new Date(now.getTime() - lead * DAY_MS).toISOString();
    for (const due of await leadsDueWarning(db, step, cutoff)) {
      const when = day(Date.parse(due.since) + days * DAY_MS);
      if (await insertStaleWarning(db, due, step, { at, actor: WARNING_ACTOR, due: when }))
        warned[step].push(due.claim);
    }
  }
  return warned;
}
