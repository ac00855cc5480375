/** What the Cron Trigger (or the Node timer) runs: the stale-lead cycle and its warnings, then the mirror (and its notices) when configured. */
import type { Deps } from "../context.ts";
import { mirrorConfigured, type MirrorRunner } from "../mirror/runner.ts";
import { backfillIntakeKeys } from "../storage/intake.ts";
import { runStaleWarnings } from "../notify/stale-warnings.ts";
import { runStaleLeads } from "./stale.ts";

export async function runScheduled(deps: Deps, cron: string, runMirror: MirrorRunner | null): Promise<void> {
  const keyed = await backfillIntakeKeys(deps.db);
  if (keyed > 0) console.log(`scheduled(${cron}): duplicate keys given to ${keyed} partners`);
  const stale = await runStaleLeads(deps.db, deps.config, deps.now());
  const warned = await runStaleWarnings(deps.db, deps.config, deps.now());
  console.log(
    `scheduled(${cron}): stale leads marked ${stale.marked.length}, released ${stale.released.length}, warned ${warned.stale.length + warned.release.length}`,
  );
  if (runMirror && mirrorConfigured(deps.config)) await runMirror(deps);
}
