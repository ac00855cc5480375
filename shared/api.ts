/**
 * Requests and responses of the v1 API (`/api/v1`), beyond the record's own shapes
 * (`schemas.ts`): every route declares its answers with these, the gadget's client is typed by
 * them, and the API tests parse every answer with them.
 */
import { z } from "zod";
import { Affiliate, Claim, Event, line, Partner, PartnerDetail, Qid, Slug, Stage, text, UserName } from "./schemas.ts";
import { IMPORT_FIELDS } from "./import-table.ts";
import { PARTNER_SORTS } from "./directory-search.ts";
import { LIMITS } from "./limits.ts";
import { FUNDING, NOTIFICATION_MODES, OFFERS, PARTNER_KINDS, PARTNER_STATUSES } from "./vocabulary.ts";

export { API_BASE, D1_BOOKMARK_HEADER } from "./api-base.ts";

/**
 * Every error code the API answers with, and what it means. The gadget words an error from its
 * `code` and `params` (message `partnerhub-error-<code>`); `message` is English, for logs.
 */
export const ERROR_CODE_DOCS = {
  bad_request: "The request is malformed: not JSON, a bad cursor, a bad If-Match.",
  validation_failed: "The body, query or path failed validation; details.issues say where and why.",
  unauthorized: "Not signed in, or the session is invalid or expired.",
  forbidden: "Signed in but not allowed; params.rule names the rule (e.g. coordinator_only).",
  not_found: "No such thing; params.kind and params.id name it.",
  conflict: "Conflicts with the record as it is now (a closed or done partner, a duplicate); params say which.",
  claim_conflict: "The claim is not in the status this action needs, or changed meanwhile; details.claim is it now.",
  possible_duplicate:
    "The partner may already be in the directory; details.candidates name them (send confirmNew: true if it is new).",
  merge_conflict: "The merge cannot be made as asked; params.reason says why (same_partner, merged, open_claims).",
  partner_merged: "The partner was merged into another one; params.into names it (the answer is a 301 to it).",
  version_mismatch: "The version given (If-Match or version) is not the current one; params.version is.",
  precondition_required: "If-Match is required for this edit.",
  payload_too_large: "The body is larger than params.maxBytes.",
  unsupported_media_type: "The body must be application/json.",
  rate_limited: "Too many requests; params.retryAfter seconds (also the Retry-After header).",
  mirror_unavailable: "The mirror has no wiki credentials.",
  wiki_unavailable: "The wiki could not be reached or its answer was not understood; try again.",
  internal: "Something went wrong on the server.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODE_DOCS;
export const ERROR_CODES = Object.keys(ERROR_CODE_DOCS) as [ErrorCode, ...ErrorCode[]];

/** Values an error's message is worded with: ids and names of what it is about, limits, statuses. */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

/** One failed check of a 422: where, zod's code, the limits it broke, the rule it stands for. */
export const ValidationIssue = z
  .looseObject({
    /** Dotted path into the request body, e.g. `languages.3` or `contact.email`. */
    path: z.string(),
    /** zod's issue code: `too_big`, `too_small`, `invalid_format`, `invalid_value`, `custom`… */
    code: z.string(),
    /** English, for logs and curl. */
    message: z.string(),
    /** What was measured (`string`, `array`, `number`) by `too_big` and `too_small`. */
    origin: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** The format of `invalid_format` (`email`, `url`) or, for a pattern, the rule it stands for. */
    format: z.string().optional(),
    /** The rule a `custom` check or pattern stands for: `country`, `language`, `qid`, `unique`… */
    rule: z.string().optional(),
  })
  .meta({ id: "ValidationIssue" });
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** A partner that may be the one described (a referral, an imported row), and why it may be. */
export const DuplicateCandidate = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    why: z.array(z.enum(["wikidata", "website", "name"])),
  })
  .meta({ id: "DuplicateCandidate" });

/**
 * What some errors carry beyond their params: the validation issues, the claim or the status as
 * it is now (so that a client can show the current state without another read), a version.
 */
