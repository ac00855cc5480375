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
import { STAGES } from "./vocabulary.ts";

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

/** Whether a claim still holds its place (one per partner and affiliate). */
export function isOpenClaim(status: ClaimStatus): boolean {
  return status === "interested" || status === "lead";
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

/** Whether a partner in `status` accepts new claims. */
export function acceptsClaims(status: PartnerStatus): boolean {
  return status === "open" || status === "matched";
}

const DAY_MS = 86_400_000;

/** A lead with no progress for `staleAfterDays` is stale. */
export function isStale(lastProgressAt: string, now: Date, staleAfterDays: number): boolean {
  return now.getTime() - Date.parse(lastProgressAt) >= staleAfterDays * DAY_MS;
}

/** A stale lead may be released once the grace period after it went stale is over. */
export function isReleasable(staleSince: string, now: Date, graceDays: number): boolean {
  return now.getTime() - Date.parse(staleSince) >= graceDays * DAY_MS;
}
