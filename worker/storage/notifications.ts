/**
 * SQL for notifications: preferences, the outbox rows a scan of the event log derives, the
 * delivery cursor per recipient, and the stale-lead warnings (events of their own).
 */
import type { NotificationMode } from "../../shared/notifications.ts";
import type { Event } from "../../shared/schemas.ts";
import { type Read, readAll, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { type EventRow, toEvent } from "./events.ts";

export interface NoticeRow {
  recipient: string;
  seq: number;
  reason: string;
  talk: boolean;
}

export async function noticeScanCursor(db: SqlDatabase): Promise<number> {
  return (await readAll(db, [scanCursor(db)]))[0];
}

/** How far the scan of the event log into the outbox has come. */
export function scanCursor(db: SqlDatabase): Read<number> {
  const read = rowOf<{ last_event: number }>(db.prepare(`SELECT last_event FROM notice_scan WHERE id = 1`));
  return { statements: read.statements, parse: (r) => read.parse(r)?.last_event ?? 0 };
}

/** Stores what a scan found and moves the scan cursor, in one batch; a repeated scan adds nothing. */
export async function saveNotices(db: SqlDatabase, notices: NoticeRow[], upTo: number): Promise<void> {
  const statements: SqlStatement[] = notices.map((n) =>
    db
      .prepare(`INSERT INTO notice (recipient, seq, reason, talk) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING`)
      .bind(n.recipient, n.seq, n.reason, n.talk ? 1 : 0),
  );
  statements.push(db.prepare(`UPDATE notice_scan SET last_event = max(last_event, ?1) WHERE id = 1`).bind(upTo));
  await db.batch(statements);
}

/** A recipient with talk-page notices after their cursor. */
export interface PendingRecipient {
  recipient: string;
  deliveredSeq: number;
  upTo: number;
  count: number;
  lastSentAt: string | null;
  mode: NotificationMode | null;
}

export async function pendingRecipients(db: SqlDatabase): Promise<PendingRecipient[]> {
  const { results } = await db
    .prepare(
      `SELECT n.recipient, coalesce(d.delivered_seq, 0) AS delivered_seq, max(n.seq) AS up_to, count(*) AS n,
              d.last_sent_at, p.mode
         FROM notice n
         LEFT JOIN notice_delivery d ON d.recipient = n.recipient
         LEFT JOIN notification_pref p ON p.user_name = n.recipient
        WHERE n.talk = 1 AND n.seq > coalesce(d.delivered_seq, 0)
        GROUP BY n.recipient
        ORDER BY min(n.seq), n.recipient`,
    )
    .all<{
      recipient: string;
      delivered_seq: number;
      up_to: number;
      n: number;
      last_sent_at: string | null;
      mode: NotificationMode | null;
    }>();
  return results.map((r) => ({
    recipient: r.recipient,
    deliveredSeq: r.delivered_seq,
    upTo: r.up_to,
    count: r.n,
    lastSentAt: r.last_sent_at,
    mode: r.mode,
  }));
}

/** A notice with its event, for a section or the gadget's "For you". */
export interface Notice {
  event: Event;
  reason: string;
  talk: boolean;
}

/** A recipient's notices after `after`, oldest first (`talkOnly`: those for the talk page). */
export async function noticesFor(db: SqlDatabase, ...args: NoticeQuery): Promise<Notice[]> {
  return (await readAll(db, [noticesRead(db, ...args)]))[0];
}

type NoticeQuery = [
  recipient: string,
  opts: { after: number; upTo?: number; talkOnly?: boolean; newest?: boolean; limit?: number },
];

export function noticesRead(db: SqlDatabase, ...[recipient, opts]: NoticeQuery): Read<Notice[]> {
  const read = rowsOf<EventRow & { notice_reason: string; notice_talk: number }>(
    db
      .prepare(
        `SELECT e.*, n.reason AS notice_reason, n.talk AS notice_talk FROM notice n JOIN event e ON e.seq = n.seq
          WHERE n.recipient = ?1 AND n.seq > ?2 AND n.seq <= ?3 AND (?4 = 0 OR n.talk = 1)
          ORDER BY n.seq ${opts.newest ? "DESC" : "ASC"} LIMIT ?5`,
      )
      .bind(recipient, opts.after, opts.upTo ?? Number.MAX_SAFE_INTEGER, opts.talkOnly ? 1 : 0, opts.limit ?? 500),
  );
  return {
    statements: read.statements,
    parse: (r) =>
      read.parse(r).map((row) => ({ event: toEvent(row), reason: row.notice_reason, talk: row.notice_talk === 1 })),
  };
}

export async function countNoticesAfter(
  db: SqlDatabase,
  recipient: string,
  after: number,
  talkOnly = false,
): Promise<number> {
  return (await readAll(db, [noticesAfter(db, recipient, after, talkOnly)]))[0];
}

/** How many notices a recipient has after `after`. */
export function noticesAfter(db: SqlDatabase, recipient: string, after: number, talkOnly = false): Read<number> {
  const read = rowOf<{ n: number }>(
    db
      .prepare(`SELECT count(*) AS n FROM notice WHERE recipient = ?1 AND seq > ?2 AND (?3 = 0 OR talk = 1)`)
      .bind(recipient, after, talkOnly ? 1 : 0),
  );
  return { statements: read.statements, parse: (r) => read.parse(r)?.n ?? 0 };
}

/**
 * The unseen count of the "For you" feed, counted after the seen mark the same batch reads
 * (`seen_seq` of notification_pref, 0 without a row): no round trip to learn the mark first.
 */
export function unseenNotices(db: SqlDatabase, recipient: string): Read<number> {
  const read = rowOf<{ n: number }>(
    db
      .prepare(
        `SELECT count(*) AS n FROM notice WHERE recipient = ?1
            AND seq > coalesce((SELECT seen_seq FROM notification_pref WHERE user_name = ?1), 0)`,
      )
      .bind(recipient),
  );
  return { statements: read.statements, parse: (r) => read.parse(r)?.n ?? 0 };
}

export type DeliveryState = "sent" | "failed" | "skipped";

export interface DeliveryOutcome {
  recipient: string;
  state: DeliveryState;
  detail: string;
  at: string;
  /** The new cursor; null keeps it (a failed attempt). */
  deliveredSeq: number | null;
  revid?: number | null;
  /** A section was posted by this attempt. */
  posted?: boolean;
}

/** Records an attempt; the cursor only moves forward. */
export async function recordDelivery(db: SqlDatabase, o: DeliveryOutcome): Promise<void> {
  await db
    .prepare(
      `INSERT INTO notice_delivery (recipient, delivered_seq, state, detail, last_sent_at, last_attempt_at, revid, sections)
       VALUES (?1, coalesce(?2, 0), ?3, ?4, CASE WHEN ?6 = 1 THEN ?5 END, ?5, ?7, ?6)
       ON CONFLICT (recipient) DO UPDATE SET
         delivered_seq = max(delivered_seq, coalesce(?2, delivered_seq)),
         state = ?3, detail = ?4,
         last_sent_at = CASE WHEN ?6 = 1 THEN ?5 ELSE last_sent_at END,
         last_attempt_at = ?5,
         revid = coalesce(?7, revid),
         sections = sections + ?6`,
    )
    .bind(o.recipient, o.deliveredSeq, o.state, o.detail.slice(0, 500), o.at, o.posted ? 1 : 0, o.revid ?? null)
    .run();
}

export interface DeliveryRow {
  recipient: string;
  deliveredSeq: number;
  state: DeliveryState | "pending";
  detail: string;
  lastSentAt: string | null;
  lastAttemptAt: string | null;
  revid: number | null;
  sections: number;
  pending: number;
}

/** Every recipient the outbox knows, with what is still pending for their talk page. */
export function deliveryStatus(db: SqlDatabase): Read<DeliveryRow[]> {
  const read = rowsOf<{
    recipient: string;
    delivered_seq: number;
    state: DeliveryState | null;
    detail: string | null;
    last_sent_at: string | null;
    last_attempt_at: string | null;
    revid: number | null;
    sections: number;
    pending: number;
  }>(
    db.prepare(
      `SELECT r.recipient, coalesce(d.delivered_seq, 0) AS delivered_seq, d.state, d.detail, d.last_sent_at,
              d.last_attempt_at, d.revid, coalesce(d.sections, 0) AS sections,
              (SELECT count(*) FROM notice n WHERE n.recipient = r.recipient AND n.talk = 1
                  AND n.seq > coalesce(d.delivered_seq, 0)) AS pending
         FROM (SELECT DISTINCT recipient FROM notice WHERE talk = 1) r
         LEFT JOIN notice_delivery d ON d.recipient = r.recipient
        ORDER BY r.recipient`,
    ),
  );
  return {
    statements: read.statements,
    parse: (rows) =>
      read.parse(rows).map((r) => ({
        recipient: r.recipient,
        deliveredSeq: r.delivered_seq,
        state: r.state ?? "pending",
        detail: r.detail ?? "",
        lastSentAt: r.last_sent_at,
        lastAttemptAt: r.last_attempt_at,
        revid: r.revid,
        sections: r.sections,
        pending: r.pending,
      })),
  };
}

export interface PreferenceRow {
  mode: NotificationMode | null;
  seenSeq: number;
}

export function preference(db: SqlDatabase, user: string): Read<PreferenceRow> {
  const read = rowOf<{ mode: NotificationMode; seen_seq: number }>(
    db.prepare(`SELECT mode, seen_seq FROM notification_pref WHERE user_name = ?1`).bind(user),
  );
  return {
    statements: read.statements,
    parse: (r) => {
      const row = read.parse(r);
      return { mode: row?.mode ?? null, seenSeq: row?.seen_seq ?? 0 };
    },
  };
}

export async function setPreference(db: SqlDatabase, user: string, mode: NotificationMode, at: string): Promise<void> {
  await db.batch([preferenceWrite(db, user, mode, at)]);
}

export function preferenceWrite(db: SqlDatabase, user: string, mode: NotificationMode, at: string): SqlStatement {
  return db
    .prepare(
      `INSERT INTO notification_pref (user_name, mode, updated_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (user_name) DO UPDATE SET mode = ?2, updated_at = ?3`,
    )
    .bind(user, mode, at);
}

/**
 * "Mark all as seen": the seen mark only moves forward, and never past what the scan has put in
 * the outbox (read in the same statement). A first mark keeps the default mode.
 */
export function markSeen(db: SqlDatabase, user: string, upTo: number, defaultMode: NotificationMode, at: string) {
  return db
    .prepare(
      `INSERT INTO notification_pref (user_name, mode, seen_seq, updated_at)
         VALUES (?1, ?4, min(?2, coalesce((SELECT last_event FROM notice_scan WHERE id = 1), 0)), ?3)
       ON CONFLICT (user_name) DO UPDATE SET seen_seq = max(seen_seq, excluded.seen_seq), updated_at = ?3`,
    )
    .bind(user, upTo, at, defaultMode);
}

/** Verified representatives of every affiliate. */
export function verifiedRepresentatives(db: SqlDatabase): Read<Map<string, string[]>> {
  const read = rowsOf<{ affiliate_id: string; user_name: string }>(
    db.prepare(`SELECT affiliate_id, user_name FROM representative WHERE status = 'verified' ORDER BY user_name`),
  );
  return {
    statements: read.statements,
    parse: (r) => {
      const map = new Map<string, string[]>();
      for (const row of read.parse(r)) map.set(row.affiliate_id, [...(map.get(row.affiliate_id) ?? []), row.user_name]);
      return map;
    },
  };
}

/** A lead that a warning is due for: `since` is the clock the warning is about. */
export interface WarningDue {
  claim: number;
  partner: string;
  affiliate: string;
  since: string;
}

/**
 * Leads due a warning: before the stale mark (`step` stale: no progress since `cutoff`, not yet
 * stale) or before release (`step` release: stale since `cutoff`). Each (lead, step, clock) is
 * warned once: progress resets the clock, and so earns a new warning only when it is due again.
 */
export async function leadsDueWarning(db: SqlDatabase, step: "stale" | "release", cutoff: string) {
  const clock = step === "stale" ? "coalesce(c.progress_at, c.lead_since)" : "c.stale_since";
  const { results } = await db
    .prepare(
      `SELECT c.id, c.partner_id, c.affiliate_id, ${clock} AS since FROM claim c
        WHERE c.status = 'lead' AND c.stale_since IS ${step === "stale" ? "NULL" : "NOT NULL"} AND ${clock} <= ?1
          AND NOT EXISTS (SELECT 1 FROM event e WHERE e.partner_id = c.partner_id AND e.claim_id = c.id
                AND e.type = 'claim.stale_warning' AND json_extract(e.data, '$.step') = ?2
                AND json_extract(e.data, '$.since') = ${clock})
        ORDER BY c.id`,
    )
    .bind(cutoff, step)
    .all<{ id: number; partner_id: string; affiliate_id: string; since: string }>();
  return results.map(
    (r): WarningDue => ({ claim: r.id, partner: r.partner_id, affiliate: r.affiliate_id, since: r.since }),
  );
}

/** The warning event, written only while the lead is still as it was read (same status, same clock). */
export async function insertStaleWarning(
  db: SqlDatabase,
  w: WarningDue,
  step: "stale" | "release",
  e: { at: string; actor: string; due: string },
): Promise<boolean> {
  const clock = step === "stale" ? "coalesce(progress_at, lead_since)" : "stale_since";
  const result = await db
    .prepare(
      `INSERT INTO event (at, actor, type, partner_id, affiliate_id, claim_id, data)
       SELECT ?1, ?2, 'claim.stale_warning', ?3, ?4, ?5, json_object('step', ?6, 'since', ?7, 'due', ?8)
        WHERE EXISTS (SELECT 1 FROM claim WHERE id = ?5 AND status = 'lead' AND ${clock} = ?7)`,
    )
    .bind(e.at, e.actor, w.partner, w.affiliate, w.claim, step, w.since, e.due)
    .run();
  return result.meta.changes === 1;
}
