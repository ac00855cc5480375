/**
 * What a signed-in person sees of notifications, and what coordinators see of the outbox: the
 * domain between the routes and the storage layer. "For you" reads the same outbox as the
 * talk-page delivery. Each read is one round trip with who is asking; when the log holds events
 * the outbox has not scanned yet, the scan runs first (the notification run's work, with its own
 * round trips) so that the feed is current without waiting for a run.
 */
import type { Feed, NotificationStatus } from "../../shared/api.ts";
import { DEFAULT_NOTIFICATION_MODE, type NotificationMode } from "../../shared/notifications.ts";
import type { Config } from "../config.ts";
import type { Asker } from "../context.ts";
import { commitThen } from "../storage/commit.ts";
import { type Read, readAll, type SqlDatabase, together } from "../storage/db.ts";
import { latestSeq } from "../storage/events.ts";
import {
  deliveryStatus,
  markSeen,
  noticesRead,
  preference,
  preferenceWrite,
  scanCursor,
  unseenNotices,
} from "../storage/notifications.ts";
import { scanEvents } from "./job.ts";

const FEED_SIZE = 100;

const NOTHING = <T>(value: T): Read<T> => ({ statements: [], parse: () => value });

export async function preferencesOf(db: SqlDatabase, asker: Asker): Promise<{ notifications: NotificationMode }> {
  const user = asker.user();
  const [pref] = await asker.read([user ? preference(db, user.name) : NOTHING({ mode: null, seenSeq: 0 })]);
  asker.signedIn();
  return { notifications: pref.mode ?? DEFAULT_NOTIFICATION_MODE };
}

/** Two round trips: who is asking (and the write limit), then the choice. */
export async function choose(db: SqlDatabase, asker: Asker, mode: NotificationMode, at: string) {
  await asker.read([]);
  const caller = asker.writer();
  await db.batch([preferenceWrite(db, caller.user.name, mode, at)]);
  return { notifications: mode };
}

/** The feed's reads: the seen mark, the latest notices, how many are unseen. */
function feedRead(db: SqlDatabase, user: string): Read<Feed> {
  const read = together([
    preference(db, user),
    noticesRead(db, user, { after: 0, newest: true, limit: FEED_SIZE }),
    unseenNotices(db, user),
  ]);
  return {
    statements: read.statements,
    parse: (results) => {
      const [{ seenSeq }, notices, unseen] = read.parse(results);
      return {
        items: notices.map((n) => ({ event: n.event, reason: n.reason, unseen: n.event.seq > seenSeq })),
        unseen,
        seenSeq,
      };
    },
  };
}

/** Whether the outbox has scanned the whole log. */
const scanState = (db: SqlDatabase) => together([scanCursor(db), latestSeq(db)]);

/** The latest notices for the caller, newest first, with how many they have not seen. */
export async function feedOf(db: SqlDatabase, config: Config, asker: Asker): Promise<Feed> {
  const user = asker.user();
  const [[scanned, latest], feed] = await asker.read([
    scanState(db),
    user ? feedRead(db, user.name) : NOTHING({ items: [], unseen: 0, seenSeq: 0 }),
  ]);
  const caller = asker.signedIn();
  if (scanned >= latest) return feed;
  await scanEvents(db, config, { scanned, latest });
  return (await readAll(db, [feedRead(db, caller.user.name)]))[0];
}

/**
 * Marks everything up to `upTo` as seen (what the gadget showed, so a notice arriving meanwhile
 * stays unseen), and answers with the feed after it, read in the same batch.
 */
export async function markAllSeen(db: SqlDatabase, config: Config, asker: Asker, upTo: number, at: string) {
  const [[scanned, latest]] = await asker.read([scanState(db)]);
  const caller = asker.writer();
  if (scanned < latest) await scanEvents(db, config, { scanned, latest });
  const user = caller.user.name;
  const result = await commitThen(db, [markSeen(db, user, upTo, DEFAULT_NOTIFICATION_MODE, at)], feedRead(db, user));
  if (!result.ok) throw new Error("marking notices as seen changed no row");
  return result.value;
}

export async function outboxStatus(db: SqlDatabase, asker: Asker): Promise<NotificationStatus> {
  const [rows, scannedTo] = await asker.read([deliveryStatus(db), scanCursor(db)]);
  asker.coordinator();
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
  return { scannedTo, totals, recipients };
}
