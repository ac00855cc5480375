/**
 * What a signed-in person sees of notifications, and what coordinators see of the outbox: the
 * domain between the routes and the storage layer. "For you" reads the same outbox as the
 * talk-page delivery (scanning the log first, so it is current without waiting for a run).
 */
import {
  DEFAULT_NOTIFICATION_MODE,
  type Feed,
  type NotificationMode,
  type NotificationStatus,
} from "../../shared/notifications.ts";
import type { Config } from "../config.ts";
import type { SqlDatabase } from "../storage/db.ts";
import {
  countNoticesAfter,
  deliveryStatus,
  getPreference,
  markSeen,
  noticeScanCursor,
  noticesFor,
  setPreference,
} from "../storage/notifications.ts";
import { scanEvents } from "./job.ts";

const FEED_SIZE = 100;

export async function preferencesOf(db: SqlDatabase, user: string): Promise<{ notifications: NotificationMode }> {
  return { notifications: (await getPreference(db, user)).mode ?? DEFAULT_NOTIFICATION_MODE };
}

export async function choose(db: SqlDatabase, user: string, mode: NotificationMode, at: string) {
  await setPreference(db, user, mode, at);
  return { notifications: mode };
}

/** The latest notices for `user`, newest first, with how many they have not seen. */
export async function feedOf(db: SqlDatabase, config: Config, user: string): Promise<Feed> {
  await scanEvents(db, config);
  const { seenSeq } = await getPreference(db, user);
  const notices = await noticesFor(db, user, { after: 0, newest: true, limit: FEED_SIZE });
  return {
    items: notices.map((n) => ({ event: n.event, reason: n.reason, unseen: n.event.seq > seenSeq })),
    unseen: await countNoticesAfter(db, user, seenSeq),
    seenSeq,
  };
}

/** Marks everything up to `upTo` as seen (what the gadget showed, so a notice arriving meanwhile stays unseen). */
export async function markAllSeen(db: SqlDatabase, config: Config, user: string, upTo: number, at: string) {
  const { mode } = await getPreference(db, user);
  await markSeen(db, user, Math.min(upTo, await noticeScanCursor(db)), mode ?? DEFAULT_NOTIFICATION_MODE, at);
  return feedOf(db, config, user);
}

export async function outboxStatus(db: SqlDatabase): Promise<NotificationStatus> {
  const rows = await deliveryStatus(db);
  const recipients = rows.map((r) => ({
    user: r.recipient,
    // A failure stays a failure until a delivery succeeds; otherwise waiting notices make it pending.
    state: r.state !== "failed" && r.pending > 0 ? ("pending" as const) : r.state,
    detail: r.detail,
    pending: r.pending,
    deliveredTo: r.deliveredSeq,
    lastSentAt: r.lastSentAt,
    lastAttemptAt: r.lastAttemptAt,
    revid: r.revid,
    sections: r.sections,
  }));
  const totals = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of recipients) totals[r.state]++;
  return { scannedTo: await noticeScanCursor(db), totals, recipients };
}
