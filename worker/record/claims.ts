/** Claims as operations on the record: checks, the guarded batch, and errors that say what happened. */
import {
  canProgress,
  mayAct,
  nextStatus,
  partnerAllows,
  requiredStatus,
  type ClaimAction,
} from "../../shared/claim-machine.ts";
import type { Claim } from "../../shared/schemas.ts";
import type { ClaimStatus, PartnerStatus, Stage } from "../../shared/vocabulary.ts";
import type { ErrorParams } from "../../shared/api.ts";
import type { Caller } from "../context.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { getAffiliate, isVerifiedRepresentative } from "../storage/affiliates.ts";
import {
  acceptClaim,
  claimsByUser,
  finishClaim,
  getClaimRow,
  insertClaim,
  openClaimOf,
  progressClaim,
  toClaim,
  type ClaimRow,
} from "../storage/claims.ts";
import { commit } from "../storage/commit.ts";
import type { SqlDatabase } from "../storage/db.ts";
import { getPartnerRow } from "../storage/partners.ts";

/** The ids and names of the partner and affiliate an error is about: the gadget words errors with them. */
async function about(db: SqlDatabase, partnerId: string, affiliateId: string): Promise<ErrorParams> {
  const [partner, affiliate] = await Promise.all([getPartnerRow(db, partnerId), getAffiliate(db, affiliateId)]);
  return {
    partner: partnerId,
    partnerName: partner?.name ?? null,
    affiliate: affiliateId,
    affiliateName: affiliate?.name ?? null,
  };
}

/** `claim_conflict` about `claim` (as it is now, in details), with its status, partner and affiliate. */
async function conflict(
  db: SqlDatabase,
  message: string,
  claim: ClaimRow | null,
  params: ErrorParams = {},
): Promise<AppError> {
  if (!claim) return new AppError("claim_conflict", message, { params });
  return new AppError("claim_conflict", message, {
    params: {
      ...(await about(db, claim.partner_id, claim.affiliate_id)),
      claim: claim.id,
      status: claim.status,
      ...params,
    },
    details: { claim: toClaim(claim) },
  });
}

/** The caller's own claims ("My claims" in the gadget), whatever their state. */
export async function claimsOf(db: SqlDatabase, caller: Caller): Promise<Claim[]> {
  return (await claimsByUser(db, caller.user.name)).map(toClaim);
}

/** "We can take this partner": an interested claim for `affiliate`, verified if the caller represents it. */
export async function makeClaim(
  db: SqlDatabase,
  caller: Caller,
  partnerId: string,
  affiliateId: string,
  message: string,
  at: string,
): Promise<Claim> {
  const [partner, affiliate] = await Promise.all([getPartnerRow(db, partnerId), getAffiliate(db, affiliateId)]);
  if (!partner) throw notFound("partner", partnerId);
  if (!affiliate) throw notFound("affiliate", affiliateId);
  const verified = await isVerifiedRepresentative(db, affiliateId, caller.user.name);
  const result = await commit(
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
  );
  if (result.ok) {
    const row = await getClaimRow(db, result.lastRowId);
    if (!row) throw new Error(`claim ${result.lastRowId} vanished after insert`);
    return toClaim(row);
  }
  if (result.reason === "unique") {
    const existing = await openClaimOf(db, partnerId, affiliateId);
    throw await conflict(db, `${affiliate.name} already has an open claim on this partner`, existing, {
      action: "claim",
    });
  }
  const now = await getPartnerRow(db, partnerId);
  throw new AppError("conflict", `This partner is ${now?.status ?? "gone"} and takes no new claims`, {
    params: { ...(await about(db, partnerId, affiliateId)), status: now?.status ?? null, action: "claim" },
    details: { status: now?.status ?? null },
  });
}

async function loadForAction(db: SqlDatabase, caller: Caller, id: number, action: ClaimAction): Promise<ClaimRow> {
  const row = await getClaimRow(db, id);
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
      { ...(await about(db, row.partner_id, row.affiliate_id)), claim: id, action },
    );
  }
  return row;
}

