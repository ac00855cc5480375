/**
 * A pure model of claims and partners for the property-based tests: it predicts
 * the HTTP status of each operation and the events a success writes, using the
 * same claim machine (shared/claim-machine.ts) the backend uses, and nothing
 * from the backend. Where the two disagree, one of them is wrong.
 */
import {
  canProgress,
  isOpenClaim,
  mayAct,
  nextStatus,
  partnerAllows,
  partnerStatus,
  type ClaimAction,
} from "../../../shared/claim-machine.ts";
import type { ClaimStatus, PartnerStatus, Stage } from "../../../shared/vocabulary.ts";

export interface ModelUser {
  name: string;
  coordinator: boolean;
  blocked: boolean;
  represents: readonly string[];
}

export interface ModelClaim {
  id: number;
  partner: string;
  affiliate: string;
  claimedBy: string;
  status: ClaimStatus;
  stage: Stage | null;
  version: number;
}

export interface ModelPartner {
  id: string;
  closed: boolean;
}

/** What the backend should answer, and the events (type, claim id) a success appends. */
export interface Prediction {
  status: number;
  events: { type: string; claim: number | null }[];
  /** Applies the change to the model once the backend confirmed it (with the new claim's id for a claim). */
  apply?: (newId?: number) => void;
}

export class Model {
  readonly claims = new Map<number, ModelClaim>();
  readonly partners = new Map<string, ModelPartner>();

  addPartner(id: string): void {
    this.partners.set(id, { id, closed: false });
  }

  claimsOf(partner: string): ModelClaim[] {
    return [...this.claims.values()].filter((c) => c.partner === partner);
  }

  partnerStatus(id: string): PartnerStatus {
    return partnerStatus(
      this.partners.get(id)!.closed,
      this.claimsOf(id).map((c) => c.status),
    );
  }

  claim(user: ModelUser, partner: string, affiliate: string, affiliateExists: boolean): Prediction {
    if (user.blocked) return refused(403);
    if (!affiliateExists) return refused(404);
    const status = this.partnerStatus(partner);
    if (status !== "open" && status !== "matched") return refused(409);
    if (this.claimsOf(partner).some((c) => c.affiliate === affiliate && isOpenClaim(c.status))) return refused(409);
    return {
      status: 201,
      events: [{ type: "claim.created", claim: null }],
      apply: (id) => {
        this.claims.set(id!, {
          id: id!,
          partner,
          affiliate,
          claimedBy: user.name,
          status: "interested",
          stage: null,
          version: 1,
        });
      },
    };
  }

  /** Whether `user` may take `action` on claim `id`, whatever its state (false for a missing claim). */
  mayAct(user: ModelUser, action: ClaimAction, id: number): boolean {
    const c = this.claims.get(id);
    return c !== undefined && mayAct(this.actor(user, c), action);
  }

  private actor(user: ModelUser, c: ModelClaim) {
    return {
      canWrite: !user.blocked,
      isCoordinator: user.coordinator,
      representsAffiliate: user.represents.includes(c.affiliate),
      isClaimant: c.claimedBy === user.name,
    };
  }

  /** `version`: what the client sends (undefined: none). `to`: the hand-over target's id. */
  act(
    user: ModelUser,
    action: ClaimAction,
    id: number,
    opts: { version?: number; stage?: Stage; to?: number } = {},
  ): Prediction {
    if (user.blocked) return refused(403);
    const c = this.claims.get(id);
    if (!c) return refused(404);
    if (!mayAct(this.actor(user, c), action)) return refused(403);
    const next = nextStatus(c.status, action);
    if (next === null) return refused(409);
    if (opts.version !== undefined && opts.version !== c.version) return refused(409);
    const others = this.claimsOf(c.partner).filter((o) => o.id !== c.id);
    // Which partner takes which step is shared/claim-machine.ts's rule (a closed partner takes
    // no accept, hand-over, progress or completion; a done one no new lead).
    const partnerRefuses = !partnerAllows(this.partnerStatus(c.partner), action);
    if (partnerRefuses && action !== "handover") return refused(409);
    if (action === "accept" && others.some((o) => o.status === "lead")) return refused(409);
    if (action === "progress" && !canProgress(c.stage, opts.stage!)) return refused(409);
    if (action === "handover") {
      const target = opts.to === undefined ? undefined : this.claims.get(opts.to);
      if (!target || target.partner !== c.partner) return refused(422);
      if (target.status !== "interested" || partnerRefuses) return refused(409);
      return {
        status: 200,
        events: [
          { type: "claim.handed_over", claim: c.id },
          { type: "claim.accepted", claim: target.id },
        ],
        apply: () => {
          Object.assign(c, { status: "released", version: c.version + 1 });
          Object.assign(target, { status: "lead", version: target.version + 1 });
        },
      };
    }
    return {
      status: 200,
      events: [{ type: EVENT_OF[action], claim: c.id }],
      apply: () => {
        c.status = next;
        c.version += 1;
        if (action === "progress") c.stage = opts.stage!;
        if (action === "complete") c.stage = "done";
      },
    };
  }

  setClosed(user: ModelUser, partner: string, closed: boolean): Prediction {
    if (user.blocked || !user.coordinator) return refused(403);
    const p = this.partners.get(partner)!;
    if (p.closed === closed) return refused(409);
    return {
      status: 200,
      events: [{ type: closed ? "partner.closed" : "partner.reopened", claim: null }],
      apply: () => {
        p.closed = closed;
      },
    };
  }
}

const EVENT_OF: Record<Exclude<ClaimAction, "handover">, string> = {
  withdraw: "claim.withdrawn",
  accept: "claim.accepted",
  decline: "claim.declined",
  release: "claim.released",
  complete: "claim.completed",
  progress: "claim.progressed",
};

const refused = (status: number): Prediction => ({ status, events: [] });