export const ErrorDetails = z
  .strictObject({
    target: z.string().optional().meta({ description: "validation_failed: json, query, param or header" }),
    issues: z.array(ValidationIssue).optional(),
    claim: Claim.optional().meta({ description: "the claim as it is now" }),
    partner: Slug.optional().meta({ description: "the partner that is already in the directory" }),
    status: z.string().nullable().optional().meta({ description: "the status as it is now" }),
    version: z.number().int().nullable().optional().meta({ description: "the current version" }),
    retryAfter: z.number().int().optional(),
    candidates: z
      .array(DuplicateCandidate)
      .optional()
      .meta({ description: "possible_duplicate: the partners it may be, likeliest first" }),
  })
  .meta({ id: "ErrorDetails" });
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ApiError = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES).meta({
        description: Object.entries(ERROR_CODE_DOCS)
          .map(([code, doc]) => `\`${code}\`: ${doc}`)
          .join("\n"),
      }),
      message: z.string().meta({ description: "English, for logs; clients word the error from code and params" }),
      params: ErrorParams,
      details: ErrorDetails.optional(),
    }),
  })
  .meta({ id: "Error" });
export type ApiError = z.infer<typeof ApiError>;

export const SessionUser = z
  .strictObject({
    id: z.string().meta({ description: "the wiki's user id (`sub`), or `dev:NAME` for development sessions" }),
    name: z.string(),
    blocked: z.boolean(),
  })
  .meta({ id: "SessionUser" });
export type SessionUser = z.infer<typeof SessionUser>;

// The token goes into an Authorization header to the wiki, so only RFC 6750 token characters:
// anything else is the client's mistake (422), not the wiki's (a 502 from a failed fetch).
export const SessionRequest = z.strictObject({
  accessToken: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[A-Za-z0-9\-._~+/]+=*$/, "an OAuth 2 access token has only letters, digits and -._~+/ (then =)"),
});
export const DevSessionRequest = z.strictObject({
  username: UserName,
  blocked: z.boolean().default(false).meta({ description: "simulate a blocked user (development only)" }),
});
export const SessionResponse = z
  .strictObject({ token: z.string(), expiresAt: z.string(), user: SessionUser })
  .meta({ id: "Session" });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const Me = z
  .strictObject({
    user: SessionUser,
    roles: z.strictObject({ coordinator: z.boolean(), canWrite: z.boolean() }),
    affiliates: z.array(z.strictObject({ affiliate: Slug, status: z.enum(["requested", "verified"]) })),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

/** A comma-separated list of values from a vocabulary, e.g. `kind=museum,library`. */
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length))
    .optional();

const csvCodes = (pattern: RegExp, what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, `must be ${what}`)).max(50))
    .optional();

export const PartnerListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  kind: csv(PARTNER_KINDS),
  country: csvCodes(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 codes"),
  language: csvCodes(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "BCP 47 tags"),
  offer: csv(OFFERS),
  funding: csv(FUNDING),
  status: csv(PARTNER_STATUSES),
  sort: z.enum(PARTNER_SORTS).default("name"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type PartnerListQuery = z.output<typeof PartnerListQuery>;

export const PartnerList = z
  .strictObject({
    partners: z.array(Partner),
    total: z.number().int().meta({ description: "matching partners, all pages together" }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "PartnerList" });
export type PartnerList = z.infer<typeof PartnerList>;

export const AffiliateList = z.strictObject({ affiliates: z.array(Affiliate) }).meta({ id: "AffiliateList" });
export type AffiliateList = z.infer<typeof AffiliateList>;

export const ClaimRequest = z
  .strictObject({ affiliate: Slug, message: text(LIMITS.claimMessage).default("") })
  .meta({ id: "ClaimRequest" });
export type ClaimRequest = z.input<typeof ClaimRequest>;

/** Body of withdraw / accept / decline / release / complete. `version` guards against acting on a stale view. */
export const TransitionRequest = z
  .strictObject({ version: z.number().int().min(1).optional(), reason: text(LIMITS.reason).default("") })
  .meta({ id: "TransitionRequest" });
export type TransitionRequest = z.input<typeof TransitionRequest>;

export const ProgressRequest = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    stage: Stage,
    note: text(LIMITS.progressNote).default(""),
  })
  .meta({ id: "ProgressRequest" });
export type ProgressRequest = z.input<typeof ProgressRequest>;

export const HandoverRequest = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    to: z.number().int().min(1).meta({ description: "the claim that becomes lead" }),
    reason: text(LIMITS.reason).pipe(z.string().min(1, "say why the partner is handed over")),
  })
  .meta({ id: "HandoverRequest" });