async function checkState(
  db: SqlDatabase,
  row: ClaimRow,
  action: ClaimAction,
  version: number | undefined,
): Promise<number> {
  const status = row.status as ClaimStatus;
  if (nextStatus(status, action) === null) {
    const required = requiredStatus(action);
    throw await conflict(db, `This claim is ${status}; it must be ${required} to ${action} it`, row, {
      action,
      required,
    });
  }
  if (version !== undefined && version !== row.version) {
    throw await conflict(db, `This claim changed since you saw it (version ${row.version}, not ${version})`, row, {
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

/** Refuses `action` when the claim's partner is in a status that does not allow it (shared/claim-machine.ts). */
async function refuseUnlessPartnerAllows(db: SqlDatabase, row: ClaimRow, action: ClaimAction): Promise<void> {
  const partner = await getPartnerRow(db, row.partner_id);
  const status = partner?.status as PartnerStatus | undefined;
  if (status && !partnerAllows(status, action)) {
    throw new AppError("conflict", `This partner is ${status}: ${WHY[status] ?? status}, so it cannot ${action} now`, {
      params: { ...(await about(db, row.partner_id, row.affiliate_id)), claim: row.id, status, action },
      details: { status, claim: toClaim(row) },
    });
  }
}

async function afterLostRace(db: SqlDatabase, id: number, what: string): Promise<never> {
  const now = await getClaimRow(db, id);
  throw await conflict(db, `${what}: the claim changed meanwhile`, now);
}

export type SimpleAction = "withdraw" | "accept" | "decline" | "release" | "complete";

const EVENT_OF = {
  withdraw: "claim.withdrawn",
  accept: "claim.accepted",
  decline: "claim.declined",
  release: "claim.released",
  complete: "claim.completed",
} as const;

/** withdraw, accept, decline, release or complete one claim. */
export async function transition(
  db: SqlDatabase,
  caller: Caller,
  id: number,
  action: SimpleAction,
  opts: { version?: number; reason: string; at: string },
): Promise<Claim> {
  const row = await loadForAction(db, caller, id, action);
  const version = await checkState(db, row, action, opts.version);
  await refuseUnlessPartnerAllows(db, row, action);
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
  const result = await commit(db, statements);
  if (!result.ok && result.reason === "unique") {
    const partner = await getPartnerRow(db, row.partner_id);
    const lead = partner?.lead_affiliate ? await getAffiliate(db, partner.lead_affiliate) : null;
    throw await conflict(db, `${lead?.name ?? "Another affiliate"} already leads this partner`, row, {
      action,
      lead: partner?.lead_affiliate ?? null,
      leadName: lead?.name ?? null,
    });
  }
  if (!result.ok) return afterLostRace(db, id, `Could not ${action}`);
  return toClaim((await getClaimRow(db, id)) as ClaimRow);
}

/** Records a lead's progress: stages only move forward. */
export async function progress(
  db: SqlDatabase,
  caller: Caller,
  id: number,
  opts: { version?: number; stage: Stage; note: string; at: string },
): Promise<Claim> {
  const row = await loadForAction(db, caller, id, "progress");
  const version = await checkState(db, row, "progress", opts.version);
  await refuseUnlessPartnerAllows(db, row, "progress");
  if (!canProgress(row.stage as Stage | null, opts.stage)) {
    throw await conflict(db, `This lead is already at stage ${row.stage}; stages only move forward`, row, {
      action: "progress",
      stage: row.stage,
    });
  }
  const result = await commit(
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
  );
  if (!result.ok) return afterLostRace(db, id, "Could not record progress");
  return toClaim((await getClaimRow(db, id)) as ClaimRow);
}

/** A coordinator hands a partner from its lead to another interested affiliate, with a reason, atomically. */
export async function handover(
  db: SqlDatabase,
  caller: Caller,
  id: number,
  opts: { version?: number; to: number; reason: string; at: string },
): Promise<{ released: Claim; lead: Claim }> {
  const lead = await loadForAction(db, caller, id, "handover");
  const version = await checkState(db, lead, "handover", opts.version);
  const target = await getClaimRow(db, opts.to);
  if (!target || target.partner_id !== lead.partner_id) {
    throw new AppError("validation_failed", "`to` must be another claim on the same partner", {
      params: { field: "to" },
    });
  }
  if (target.status !== "interested") {
    throw await conflict(db, `The claim to hand over to is ${target.status}; it must be interested`, target, {
      action: "handover",
      required: "interested",
    });
  }
  await refuseUnlessPartnerAllows(db, target, "handover");
  const base = { at: opts.at, actor: caller.user.name, partner: lead.partner_id };
  const result = await commit(db, [
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
  ]);
  if (!result.ok) return afterLostRace(db, id, "Could not hand over");
  const [released, newLead] = await Promise.all([getClaimRow(db, id), getClaimRow(db, opts.to)]);
  return { released: toClaim(released as ClaimRow), lead: toClaim(newLead as ClaimRow) };
}
