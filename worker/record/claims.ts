/** Claims as operations on the record: checks, the guarded batch, and errors that say what happened. */
import {
  acceptsClaims,
  canProgress,
  mayAct,
  nextStatus,
  partnerAllows,
  requiredStatus,
  type ClaimAction,
} from "../../shared/claim-machine.ts";
import type { Claim, PartnerDetail } from "../../shared/schemas.ts";
import type { ClaimStatus, PartnerStatus, Stage } from "../../shared/vocabulary.ts";
import type { ErrorParams } from "../../shared/api.ts";
import type { Asker, Caller } from "../context.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { affiliateName } from "../storage/affiliates.ts";
import {
  acceptClaim,
  claimRow,
  claimsByUser,
  finishClaim,
  insertClaim,
  insertClaimAs,
  openClaim,
  progressClaim,
  toClaim,
  type ClaimRow,
} from "../storage/claims.ts";
import { commitThen } from "../storage/commit.ts";
import { type Read, rowOf, type SqlDatabase, together } from "../storage/db.ts";
import { partnerOfClaim, partnerRow, type PartnerRow } from "../storage/partners.ts";
import { detailOf, type PartnerRecord, partnerRecord } from "./partners.ts";

/**
 * The ids and names of the partner and affiliate an error about a claim is about: the gadget words
 * errors with them. Read in the request's first batch (the success path needs no more).
 */
function aboutClaim(db: SqlDatabase, id: number): Read<ErrorParams | null> {
  return rowOf<ErrorParams>(
    db
      .prepare(
        `SELECT c.partner_id AS partner, p.name AS partnerName, c.affiliate_id AS affiliate, a.name AS affiliateName
           FROM claim c LEFT JOIN partner p ON p.id = c.partner_id LEFT JOIN affiliate a ON a.id = c.affiliate_id
          WHERE c.id = ?1`,
      )
      .bind(id),
  );
}

/** `claim_conflict` about `claim` (as it is now, in details), with its status, partner and affiliate. */
function conflict(message: string, claim: ClaimRow | null, names: ErrorParams | null, params: ErrorParams = {}) {
  if (!claim) return new AppError("claim_conflict", message, { params });
  return new AppError("claim_conflict", message, {
    params: {
      ...(names ?? { partner: claim.partner_id, affiliate: claim.affiliate_id }),
      claim: claim.id,
      status: claim.status,
      ...params,
    },
    details: { claim: toClaim(claim) },
  });
}

/** The caller's own claims ("My claims" in the gadget), whatever their state: one round trip. */
export async function claimsOf(db: SqlDatabase, asker: Asker): Promise<Claim[]> {
  const user = asker.user();
  const [rows] = await asker.read([user ? claimsByUser(db, user.name) : { statements: [], parse: () => [] }]);
  asker.signedIn();
  return rows.map(toClaim);
}

/**
 * The claim an affiliate just made on a partner and the partner with its claims, as the insert's
 * batch read them: the new claim is the affiliate's interested one among the partner's claims (the
 * only one, by the partial unique index), so it costs no statement of its own.
 */
function claimMade(
  partnerId: string,
  affiliateId: string,
  record: PartnerRecord | null,
): { claim: ClaimRow; record: PartnerRecord } {
  const claim = record?.claims.findLast((c) => c.affiliate_id === affiliateId && c.status === "interested");
  if (!record || !claim) throw new Error(`the claim on ${partnerId} vanished after insert`);
  return { claim, record };
}

/**
 * "We can take this partner": an interested claim for `affiliate`, verified if the caller represents it.
 * One round trip when it succeeds: who is asking, the guarded insert with its event, and the claim and
 * the partner as they are after it, in one batch (every check of a claim is in its statements). When
 * any check refuses, nothing was written and the two-trip way finds out why: who is asking with the
 * partner, the affiliate and an open claim of theirs, then (if all is well by then) the write.
 */
