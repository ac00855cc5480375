/** SQL for claims. Each transition is a conditional UPDATE on (status, version) followed by its guarded event. */
import {
  nextStatus,
  OPEN_CLAIM_STATUSES,
  partnerStatusesFor,
  requiredStatus,
  type ClaimAction,
  type PartnerStep,
} from "../../shared/claim-machine.ts";
import type { Claim } from "../../shared/schemas.ts";
import { PARTNER_STATUSES, type ClaimStatus, type Stage } from "../../shared/vocabulary.ts";
import { type Read, readAll, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
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

/** An SQL list of the vocabulary's own constants (never input): `'interested', 'lead'`. */
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

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

export function claimRow(db: SqlDatabase, id: number): Read<ClaimRow | null> {
  return rowOf(db.prepare(`SELECT * FROM claim WHERE id = ?1`).bind(id));
}

export function claimsOf(db: SqlDatabase, partnerId: string): Read<ClaimRow[]> {
  return rowsOf(db.prepare(`SELECT * FROM claim WHERE partner_id = ?1 ORDER BY id`).bind(partnerId));
}

/** The open (interested or lead) claim of an affiliate on a partner: at most one, by a unique index. */
export function openClaim(db: SqlDatabase, partnerId: string, affiliateId: string): Read<ClaimRow | null> {
  return rowOf(
    db
      .prepare(
        `SELECT * FROM claim WHERE partner_id = ?1 AND affiliate_id = ?2 AND status IN (${sqlList(OPEN_CLAIM_STATUSES)})`,
      )
      .bind(partnerId, affiliateId),
  );
}

/** The claims one wiki user made, the most recently changed first. */
export function claimsByUser(db: SqlDatabase, user: string): Read<ClaimRow[]> {
  return rowsOf(db.prepare(`SELECT * FROM claim WHERE claimed_by = ?1 ORDER BY updated_at DESC, id DESC`).bind(user));
}

export async function allClaims(db: SqlDatabase): Promise<ClaimRow[]> {
  return (await readAll(db, [everyClaim(db)]))[0];
}

export function everyClaim(db: SqlDatabase): Read<ClaimRow[]> {
  return rowsOf(db.prepare(`SELECT * FROM claim ORDER BY partner_id, id`));
}

/**
 * An SQL condition: the partner `partnerId` (a column or a parameter) is in a status that allows
 * `step`, as shared/claim-machine.ts says. Checked in the writing statement itself, so that a
 * concurrent close or completion cannot slip between the domain's check and the write.
 */
function partnerAllowsSql(step: PartnerStep, partnerId: string): string {
  const statuses = partnerStatusesFor(step);
  if (statuses.length === PARTNER_STATUSES.length) return "1";
  return `EXISTS (SELECT 1 FROM partner_view pv WHERE pv.id = ${partnerId} AND pv.status IN (${sqlList(statuses)}))`;
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

/** Inserts a claim if the partner still takes claims; the event aborts the batch otherwise. */
export function insertClaim(db: SqlDatabase, c: NewClaim, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO claim (partner_id, affiliate_id, claimed_by, message, verified, status, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, 'interested', ?6, ?6
         WHERE ${partnerAllowsSql("claim", "?1")}`,
      )
      .bind(c.partner, c.affiliate, c.user, c.message, c.verified ? 1 : 0, c.at),
    guardedEvent(db, { ...event, claim: "last" }),
    db.prepare(`UPDATE partner SET updated_at = ?2 WHERE id = ?1`).bind(c.partner, c.at),
  ];
}

/**
 * The same claim made in one round trip, where who is asking is not read first: `verified` is
 * whether the user (by id, or by a name not yet bound to an id) is a verified representative of
 * the affiliate, looked up by the insert itself, and the event says what it found. A missing
 * affiliate, like a partner that takes no claims, inserts nothing and so fails the event.
 */
export function insertClaimAs(
  db: SqlDatabase,
  c: Omit<NewClaim, "verified" | "user"> & { user: { id: string; name: string } },
): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO claim (partner_id, affiliate_id, claimed_by, message, verified, status, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4,
                EXISTS (SELECT 1 FROM representative WHERE affiliate_id = ?2 AND status = 'verified'
                          AND (user_id = ?6 OR (user_id IS NULL AND user_name = ?3))),
                'interested', ?5, ?5
         WHERE EXISTS (SELECT 1 FROM affiliate WHERE id = ?2) AND ${partnerAllowsSql("claim", "?1")}`,
      )
      .bind(c.partner, c.affiliate, c.user.name, c.message, c.at, c.user.id),
    db
      .prepare(
        `INSERT INTO event (at, actor, type, partner_id, affiliate_id, claim_id, data)
         VALUES (?1, ?2, CASE WHEN changes() = 1 THEN 'claim.created' END, ?3, ?4, last_insert_rowid(),
                 json_object('verified', json(CASE (SELECT verified FROM claim WHERE id = last_insert_rowid())
                                                WHEN 1 THEN 'true' ELSE 'false' END)))`,
      )
      .bind(c.at, c.user.name, c.partner, c.affiliate),
    db.prepare(`UPDATE partner SET updated_at = ?2 WHERE id = ?1`).bind(c.partner, c.at),
  ];
}

/** interested → lead, if the partner allows it. The partial unique index refuses a second lead. */
export function acceptClaim(db: SqlDatabase, id: number, version: number, at: string, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE claim SET status = 'lead', lead_since = ?3, stale_since = NULL, updated_at = ?3, version = version + 1
         WHERE id = ?1 AND status = 'interested' AND version = ?2 AND ${partnerAllowsSql("accept", "claim.partner_id")}`,
      )
      .bind(id, version, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** The actions that end a claim: interested → withdrawn | declined, lead → released | completed. */
export type FinishAction = Extract<ClaimAction, "withdraw" | "decline" | "release" | "complete" | "handover">;

/** Ends a claim by `action`, if it is still in the status and version seen and the partner allows it. */
export function finishClaim(
  db: SqlDatabase,
  id: number,
  action: FinishAction,
  version: number,
  reason: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  const from = requiredStatus(action);
  const to = nextStatus(from, action);
  return [
    db
      .prepare(
        `UPDATE claim SET status = ?4, closed_reason = ?5, updated_at = ?6, version = version + 1,
           stage = CASE WHEN ?4 = 'completed' THEN 'done' ELSE stage END,
           progress_at = CASE WHEN ?4 = 'completed' THEN ?6 ELSE progress_at END
         WHERE id = ?1 AND status = ?2 AND version = ?3 AND ${partnerAllowsSql(action, "claim.partner_id")}`,
      )
      .bind(id, from, version, to, reason, at),
    guardedEvent(db, event),
    touchPartner(db, id, at),
  ];
}

/** Records a stage of a lead's progress, if the partner allows it; progress restarts the stale clock. */
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
         WHERE id = ?1 AND status = 'lead' AND version = ?2 AND ${partnerAllowsSql("progress", "claim.partner_id")}`,
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
