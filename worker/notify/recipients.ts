/**
 * Who hears of an event, as a pure function of the event and the record around it: the people
 * involved, never the actor about their own action. The scan of the event log (worker/notify/job.ts)
 * turns each answer into outbox rows; the talk-page delivery and the gadget's "For you" read them.
 */
import { fit } from "../../shared/matching.ts";
import type { Affiliate, Event } from "../../shared/schemas.ts";

/** Why someone is told: shown in the status, and it decides whether the talk page hears of it. */
export type NoticeReason =
  | "claimant"
  | "representative"
  | "coordinator"
  | "other_affiliate"
  | "fits"
  | "requester"
  | "referrer";

export interface Recipient {
  user: string;
  reason: NoticeReason;
  /** false: only the gadget's "For you" shows it, nothing is posted on the wiki. */
  talk: boolean;
}

/** The record as the scan sees it when it reads an event. */
export interface RecipientContext {
  coordinators: readonly string[];
  /** Verified representatives of an affiliate. */
  representatives(affiliate: string): readonly string[];
  claim(id: number): { claimedBy: string; affiliate: string } | null;
  partner(id: string): {
    country: string;
    languages: string[];
    offers: Affiliate["capabilities"];
    referredBy: string;
  } | null;
  affiliates: readonly Affiliate[];
  /** Affiliates with an open (interested or lead) claim on a partner. */
  talkingTo(partner: string): readonly string[];
}

class Recipients {
  private readonly found = new Map<string, Recipient>();
  private readonly actor: string;
  constructor(actor: string) {
    this.actor = actor;
  }

  /** The first reason given for a person wins: callers add the closest involvement first. */
  add(users: Iterable<string>, reason: NoticeReason, talk = true): this {
    for (const user of users) {
      if (user === "" || user === this.actor) continue;
      const known = this.found.get(user);
      if (!known) this.found.set(user, { user, reason, talk });
      else if (talk && !known.talk) known.talk = true;
    }
    return this;
  }

  list(): Recipient[] {
    return [...this.found.values()];
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** The claimant and the verified representatives of the claim's affiliate. */
function claimSide(to: Recipients, ctx: RecipientContext, claimId: number | null): Recipients {
  const claim = claimId === null ? null : ctx.claim(claimId);
  if (!claim) return to;
  return to.add([claim.claimedBy], "claimant").add(ctx.representatives(claim.affiliate), "representative");
}

/** The partner's referrer sees decisions on it in "For you", without a talk-page post. */
function referrer(to: Recipients, ctx: RecipientContext, partnerId: string | null): Recipients {
  const partner = partnerId ? ctx.partner(partnerId) : null;
  return partner ? to.add([partner.referredBy], "referrer", false) : to;
}

/** Everyone to tell about `event`, without its actor. */
export function recipientsOf(event: Event, ctx: RecipientContext): Recipient[] {
  const to = new Recipients(event.actor);
  switch (event.type) {
    case "claim.created": {
      to.add(ctx.coordinators, "coordinator");
      const others = event.partner ? ctx.talkingTo(event.partner).filter((a) => a !== event.affiliate) : [];
      for (const affiliate of others) to.add(ctx.representatives(affiliate), "other_affiliate");
      return referrer(to, ctx, event.partner).list();
    }
    case "claim.accepted":
      // The lead that a hand-over makes is told by the hand-over's own event.
      if (event.data.handedOverFrom !== undefined) return [];
      return referrer(claimSide(to, ctx, event.claim), ctx, event.partner).list();
    case "claim.declined":
    case "claim.released":
    case "claim.completed":
      return referrer(claimSide(to, ctx, event.claim), ctx, event.partner).list();
    case "claim.stale_warning":
      return claimSide(to, ctx, event.claim).list();
    case "claim.handed_over": {
      const target = typeof event.data.to === "number" ? event.data.to : null;
      claimSide(to, ctx, event.claim);
      return referrer(claimSide(to, ctx, target), ctx, event.partner).list();
    }
    case "partner.referred": {
      to.add(ctx.coordinators, "coordinator");
      const partner = event.partner ? ctx.partner(event.partner) : null;
      if (partner) {
        for (const affiliate of ctx.affiliates)
          if (fit(partner, affiliate).score > 0) to.add(ctx.representatives(affiliate.id), "fits");
      }
      return to.list();
    }
    case "representative.requested":
      return to
        .add(event.affiliate ? ctx.representatives(event.affiliate) : [], "representative")
        .add(ctx.coordinators, "coordinator")
        .list();
    case "representative.verified":
    case "representative.removed": {
      const user = str(event.data.user);
      return user ? to.add([user], "requester").list() : [];
    }
    default:
      return [];
  }
}
