/**
 * The hub's controlled vocabularies. The backend validates against them, the
 * mirror renders them, the gadget shows them through message keys
 * (`partnerhub-kind-museum`, `partnerhub-offer-images`, …).
 */

export const PARTNER_KINDS = [
  "museum",
  "library",
  "archive",
  "university",
  "society",
  "company",
  "government",
  "other",
] as const;

/** What an institution offers, and what an affiliate is able to take on. */
export const OFFERS = ["images", "data", "text", "training", "course", "editathon", "residency", "other"] as const;

export const PROJECTS = [
  "wikipedia",
  "wikidata",
  "commons",
  "wikisource",
  "wiktionary",
  "wikibooks",
  "wikivoyage",
  "wikiversity",
  "wikinews",
  "wikiquote",
  "wikispecies",
  "wikifunctions",
] as const;

export const FUNDING = ["can_pay", "has_grant", "seeking_funding", "none"] as const;

export const AFFILIATE_KINDS = ["chapter", "user_group", "thematic", "other"] as const;

/** Derived, never stored: see `partnerStatus()`. */
export const PARTNER_STATUSES = ["open", "matched", "done", "closed"] as const;

export const CLAIM_STATUSES = ["interested", "lead", "completed", "withdrawn", "declined", "released"] as const;

/** Claims that still hold a place: one per (partner, affiliate). */
export const STAGES = ["contacted", "agreement", "delivering", "done"] as const;

export const EVENT_TYPES = [
  "partner.referred",
  "partner.edited",
  "partner.closed",
  "partner.reopened",
  "partner.merged",
  "partners.imported",
  "affiliate.created",
  "affiliate.edited",
  "representative.requested",
  "representative.verified",
  "representative.removed",
  "representative.refused",
  "coordinator.added",
  "coordinator.removed",
  "claim.created",
  "claim.withdrawn",
  "claim.accepted",
  "claim.declined",
  "claim.released",
  "claim.completed",
  "claim.progressed",
  "claim.handed_over",
  "claim.stale",
  "claim.stale_warning",
  "mirror.run",
] as const;

/** How often the bot posts notices on a person's talk page: every run, a daily or weekly digest, or never. */
export const NOTIFICATION_MODES = ["immediate", "daily", "weekly", "none"] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type Offer = (typeof OFFERS)[number];
export type Project = (typeof PROJECTS)[number];
export type Funding = (typeof FUNDING)[number];
export type AffiliateKind = (typeof AFFILIATE_KINDS)[number];
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type Stage = (typeof STAGES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
