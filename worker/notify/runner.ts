/**
 * Notices run wherever the mirror runs (the Cron Trigger, the Node timer, a coordinator's
 * "sync now"): this wraps a mirror runner so the notification run follows it, with the same
 * credentials. A notification failure never fails the mirror run; it is in /notifications/status.
 */
import type { MirrorRunner } from "../mirror/runner.ts";
import { type NotifyOptions, runNotifyJob } from "./job.ts";

export function withNotifications(runMirror: MirrorRunner, options: NotifyOptions = {}): MirrorRunner {
  return async (deps) => {
    await runMirror(deps);
    try {
      const run = await runNotifyJob(deps, options);
      if (run.posted.length || run.failed.length || run.skipped.length)
        console.log(
          `notifications: ${run.posted.length} posted, ${run.skipped.length} skipped, ${run.failed.length} failed`,
        );
    } catch (error) {
      console.error("notification run failed:", error);
    }
  };
}
