/**
 * The record's shapes, shared by the backend (validation, OpenAPI) and the
 * gadget (forms, API types). Change a shape here and both sides' builds see it.
 */
import { z } from "zod";
import { COUNTRY_CODES } from "./countries.ts";
import {
  AFFILIATE_KINDS,
  CLAIM_STATUSES,
  EVENT_TYPES,
  FUNDING,
  OFFERS,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PROJECTS,
  STAGES,
} from "./vocabulary.ts";

// Control characters other than tab and newline never belong in the record:
// they break wikitext, CSV and terminals alike; C1 controls (U+0080–U+009F,
// NEL among them) as much as C0 ones. Bidi embeddings and overrides
// (U+202A–U+202E) are refused too: they spoof names; isolates remain allowed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E]/;

/**
 * A UTF-16 surrogate without its partner (JSON's `"\ud800"` makes one): it is no character,
 * D1 would store invalid UTF-8 and node:sqlite U+FFFD. (`isWellFormed` is too new for the gadget.)
 */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/** Any string the API takes, before it is normalised: no lone surrogates. */
const wellFormed = () => z.string().refine((s) => !hasLoneSurrogate(s), "must be valid Unicode text");

/** A single-line human text: trimmed, NFC, no control characters. */
export const line = (max: number) =>
  wellFormed()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "must not be empty")
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL_OR_NEWLINE.test(s), {
          message: "must be a single line without control characters",
          params: { rule: "single_line" },
        }),
    );

/** A multi-line human text (may be empty). */
export const text = (max: number) =>
  wellFormed()
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL.test(s), {
          message: "must not contain control characters",
          params: { rule: "control" },
        }),
    );

/** Patterns whose failures the gadget words by name (zod keeps a regex's pattern, not its params). */
export const PATTERNS = {
  slug: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  qid: /^Q[1-9][0-9]{0,11}$/,
  language: /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/,
} as const;

export const Slug = z
  .string()
  .min(2)
  .max(80)
  .regex(PATTERNS.slug, "must be lower-case letters, digits and single hyphens");

export const Qid = z.string().regex(PATTERNS.qid, "must be a Wikidata item id such as Q123");

export const CountryCode = z.string().refine((c) => COUNTRY_CODES.has(c), {
  message: "must be an ISO 3166-1 alpha-2 code such as DE",
  params: { rule: "country" },
});

export const LanguageTag = z
  .string()
  .max(35)
  .regex(PATTERNS.language, "must be a BCP 47 language tag such as de or pt-BR")
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { message: "must be a valid BCP 47 language tag", params: { rule: "language" } },
  );

/** A wiki user name as MediaWiki normalises it: first letter upper-case, spaces not underscores. */
export const UserName = z
  .string()
  .transform((s) => normaliseUserName(s))
  .pipe(
    z
      .string()
      .min(1)
      .max(85)
      .refine((s) => !/[#<>[\]|{}/@:\u0000-\u001F\u007F-\u009F]/.test(s) && !hasLoneSurrogate(s), {
        message: "is not a valid wiki user name",
        params: { rule: "user_name" },
      }),
  );

/**
 * A user name as a person types it (a form, the dev login, COORDINATORS): underscores become
 * spaces, and the first letter is upper-cased only where that gives one character, as MediaWiki
 * does on Wikimedia ("ßabine" stays "ßabine", never "SSabine", which is another account).
 * A name the wiki gave is never passed through this: it is already the wiki's.
 */
export function normaliseUserName(name: string): string {
  const spaced = name.normalize("NFC").replace(/_/g, " ").replace(/\s+/g, " ").trim();
  const first = String.fromCodePoint(spaced.codePointAt(0) ?? 32);
  if (spaced === "") return spaced;
  const upper = first.toUpperCase();
  return ([...upper].length === 1 ? upper : first) + spaced.slice(first.length);
}

export const HttpUrl = z
  .string()
  .max(2000)
  .refine(
    (u) => {
      try {
        const url = new URL(u);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    },
    { message: "must be an http or https URL", params: { rule: "url" } },
  );

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a as unknown[]).size === a.length, {
      message: "must not repeat a value",
      params: { rule: "unique" },
    });

export const PartnerKind = z.enum(PARTNER_KINDS);
export const Offer = z.enum(OFFERS);
export const Project = z.enum(PROJECTS);
export const Funding = z.enum(FUNDING);
export const AffiliateKind = z.enum(AFFILIATE_KINDS);
export const PartnerStatus = z.enum(PARTNER_STATUSES);
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export const Stage = z.enum(STAGES);
export const EventType = z.enum(EVENT_TYPES);

export const Link = z.strictObject({ label: line(200), url: HttpUrl });

const Timestamp = z.string().meta({ description: "ISO 8601 UTC time" });

/** The private part of a partner: coordinators, the referrer and the lead's representatives only. */
export const PartnerContact = z
  .strictObject({
    name: text(200),
    email: z.union([z.literal(""), z.email().max(254)]),
    notes: text(5000),
  })
  .meta({ id: "PartnerContact" });