export type HandoverRequest = z.input<typeof HandoverRequest>;

export const ClaimResponse = z
  .strictObject({ claim: Claim, partner: PartnerDetail.optional() })
  .meta({ id: "ClaimResponse" });
export type ClaimResponse = z.infer<typeof ClaimResponse>;
export const HandoverResponse = z
  .strictObject({ released: Claim, lead: Claim, partner: PartnerDetail.optional() })
  .meta({ id: "HandoverResponse" });
export type HandoverResponse = z.infer<typeof HandoverResponse>;

export const RepresentativeRequest = z.strictObject({ username: UserName }).meta({ id: "RepresentativeRequest" });
/** `GET /me/claims`: every claim the caller made, whatever its state, the latest first. */
export const MyClaims = z.strictObject({ claims: z.array(Claim) }).meta({ id: "MyClaims" });
export type MyClaims = z.infer<typeof MyClaims>;
/** A user's standing with an affiliate after `POST /affiliates/{id}/representatives`. */
export const RoleResult = z
  .strictObject({ user: z.string(), status: z.enum(["requested", "verified"]) })
  .meta({ id: "RoleResult" });
export type RoleResult = z.infer<typeof RoleResult>;
export const CoordinatorList = z
  .strictObject({
    coordinators: z.array(z.strictObject({ user: z.string(), source: z.enum(["config", "added"]) })),
  })
  .meta({ id: "CoordinatorList" });
export type CoordinatorList = z.infer<typeof CoordinatorList>;
export const CoordinatorRequest = z.strictObject({ username: UserName }).meta({ id: "CoordinatorRequest" });
export const CloseRequest = z.strictObject({ reason: line(1000) }).meta({ id: "CloseRequest" });

export const EventListQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  partner: Slug.optional(),
  order: z
    .enum(["asc", "desc"])
    .default("asc")
    .meta({ description: "desc: the newest first (with `after`, still only events after it)" }),
});
export const EventList = z.strictObject({ events: z.array(Event), last: z.number().int() }).meta({ id: "EventList" });
export type EventList = z.infer<typeof EventList>;

