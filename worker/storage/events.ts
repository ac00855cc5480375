/** The append-only event log: the audit history, the mirror's outbox, the "what changed" source. */
import type { Event } from "../../shared/schemas.ts";
import type { EventType } from "../../shared/vocabulary.ts";
import { parseJson, type Read, readAll, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";

export interface NewEvent {
  at: string;
  actor: string;
  type: EventType;
  partner?: string | null;
  affiliate?: string | null;
  /** A claim id, or "last" for the claim inserted by the statement just before. */
  claim?: number | "last" | null;
  data?: Record<string, unknown>;
}

/**
 * An INSERT of `event` that only succeeds when the statement just before it
 * in the batch changed exactly one row. Otherwise `type` is NULL, the NOT
 * NULL constraint fails and the whole batch rolls back: a change and its
 * event commit together or not at all, and a transition that lost a race
 * leaves nothing behind.
 */
export function guardedEvent(db: SqlDatabase, e: NewEvent): SqlStatement {
  const claimSql = e.claim === "last" ? "last_insert_rowid()" : "?7";
  return db
    .prepare(
      `INSERT INTO event (at, actor, type, partner_id, affiliate_id, claim_id, data)
       VALUES (?1, ?2, CASE WHEN changes() = 1 THEN ?3 END, ?4, ?5, ${claimSql}, ?6)`,
    )
    .bind(...eventValues(e));
}

function eventValues(e: NewEvent): unknown[] {
  const values: unknown[] = [
    e.at,
    e.actor,
    e.type,
    e.partner ?? null,
    e.affiliate ?? null,
    JSON.stringify(e.data ?? {}),
  ];
  if (e.claim !== "last") values.push(e.claim ?? null);
  return values;
}

/**
 * A statement that fails the batch as a guarded event does (and is read back as `stale`) when
 * `refusal`, an SQL condition over `params` (?1, ?2…), holds; otherwise it inserts nothing. For
 * checks that have no change of their own to guard: who is asking, before their write.
 */
export function refusalGuard(db: SqlDatabase, refusal: string, params: unknown[]): SqlStatement {
  return db
    .prepare(`INSERT INTO event (at, actor, type, data) SELECT '', '', NULL, '{}' WHERE ${refusal}`)
    .bind(...params);
}

/** Whether a batch failed because a guarded event found its change missing. */
export function isGuardFailure(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /NOT NULL constraint failed: event\.type/.test(text);
}

/** A row of `event` as stored. */
export interface EventRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  partner_id: string | null;
  affiliate_id: string | null;
  claim_id: number | null;
  data: string;
}

export function toEvent(row: EventRow): Event {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    type: row.type as Event["type"],
    partner: row.partner_id,
    affiliate: row.affiliate_id,
    claim: row.claim_id,
    data: parseJson<Record<string, unknown>>(row.data, {}),
  };
}

/**
 * Who reads the feed. Pending requests to represent an affiliate are private: only coordinators,
 * the requester and the affiliate's verified representatives see them. `everything` for the mirror
 * and jobs. For a signed-in reader the representatives and stored coordinators are looked up in the
 * same statement, so that the feed needs no round trip of its own to settle who is asking.
 */
export type EventAudience = "everything" | { coordinator: boolean; user: { id: string; name: string } | null };

/** Event types that only the people concerned see (see `EventAudience`). */
const PRIVATE_TYPES = ["representative.requested"];

/**
 * Events after `after` in order, or with `newest`, the latest ones first (a partner's recent history), as
 * `audience` may see them. A partner's history includes that of the partners merged into it.
 */
export async function listEvents(...args: Parameters<typeof eventsAfter>): Promise<Event[]> {
  return (await readAll(args[0], [eventsAfter(...args)]))[0];
}

export function eventsAfter(
  db: SqlDatabase,
  after: number,
  limit: number,
  partner?: string,
  newest = false,
  audience: EventAudience = "everything",
): Read<Event[]> {
  const all = audience === "everything" || audience.coordinator;
  const read = rowsOf<EventRow>(
    db
      .prepare(
        `SELECT * FROM event WHERE seq > ?1 AND (?2 IS NULL OR partner_id = ?2 OR partner_id IN (SELECT id FROM partner WHERE merged_into = ?2))
           AND (?4 = 1 OR type NOT IN (SELECT value FROM json_each(?5))
                OR json_extract(data, '$.user') = ?6
                OR affiliate_id IN (SELECT affiliate_id FROM representative WHERE status = 'verified'
                      AND (user_id = ?7 OR (user_id IS NULL AND user_name = ?6)))
                OR EXISTS (SELECT 1 FROM coordinator WHERE user_id = ?7 OR (user_id IS NULL AND user_name = ?6)))
         ORDER BY seq ${newest ? "DESC" : "ASC"} LIMIT ?3`,
      )
      .bind(
        after,
        partner ?? null,
        limit,
        all ? 1 : 0,
        JSON.stringify(PRIVATE_TYPES),
        all ? null : (audience.user?.name ?? null),
        all ? null : (audience.user?.id ?? null),
      ),
  );
  return { statements: read.statements, parse: (r) => read.parse(r).map(toEvent) };
}

/** Every hand-over: the released claim and the affiliate that took over (for the mirror's claims page). */
export async function handovers(db: SqlDatabase): Promise<Map<number, string>> {
  const { results } = await db
    .prepare(
      `SELECT claim_id, json_extract(data, '$.toAffiliate') AS to_affiliate FROM event
       WHERE type = 'claim.handed_over' AND claim_id IS NOT NULL ORDER BY seq`,
    )
    .all<{ claim_id: number; to_affiliate: unknown }>();
  return new Map(
    results.filter((r) => typeof r.to_affiliate === "string").map((r) => [r.claim_id, r.to_affiliate as string]),
  );
}

export async function latestEventSeq(db: SqlDatabase): Promise<number> {
  return (await readAll(db, [latestSeq(db)]))[0];
}

export function latestSeq(db: SqlDatabase): Read<number> {
  const read = rowOf<{ seq: number }>(db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM event`));
  return { statements: read.statements, parse: (r) => read.parse(r)?.seq ?? 0 };
}
