/** The append-only event log: the audit history, the mirror's outbox, the "what changed" source. */
import type { Event } from "../../shared/schemas.ts";
import type { EventType } from "../../shared/vocabulary.ts";
import { parseJson, type SqlDatabase, type SqlStatement } from "./db.ts";

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

function toEvent(row: EventRow): Event {
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
 * Events after `after` in order, or with `newest`, the latest ones first (a partner's recent history).
 * A partner's history includes that of the partners merged into it.
 */
export async function listEvents(
  db: SqlDatabase,
  after: number,
  limit: number,
  partner?: string,
  newest = false,
): Promise<Event[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM event WHERE seq > ?1
         AND (?2 IS NULL OR partner_id = ?2 OR partner_id IN (SELECT id FROM partner WHERE merged_into = ?2))
       ORDER BY seq ${newest ? "DESC" : "ASC"} LIMIT ?3`,
    )
    .bind(after, partner ?? null, limit)
    .all<EventRow>();
  return results.map(toEvent);
}

export async function latestEventSeq(db: SqlDatabase): Promise<number> {
  const row = await db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM event`).first<{ seq: number }>();
  return row?.seq ?? 0;
}