const partnerFields = {
  name: line(200),
  wikidata: Qid.nullable(),
  website: HttpUrl.nullable().meta({ description: "the institution's own website" }),
  kind: PartnerKind,
  country: CountryCode,
  languages: uniqueList(LanguageTag, 20).min(1, "name at least one language"),
  offers: uniqueList(Offer, OFFERS.length).min(1, "name at least one offer"),
  projects: uniqueList(Project, PROJECTS.length),
  funding: Funding,
  summary: text(2000),
  asks: z.array(line(300)).max(20),
  links: z.array(Link).max(20),
};

/** `POST /partners`: refer a partner. */
export const PartnerInput = z
  .strictObject({
    ...partnerFields,
    id: Slug.optional(),
    wikidata: Qid.nullable().default(null),
    website: HttpUrl.nullable().default(null),
    confirmNew: z.boolean().default(false).meta({
      description: "refer it although it may be a partner already in the directory (not for the same Wikidata item)",
    }),
    projects: partnerFields.projects.default([]),
    summary: partnerFields.summary.default(""),
    asks: partnerFields.asks.default([]),
    links: partnerFields.links.default([]),
    affiliate: Slug.nullable().default(null).meta({ description: "the affiliate the referrer acts for" }),
    contact: PartnerContact.optional(),
  })
  .meta({ id: "PartnerInput" });

/** `PATCH /partners/{id}`: any subset of the editable fields. */
export const PartnerPatch = z
  .strictObject({ ...partnerFields, contact: PartnerContact })
  .partial()
  .refine((p) => Object.keys(p).length > 0, {
    message: "change at least one field",
    params: { rule: "change_something" },
  })
  .meta({ id: "PartnerPatch" });

export const Partner = z
  .strictObject({
    id: Slug,
    ...partnerFields,
    // Pages the mirror wrote before partners had a website read as none.
    website: partnerFields.website.default(null),
    referredBy: z.strictObject({ user: z.string(), affiliate: z.string().nullable() }),
    status: PartnerStatus,
    lead: z
      .strictObject({
        claim: z.number().int(),
        affiliate: z.string(),
        stage: Stage.nullable(),
        staleSince: Timestamp.nullable().meta({
          description: "set while the lead has had no progress for STALE_AFTER_DAYS",
        }),
      })
      .nullable(),
    interested: z.array(z.string()).meta({ description: "affiliates with an open claim, the lead included" }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: "Partner" });

export const Claim = z
  .strictObject({
    id: z.number().int(),
    partner: Slug,
    affiliate: Slug,
    claimedBy: z.string(),
    message: z.string(),
    verified: z.boolean(),
    status: ClaimStatus,
    stage: Stage.nullable(),
    stageNote: z.string(),
    progressAt: Timestamp.nullable(),
    staleSince: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: "Claim" });

export const PartnerDetail = Partner.extend({
  claims: z.array(Claim),
  contact: PartnerContact.optional().meta({ description: "present only for those allowed to see it" }),
}).meta({ id: "PartnerDetail" });

const affiliateFields = {
  name: line(200),
  kind: AffiliateKind,
  wikiPage: line(255),
  countries: uniqueList(CountryCode, 300),
  languages: uniqueList(LanguageTag, 50),
  capabilities: uniqueList(Offer, OFFERS.length),
};

export const AffiliateInput = z
  .strictObject({
    id: Slug,
    ...affiliateFields,
    countries: affiliateFields.countries.default([]),
    languages: affiliateFields.languages.default([]),
    capabilities: affiliateFields.capabilities.default([]),
  })
  .meta({ id: "AffiliateInput" });

export const AffiliatePatch = z
  .strictObject(affiliateFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, {
    message: "change at least one field",
    params: { rule: "change_something" },
  })
  .meta({ id: "AffiliatePatch" });

export const Representative = z
  .strictObject({
    affiliate: Slug,
    user: z.string(),
    status: z.enum(["requested", "verified"]),
    verifiedBy: z.string().nullable(),
    since: Timestamp,
  })
  .meta({ id: "Representative" });

export const Affiliate = z
  .strictObject({
    id: Slug,
    ...affiliateFields,
    representatives: z.array(Representative),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: "Affiliate" });

export const Event = z
  .strictObject({
    seq: z.number().int(),
    at: Timestamp,
    actor: z.string(),
    type: EventType,
    partner: z.string().nullable(),
    affiliate: z.string().nullable(),
    claim: z.number().int().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Event" });

export type PartnerInput = z.input<typeof PartnerInput>;
export type PartnerPatch = z.input<typeof PartnerPatch>;
export type PartnerContact = z.infer<typeof PartnerContact>;
export type Partner = z.infer<typeof Partner>;
export type PartnerDetail = z.infer<typeof PartnerDetail>;
export type Claim = z.infer<typeof Claim>;
export type AffiliateInput = z.input<typeof AffiliateInput>;
export type AffiliatePatch = z.input<typeof AffiliatePatch>;
export type Affiliate = z.infer<typeof Affiliate>;
export type Representative = z.infer<typeof Representative>;
export type Event = z.infer<typeof Event>;
export type Link = z.infer<typeof Link>;
