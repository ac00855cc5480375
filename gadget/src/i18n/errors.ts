/**
 * What went wrong, in the user's language: an API error from its code and parameters
 * (`partnerhub-error-<code>`), a validation issue from zod's issue code, its limits and rule,
 * and the field from the same message as the form's label. The server's English never shows.
 */
import type { ComponentChild } from "preact";
import type { ErrorCode } from "../../../shared/api.ts";
import type { ValidationIssue } from "../../../shared/validation.ts";
import type { I18n, MessageKey } from "./index.ts";

/** The label of each field, by its path in a request body: the same keys as the forms' labels. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: "partnerhub-refer-name",
  wikidata: "partnerhub-wikidata",
  kind: "partnerhub-facet-kind",
  country: "partnerhub-facet-country",
  languages: "partnerhub-facet-language",
  offers: "partnerhub-facet-offer",
  projects: "partnerhub-projects",
  funding: "partnerhub-facet-funding",
  summary: "partnerhub-refer-summary",
  asks: "partnerhub-asks-heading",
  links: "partnerhub-links-heading",
  "contact.name": "partnerhub-refer-contact-name",
  "contact.email": "partnerhub-refer-contact-email",
  "contact.notes": "partnerhub-refer-contact-notes",
  affiliate: "partnerhub-claim-affiliate",
  message: "partnerhub-claim-message",
  reason: "partnerhub-action-reason",
  note: "partnerhub-action-note",
  stage: "partnerhub-action-stage",
  to: "partnerhub-action-handover-to",
  username: "partnerhub-devlogin-username",
};

const TOO_MANY: Record<string, MessageKey> = {
  languages: "partnerhub-issue-too-many-languages",
  asks: "partnerhub-issue-too-many-asks",
  links: "partnerhub-issue-too-many-links",
};

const RULES: Record<string, MessageKey> = {
  country: "partnerhub-issue-country",
  language: "partnerhub-issue-language",
  qid: "partnerhub-issue-qid",
  slug: "partnerhub-issue-slug",
  url: "partnerhub-issue-url",
  single_line: "partnerhub-issue-single-line",
  control: "partnerhub-issue-control",
  unique: "partnerhub-issue-unique",
  user_name: "partnerhub-issue-user-name",
  change_something: "partnerhub-issue-change-something",
};

/** The field an issue belongs to: `contact.email` stays whole, `languages.3` is `languages`. */
export function fieldOf(path: string): string {
  const [first = "", second] = path.split(".");
  return first === "contact" && second ? `${first}.${second}` : first;
}

/** One validation issue as a sentence, without the field's name. */
export function issueText(i18n: I18n, issue: ValidationIssue): string {
  const field = fieldOf(issue.path);
  const list = issue.origin === "array" || issue.origin === "set";
  switch (issue.code) {
    case "too_small": {
      const min = issue.minimum ?? 1;
      if (list) return min <= 1 ? i18n.t("partnerhub-issue-choose-one") : i18n.t("partnerhub-issue-too-few", min);
      return min <= 1 ? i18n.t("partnerhub-issue-required") : i18n.t("partnerhub-issue-too-short", min);
    }
    case "too_big": {
      const max = issue.maximum ?? 0;
      if (list) return i18n.t(TOO_MANY[field] ?? "partnerhub-issue-too-many", max);
      return i18n.t("partnerhub-issue-too-long", max);
    }
    case "invalid_format":
      if (issue.rule && RULES[issue.rule]) return i18n.t(RULES[issue.rule] as MessageKey);
      if (issue.format === "email") return i18n.t("partnerhub-issue-email");
      if (issue.format === "url") return i18n.t("partnerhub-issue-url");
      return i18n.t("partnerhub-issue-format");
    case "custom":
      return i18n.t((issue.rule && RULES[issue.rule]) || "partnerhub-issue-format");
    case "invalid_value":
      return i18n.t(field === "country" ? "partnerhub-issue-country" : "partnerhub-issue-choose");
    case "invalid_type":
      return i18n.t(issue.path ? "partnerhub-issue-required" : "partnerhub-issue-format");
    case "unrecognized_keys":
      return i18n.t("partnerhub-issue-unknown-field");
    default:
      return i18n.t("partnerhub-issue-format");
  }
}

/** "Country: Choose a country from the list." — the field named as the form labels it. */
export function issueLine(i18n: I18n, issue: ValidationIssue): string {
  const label = FIELD_LABELS[fieldOf(issue.path)];
  const text = issueText(i18n, issue);
  return label ? i18n.t("partnerhub-issue-field", i18n.t(label), text) : text;
}

/** What the gadget knows of a failed request: the API's code, its parameters, the HTTP status. */
export interface ErrorFacts {
  /** `gadget` for a failure on the page itself (no answer of the backend to go by). */
  code: ErrorCode | "network" | "unknown" | "gadget" | (string & {});
  status: number;
  /** The API's `params`, or for older servers its `details`. */
  params: Record<string, unknown>;
  issues: ValidationIssue[];
  retryAfter: number | null;
}

export interface ErrorNames {
  affiliate: (id: string) => string;
  claimStatus: (status: string) => string;
  partnerStatus: (status: string) => string;
}

const byStatus = (i18n: I18n, status: number) =>
  status >= 500 ? i18n.t("partnerhub-error-internal") : i18n.t("partnerhub-error-unknown", status);

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** An API or network failure as a sentence, with names isolated for bidi. */
export function errorText(i18n: I18n, e: ErrorFacts, names: ErrorNames): ComponentChild[] {
  switch (e.code) {
    case "rate_limited":
      return [i18n.t("partnerhub-error-rate_limited", e.retryAfter ?? 60)];
    case "validation_failed":
      return e.issues.length > 0
        ? [i18n.t("partnerhub-error-validation_failed", i18n.list(e.issues.map((x) => issueLine(i18n, x))))]
        : [i18n.t("partnerhub-error-bad_request")];
    case "claim_conflict": {
      const claim = e.params.claim as { affiliate?: unknown; status?: unknown } | undefined;
      const affiliate = str(e.params.affiliate) ?? str(claim?.affiliate);
      const status = str(e.params.status) ?? str(claim?.status);
      return affiliate && status
        ? i18n.bdi("partnerhub-error-claim_conflict", names.affiliate(affiliate), names.claimStatus(status))
        : [i18n.t("partnerhub-error-conflict")];
    }
    case "conflict": {
      const status = str(e.params.status);
      return status
        ? i18n.bdi("partnerhub-error-conflict-status", names.partnerStatus(status))
        : [i18n.t("partnerhub-error-conflict")];
    }
    case "network":
      return [i18n.t("partnerhub-error-network")];
    case "gadget":
      return [i18n.t("partnerhub-error-gadget")];
    case "unknown":
      return [byStatus(i18n, e.status)];
    default: {
      // A code this gadget does not know yet (a newer server): worded by its status.
      const key = `partnerhub-error-${e.code}`;
      return [i18n.has(key) ? i18n.t(key) : byStatus(i18n, e.status)];
    }
  }
}
