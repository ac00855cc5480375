/**
 * The claim state machine, as pure functions. The storage layer turns each
 * step into a conditional UPDATE; these functions decide what is allowed and
 * give the gadget the same answers the backend gives.
 *
 * ```
 * interested ──accept──▶ lead ──complete──▶ completed
 *     ├─withdraw─▶ withdrawn    lead ──release──▶ released
 *     └─decline──▶ declined     lead ──hand over──▶ released, and another claim becomes lead
 * ```
 */
import type { ClaimStatus, PartnerStatus, Stage } from "./vocabulary.ts";
import { PARTNER_STATUSES, STAGES } from "./vocabulary.ts";

export const CLAIM_ACTIONS = ["withdraw", "accept", "decline", "release", "complete", "progress", "handover"] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

const FROM: Record<ClaimAction, ClaimStatus> = {
  withdraw: "interested",
  accept: "interested",
  decline: "interested",
  release: "lead",
  complete: "lead",
  progress: "lead",
  handover: "lead",
};

const TO: Record<ClaimAction, ClaimStatus> = {
  withdraw: "withdrawn",
  accept: "lead",
  decline: "declined",
  release: "released",
  complete: "completed",
  progress: "lead",
  handover: "released",
};

/** The status a claim must be in for `action` to apply. */
export function requiredStatus(action: ClaimAction): ClaimStatus {
  return FROM[action];
}

/** The status after `action`, or null when it does not apply from `from`. */
export function nextStatus(from: ClaimStatus, action: ClaimAction): ClaimStatus | null {
  return FROM[action] === from ? TO[action] : null;
}

/** The statuses in which a claim still holds its place (one per partner and affiliate). */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = ["interested", "lead"];

/** Whether a claim still holds its place (one per partner and affiliate). */
export function isOpenClaim(status: ClaimStatus): boolean {
  return OPEN_CLAIM_STATUSES.includes(status);
}

/** Progress only moves forward; repeating the current stage updates its note. */
export function canProgress(current: Stage | null, target: Stage): boolean {
  const from = current === null ? -1 : STAGES.indexOf(current);
  return STAGES.indexOf(target) >= from;
}

/** Who is acting, relative to one claim. */
export interface ClaimActor {
  /** Signed in and not blocked. */
  canWrite: boolean;
  isCoordinator: boolean;
  /** A verified representative of the claim's affiliate. */
  representsAffiliate: boolean;
  /** The user who made the claim. */
  isClaimant: boolean;
}

/** Whether `actor` may take `action` on a claim, whatever its current status. */
export function mayAct(actor: ClaimActor, action: ClaimAction): boolean {
  if (!actor.canWrite) return false;
  if (actor.isCoordinator) return true;
  switch (action) {
    case "accept":
    case "decline":
    case "handover":
      return false;
    case "withdraw":
    case "release":
    case "complete":
    case "progress":
      return actor.representsAffiliate || actor.isClaimant;
  }
}

/** The partner's status, derived from its claims: never stored twice. */
export function partnerStatus(closed: boolean, claimStatuses: readonly ClaimStatus[]): PartnerStatus {
  if (closed) return "closed";
  if (claimStatuses.includes("completed")) return "done";
  if (claimStatuses.includes("lead")) return "matched";
  return "open";
}

/** What can happen to a partner through one of its claims: a new claim, or a claim action. */
export type PartnerStep = "claim" | ClaimAction;

/**
 * The partner statuses in which `step` may happen. A new claim, an accept or a hand-over needs a
 * partner that takes a (new) lead: open or matched — a done partner keeps its completed claim as
 * its outcome. A closed partner is off the hub until a coordinator reopens it: it takes no
 * progress, completion, accept or hand-over either. Withdrawing, declining and releasing free a
 * place and are always allowed. The storage layer builds its SQL guards from these lists.
 */
export function partnerStatusesFor(step: PartnerStep): readonly PartnerStatus[] {
  switch (step) {
    case "claim":
    case "accept":
    case "handover":
      return ["open", "matched"];
    case "progress":
    case "complete":
      return ["open", "matched", "done"];
    case "withdraw":
    case "decline":
    case "release":
      return PARTNER_STATUSES;
  }
}

/** Whether a partner in `status` allows `step`. */
export function partnerAllows(status: PartnerStatus, step: PartnerStep): boolean {
  return partnerStatusesFor(step).includes(status);
}

/** Whether a partner in `status` accepts new claims. */
export function acceptsClaims(status: PartnerStatus): boolean {
  return partnerAllows(status, "claim");
}

/** The stale clock's defaults (STALE_AFTER_DAYS, STALE_GRACE_DAYS). */
export const STALE_AFTER_DAYS = 60;
export const STALE_GRACE_DAYS = 14;

/** One day in milliseconds: the unit of the stale clock's settings. */
export const DAY_MS = 86_400_000;

/** The instant `days` days before `now` (ISO): the stale clock's cut-offs. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** A lead whose last progress is at or before this instant is stale. */
export const staleCutoff = (now: Date, staleAfterDays: number) => daysBefore(now, staleAfterDays);

/** A lead stale since this instant or earlier may be released: its grace period is over. */
export const releaseCutoff = (now: Date, graceDays: number) => daysBefore(now, graceDays);

/** A lead with no progress for `staleAfterDays` is stale. */
export function isStale(lastProgressAt: string, now: Date, staleAfterDays: number): boolean {
  return Date.parse(lastProgressAt) <= Date.parse(staleCutoff(now, staleAfterDays));
}

/** A stale lead may be released once the grace period after it went stale is over. */
export function isReleasable(staleSince: string, now: Date, graceDays: number): boolean {
  return Date.parse(staleSince) <= Date.parse(releaseCutoff(now, graceDays));
}