export const MirrorStatus = z
  .strictObject({
    configured: z.boolean(),
    lastRunAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastEvent: z.number().int().meta({ description: "the last event that is on the wiki" }),
    latestEvent: z.number().int(),
    lag: z.number().int().meta({ description: "events not yet on the wiki" }),
    pages: z.array(
      z.strictObject({
        title: z.string(),
        revid: z.number().int().nullable(),
        syncedAt: z.string().nullable(),
        overwroteHumanEdit: z.boolean(),
      }),
    ),
    errors: z.array(z.strictObject({ at: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: "MirrorStatus" });
export type MirrorStatus = z.infer<typeof MirrorStatus>;

// Notifications: a person's choice, the "For you" feed, the coordinators' outbox status.
export const Preferences = z.strictObject({ notifications: z.enum(NOTIFICATION_MODES) }).meta({ id: "Preferences" });
export type Preferences = z.infer<typeof Preferences>;

export const FeedItem = z
  .strictObject({ event: Event, reason: z.string(), unseen: z.boolean() })
  .meta({ id: "FeedItem" });

export const Feed = z
  .strictObject({
    items: z.array(FeedItem).meta({ description: "newest first" }),
    unseen: z.number().int(),
    seenSeq: z.number().int(),
  })
  .meta({ id: "Feed" });
export type Feed = z.infer<typeof Feed>;

export const MarkSeen = z.strictObject({ upTo: z.number().int().min(0) }).meta({ id: "MarkSeen" });

export const NotificationStatus = z
  .strictObject({
    scannedTo: z.number().int().meta({ description: "the last event the outbox has read" }),
    totals: z.strictObject({
      pending: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      skipped: z.number().int(),
    }),
    recipients: z.array(
      z.strictObject({
        user: z.string(),
        state: z.enum(["pending", "sent", "failed", "skipped"]),
        detail: z.string().meta({ description: "why it failed or was skipped" }),
        pending: z.number().int(),
        deliveredTo: z.number().int(),
        lastSentAt: z.string().nullable(),
        lastAttemptAt: z.string().nullable(),
        revid: z.number().int().nullable(),
        sections: z.number().int(),
      }),
    ),
  })
  .meta({ id: "NotificationStatus" });
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const Health = z
  .strictObject({ status: z.literal("ok"), version: z.string(), time: z.string() })
  .meta({ id: "Health" });

export { Claim, Event, Partner };

// Intake: the duplicate check, merging, and importing a list.
export const IMPORT_MAX_ROWS = 1000;
/** A list of 1,000 full rows is well under this; the body limit of an import. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const DuplicateQuery = z.strictObject({
  name: z.string().max(200).optional(),
  wikidata: Qid.optional(),
  website: z.string().max(2000).optional(),
});

export const DuplicateList = z.strictObject({ candidates: z.array(DuplicateCandidate) }).meta({ id: "DuplicateList" });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const MergeRequest = z
  .strictObject({
    into: z.string().min(2).max(80),
    version: z.number().int().min(1).meta({ description: "the version of the partner being merged (its ETag)" }),
  })
  .meta({ id: "MergeRequest" });
export type MergeRequest = z.input<typeof MergeRequest>;

export const ImportRequest = z
  .strictObject({
    format: z.enum(["csv", "tsv", "wikitable"]),
    text: z.string().min(1).max(IMPORT_MAX_BYTES),
    columns: z
      .partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200))
      .optional()
      .meta({ description: "which column (by its header) holds which field; guessed from the headers when absent" }),
    dryRun: z.boolean().default(true),
    confirmNew: z
      .array(z.number().int().min(2))
      .max(IMPORT_MAX_ROWS)
      .default([])
      .meta({ description: "rows to create although they may duplicate a partner (never the same Wikidata item)" }),
  })
  .meta({ id: "ImportRequest" });
export type ImportRequest = z.input<typeof ImportRequest>;

/** Why a row cannot be imported, as a code the gadget words with its params. */
export const IMPORT_ISSUES = [
  "required",
  "unknown_country",
  "unknown_value",
  "not_a_website",
  "not_an_email",
  "not_a_wikidata_item",
  "formula",
  "too_long",
  "invalid",
] as const;

const RowIssue = z.strictObject({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string(),
  code: z.enum(IMPORT_ISSUES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ImportPreview = z
  .strictObject({
    format: z.enum(["csv", "tsv", "wikitable"]),
    headers: z.array(z.string()),
    columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
    rows: z.number().int().meta({ description: "data rows read (the header row is row 1)" }),
    create: z.array(z.strictObject({ row: z.number().int(), id: z.string(), name: z.string() })),
    duplicates: z.array(
      z.strictObject({
        row: z.number().int(),
        name: z.string(),
        candidates: z.array(DuplicateCandidate),
        sameAs: z.array(z.number().int()).meta({ description: "earlier rows of the same list it may repeat" }),
        confirmable: z.boolean().meta({ description: "false for the same Wikidata item: never a second partner" }),
      }),
    ),
    errors: z.array(RowIssue),
    committed: z.boolean(),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof ImportPreview>;
