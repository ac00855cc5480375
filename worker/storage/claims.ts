/** SQL for claims. Each transition is a conditional UPDATE on (status, version) followed by its guarded event. */
import type { Claim } from "../../shared/schemas.ts";
import type { ClaimStatus, Stage } from "../../shared/vocabulary.ts";
import type { SqlDatabase, SqlStatement } from "./db.ts";
import { guardedEvent, type NewEvent } from "./events.ts";

export interface ClaimRow {
  id: number;
  partner_id: string;
  affiliate_id: string;
  claimed_by: string;
  message: string;
  verified: number;
  status: string;
  stage: string | null;
  stage_note: string;
  lead_since: string | null;
  progress_at: string | null;
  stale_since: string | null;
  closed_reason: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    partner: row.partner_id,
    affiliate: row.affiliate_id,
    claimedBy: row.claimed_by,
    message: row.message,
    verified: row.verified === 1,
    status: row.status as ClaimStatus,
    stage: row.stage as Stage | null,
    stageNote: row.stage_note,
    progressAt: row.progress_at,
    staleSince: row.stale_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function getClaimRow(db: SqlDatabase, id: number): Promise<ClaimRow | null> {
  return db.prepare(`SELECT * FROM claim WHERE id = ?1`).bind(id).first<ClaimRow>();
}

export async function claimsOfPartner(db: SqlDatabase, partnerId: string): Promise<ClaimRow[]> {
  const { results } = await db
    .prepare(`SELECT * FROM claim WHERE partner_id = ?1 ORDER BY id`)
    .bind(partnerId)
    .all<ClaimRow>();
  return results;
}

export async function allClaims(db: SqlDatabase): Promise<ClaimRow[]> {
  const { results } = await db.prepare(`SELECT * FROM claim ORDER BY partner_id, id`).all<ClaimRow>();
  return results;
}

export async function openClaimOf(db: SqlDatabase, partnerId: string, affiliateId: string): Promise<ClaimRow | null> {
  return db
    .prepare(`SELECT * FROM claim WHERE partner_id = ?1 AND affiliate_id = ?2 AND status IN ('interested', 'lead')`)
    .bind(partnerId, affiliateId)
    .first<ClaimRow>();
}

/**
 * A change to a claim is a change to its partner: "recently updated" (`sort=-updated`, the
 * mirror's `updatedAt`) means anything that happened to the partner. The partner's `version`
 * stays: it guards edits of the partner's own fields (If-Match).
 */
function touchPartner(db: SqlDatabase, claimId: number, at: string): SqlStatement {
  return db
    .prepare(`UPDATE partner SET updated_at = ?2 WHERE id = (SELECT partner_id FROM claim WHERE id = ?1)`)
    .bind(claimId, at);
}

export interface NewClaim {
  partner: string;
  affiliate: string;
  user: string;
  message: string;
  verified: boolean;
  at: string;
}

/** Inserts a claim if the partner still takes claims (open or matched); the event aborts the batch otherwise. */
export function insertClaim(db: SqlDatabase, c: NewClaim, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO claim (partner_id, affiliate_id, claimed_by, message, verified, status, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, 'interested', ?6, ?6
         WHERE EXISTS (SELECT 1 FROM partner_view WHERE id = ?1 AND status IN ('open', 'matched'))`,
      )
      .bind(c.partner, c.affiliate, c.user, c.message, c.verified ? 1 : 0, c.at),
    guardedEvent(db, { ...event, claim: "last" }),
    db.prepare(`UPDATE partner SET updated_at = ?2 WHERE id = ?1`).bind(c.partner, c.at),
  ];
}

/**
 * interested → lead. The partial unique index refuses a second lead; a done
 * partner (one with a completed claim) takes no new lead, checked in the same
 * statement so that a concurrent completion cannot slip between check and write.
 */
export function acceptClaim(db: SqlDatabase, id: number, version: number, at: string, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET status = 'lead', lead_since = ?3, stale_since = NULL, updated_at = ?3, version = version + 1
         WHERE id = ?1 AND status = 'interested' AND version = ?2
           AND NOT EXISTS (SELECT 1 FROM claim done WHERE done.partner_id = claim.partner_id AND done.status = 'completed')
           AND NOT EXISTS (SELECT 1 FROM partner p WHERE p.id = claim.partner_id AND p.closed_at IS NOT NULL)`,
      )
      .bind(id, version, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** interested → withdrawn | declined, lead → released | completed. */
export function finishClaim(
  db: SqlDatabase,
  id: number,
  from: "interested" | "lead",
  version: number,
  to: "withdrawn" | "declined" | "released" | "completed",
  reason: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET status = ?4, closed_reason = ?5, updated_at = ?6, version = version + 1,
           stage = CASE WHEN ?4 = 'completed' THEN 'done' ELSE stage END,
           progress_at = CASE WHEN ?4 = 'completed' THEN ?6 ELSE progress_at END
         WHERE id = ?1 AND status = ?2 AND version = ?3`,
      )
      .bind(id, from, version, to, reason, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** Records a stage of a lead's progress; progress restarts the stale clock. */
export function progressClaim(
  db: SqlDatabase,
  id: number,
  version: number,
  stage: Stage,
  note: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET stage = ?3, stage_note = ?4, progress_at = ?5, stale_since = NULL, updated_at = ?5,
           version = version + 1
         WHERE id = ?1 AND status = 'lead' AND version = ?2`,
      )
      .bind(id, version, stage, note, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** Marks a lead stale if it still has had no progress since `cutoff`. */
export function markStale(db: SqlDatabase, id: number, cutoff: string, at: string, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET stale_since = ?3, updated_at = ?3, version = version + 1
         WHERE id = ?1 AND status = 'lead' AND stale_since IS NULL AND coalesce(progress_at, lead_since) <= ?2`,
      )
      .bind(id, cutoff, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** Releases a lead that has been stale since before `cutoff`. */
export function releaseStale(db: SqlDatabase, id: number, cutoff: string, at: string, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET status = 'released', closed_reason = 'stale', updated_at = ?3, version = version + 1
         WHERE id = ?1 AND status = 'lead' AND stale_since IS NOT NULL AND stale_since <= ?2`,
      )
      .bind(id, cutoff, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** Leads with no progress since `cutoff` that are not yet marked stale. */
export async function leadsToMarkStale(db: SqlDatabase, cutoff: string): Promise<ClaimRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM claim WHERE status = 'lead' AND stale_since IS NULL AND coalesce(progress_at, lead_since) <= ?1
       ORDER BY id`,
    )
    .bind(cutoff)
    .all<ClaimRow>();
  return results;
}

/** Stale leads whose grace period ended before `cutoff`. */
export async function staleLeadsToRelease(db: SqlDatabase, cutoff: string): Promise<ClaimRow[]> {
  const { results } = await db
    .prepare(`SELECT * FROM claim WHERE status = 'lead' AND stale_since IS NOT NULL AND stale_since <= ?1 ORDER BY id`)
    .bind(cutoff)
    .all<ClaimRow>();
  return results;
}