export async function makeClaim(
  db: SqlDatabase,
  asker: Asker,
  partnerId: string,
  affiliateId: string,
  message: string,
  at: string,
): Promise<{ claim: Claim; partner: PartnerDetail }> {
  const made = await asker.writeAtOnce((user) => ({
    statements: insertClaimAs(db, { partner: partnerId, affiliate: affiliateId, user, message, at }),
    answer: partnerRecord(db, partnerId),
  }));
  if (made) {
    const { claim, record } = claimMade(partnerId, affiliateId, made.value);
    return { claim: toClaim(claim), partner: detailOf(made.caller, record) };
  }
  const [partner, affiliate, open] = await asker.read([
    partnerRow(db, partnerId),
    affiliateName(db, affiliateId),
    openClaim(db, partnerId, affiliateId),
  ]);
  const caller = asker.writer();
  if (!partner) throw notFound("partner", partnerId);
  if (affiliate === null) throw notFound("affiliate", affiliateId);
  const names = { partner: partnerId, partnerName: partner.name, affiliate: affiliateId, affiliateName: affiliate };
  const alreadyOpen = (existing: ClaimRow | null) =>
    conflict(`${affiliate} already has an open claim on this partner`, existing, names, { action: "claim" });
  if (open) throw alreadyOpen(open);
  const noClaims = (status: string | null) =>
    new AppError("conflict", `This partner is ${status ?? "gone"} and takes no new claims`, {
      params: { ...names, status, action: "claim" },
      details: { status },
    });
  if (!acceptsClaims(partner.status as PartnerStatus)) throw noClaims(partner.status);
  const verified = caller.represents.has(affiliateId);
  const result = await commitThen(
    db,
    insertClaim(
      db,
      { partner: partnerId, affiliate: affiliateId, user: caller.user.name, message, verified, at },
      {
        at,
        actor: caller.user.name,
        type: "claim.created",
        partner: partnerId,
        affiliate: affiliateId,
        data: { verified },
      },
    ),
    partnerRecord(db, partnerId),
  );
  if (result.ok) {
    const { claim, record } = claimMade(partnerId, affiliateId, result.value);
    return { claim: toClaim(claim), partner: detailOf(caller, record) };
  }
  // Lost a race since the first read: say what the record holds now.
  if (result.reason === "unique") {
    const [existing] = await asker.read([openClaim(db, partnerId, affiliateId)]);
    throw alreadyOpen(existing);
  }
  const [now] = await asker.read([partnerRow(db, partnerId)]);
  throw noClaims(now?.status ?? null);
}

/** The claim, if it exists and the caller may act on it. */
function mayActOn(
  caller: Caller,
  row: ClaimRow | null,
  names: ErrorParams | null,
  id: number,
  action: ClaimAction,
): ClaimRow {
  if (!row) throw notFound("claim", id);
  const allowed = mayAct(
    {
      canWrite: caller.canWrite,
      isCoordinator: caller.coordinator,
      representsAffiliate: caller.represents.has(row.affiliate_id),
      isClaimant: row.claimed_by === caller.user.name,
    },
    action,
  );
  if (!allowed) {
    const coordinatorOnly = action === "accept" || action === "decline" || action === "handover";
    throw forbidden(
      coordinatorOnly ? "coordinator_only" : "claimant_or_representative",
      coordinatorOnly
        ? "Only coordinators may do this"
        : "Only the claimant, a representative of the affiliate or a coordinator may do this",
      { ...names, claim: id, action },
    );
  }
  return row;
}

function checkState(row: ClaimRow, names: ErrorParams | null, action: ClaimAction, version: number | undefined) {
  const status = row.status as ClaimStatus;
  if (nextStatus(status, action) === null) {
    const required = requiredStatus(action);
    throw conflict(`This claim is ${status}; it must be ${required} to ${action} it`, row, names, {
      action,
      required,
    });
  }
  if (version !== undefined && version !== row.version) {
    throw conflict(`This claim changed since you saw it (version ${row.version}, not ${version})`, row, names, {
      action,
      version: row.version,
    });
  }
  return row.version;
}

const WHY: Partial<Record<PartnerStatus, string>> = {
  done: "its partnership was completed",
  closed: "a coordinator closed it",
};

/**
 * Refuses `action` when the claim's partner (read in the first batch) is in a status that does
 * not allow it (shared/claim-machine.ts). The statements check the same; this says why first.
 */
function refuseUnlessPartnerAllows(
  partner: PartnerRow | null,
  row: ClaimRow,
  names: ErrorParams | null,
  action: ClaimAction,
): void {
  const status = partner?.status as PartnerStatus | undefined;
  if (status && !partnerAllows(status, action)) {
    throw new AppError("conflict", `This partner is ${status}: ${WHY[status] ?? status}, so it cannot ${action} now`, {
      params: { ...names, claim: row.id, status, action },
      details: { status, claim: toClaim(row) },
    });
  }
}

async function afterLostRace(db: SqlDatabase, asker: Asker, id: number, what: string): Promise<never> {
  const [now, names] = await asker.read([claimRow(db, id), aboutClaim(db, id)]);
  throw conflict(`${what}: the claim changed meanwhile`, now, names);
}

/** The claim as the write left it, read in the write's batch. */
function after(row: ClaimRow | null, id: number): Claim {
  if (!row) throw new Error(`claim ${id} vanished after its transition`);
  return toClaim(row);
}

/** The partner as the write left it, read in the write's batch: the answer keeps the gadget current. */
function partnerAfter(caller: Caller, record: PartnerRecord | null, id: string): PartnerDetail {
  if (!record) throw new Error(`partner ${id} vanished after a claim's transition`);
  return detailOf(caller, record);
}

/** A claim and its partner after a write, in the write's batch. */
function claimAndPartner(db: SqlDatabase, id: number, partnerId: string) {
  return together([claimRow(db, id), partnerRecord(db, partnerId)]);
}

export type SimpleAction = "withdraw" | "accept" | "decline" | "release" | "complete";

const EVENT_OF = {
  withdraw: "claim.withdrawn",
  accept: "claim.accepted",
  decline: "claim.declined",
  release: "claim.released",
  complete: "claim.completed",
} as const;

/**
 * withdraw, accept, decline, release or complete one claim. Two round trips: who is asking with
 * the claim and its partner, then the conditional update, its guarded event and the claim after it.
 */
export async function transition(
  db: SqlDatabase,
  asker: Asker,
  id: number,
  action: SimpleAction,
  opts: { version?: number; reason: string; at: string },
): Promise<{ claim: Claim; partner: PartnerDetail }> {
  const [claim, partner, names] = await asker.read([claimRow(db, id), partnerOfClaim(db, id), aboutClaim(db, id)]);
  const caller = asker.writer();
  const row = mayActOn(caller, claim, names, id, action);
  const version = checkState(row, names, action, opts.version);
  refuseUnlessPartnerAllows(partner, row, names, action);
  const event = {
    at: opts.at,
    actor: caller.user.name,
    type: EVENT_OF[action],
    partner: row.partner_id,
    affiliate: row.affiliate_id,
    claim: id,
    data: opts.reason ? { reason: opts.reason } : {},
  };
  const statements =
    action === "accept"
      ? acceptClaim(db, id, version, opts.at, event)
      : finishClaim(db, id, action, version, opts.reason, opts.at, event);
  const result = await commitThen(db, statements, claimAndPartner(db, id, row.partner_id));
  if (!result.ok && result.reason === "unique") {
    const [now] = await asker.read([partnerRow(db, row.partner_id)]);
    const lead = now?.lead_affiliate ?? null;
    const [leadName] = await asker.read([lead ? affiliateName(db, lead) : { statements: [], parse: () => null }]);
    throw conflict(`${leadName ?? "Another affiliate"} already leads this partner`, row, names, {
      action,
      lead,
      leadName,
    });
  }
  if (!result.ok) return afterLostRace(db, asker, id, `Could not ${action}`);
  const [updated, record] = result.value;
  return { claim: after(updated, id), partner: partnerAfter(caller, record, row.partner_id) };
}

/** Records a lead's progress: stages only move forward. */
export async function progress(
  db: SqlDatabase,
  asker: Asker,
  id: number,
  opts: { version?: number; stage: Stage; note: string; at: string },
): Promise<{ claim: Claim; partner: PartnerDetail }> {
  const [claim, partner, names] = await asker.read([claimRow(db, id), partnerOfClaim(db, id), aboutClaim(db, id)]);
  const caller = asker.writer();
  const row = mayActOn(caller, claim, names, id, "progress");
  const version = checkState(row, names, "progress", opts.version);
  refuseUnlessPartnerAllows(partner, row, names, "progress");
  if (!canProgress(row.stage as Stage | null, opts.stage)) {
    throw conflict(`This lead is already at stage ${row.stage}; stages only move forward`, row, names, {
      action: "progress",
      stage: row.stage,
    });
  }
  const result = await commitThen(
    db,
    progressClaim(db, id, version, opts.stage, opts.note, opts.at, {
      at: opts.at,
      actor: caller.user.name,
      type: "claim.progressed",
      partner: row.partner_id,
      affiliate: row.affiliate_id,
      claim: id,
      data: { stage: opts.stage, note: opts.note },
    }),
    claimAndPartner(db, id, row.partner_id),
  );
  if (!result.ok) return afterLostRace(db, asker, id, "Could not record progress");
  const [updated, record] = result.value;
  return { claim: after(updated, id), partner: partnerAfter(caller, record, row.partner_id) };
}

/** A coordinator hands a partner from its lead to another interested affiliate, with a reason, atomically. */
export async function handover(
  db: SqlDatabase,
  asker: Asker,
  id: number,
  opts: { version?: number; to: number; reason: string; at: string },
): Promise<{ released: Claim; lead: Claim; partner: PartnerDetail }> {
  const [leadRow, target, partner, names, targetNames] = await asker.read([
    claimRow(db, id),
    claimRow(db, opts.to),
    partnerOfClaim(db, opts.to),
    aboutClaim(db, id),
    aboutClaim(db, opts.to),
  ]);
  const caller = asker.writer();
  const lead = mayActOn(caller, leadRow, names, id, "handover");
  const version = checkState(lead, names, "handover", opts.version);
  if (!target || target.partner_id !== lead.partner_id) {
    throw new AppError("validation_failed", "`to` must be another claim on the same partner", {
      params: { field: "to" },
    });
  }
  if (target.status !== "interested") {
    throw conflict(`The claim to hand over to is ${target.status}; it must be interested`, target, targetNames, {
      action: "handover",
      required: "interested",
    });
  }
  refuseUnlessPartnerAllows(partner, target, targetNames, "handover");
  const base = { at: opts.at, actor: caller.user.name, partner: lead.partner_id };
  const result = await commitThen(
    db,
    [
      ...finishClaim(db, id, "handover", version, opts.reason, opts.at, {
        ...base,
        type: "claim.handed_over",
        affiliate: lead.affiliate_id,
        claim: id,
        data: { to: opts.to, toAffiliate: target.affiliate_id, reason: opts.reason },
      }),
      ...acceptClaim(db, opts.to, target.version, opts.at, {
        ...base,
        type: "claim.accepted",
        affiliate: target.affiliate_id,
        claim: opts.to,
        data: { handedOverFrom: id },
      }),
    ],
    together([claimRow(db, id), claimRow(db, opts.to), partnerRecord(db, lead.partner_id)]),
  );
  if (!result.ok) return afterLostRace(db, asker, id, "Could not hand over");
  const [released, newLead, record] = result.value;
  return {
    released: after(released, id),
    lead: after(newLead, opts.to),
    partner: partnerAfter(caller, record, lead.partner_id),
  };
}
