/**
 * What went wrong, in the user's language: an API error from its code and parameters
 * (`partnerhub-error-<code>`); its validation issues as i18n/issues.ts words them. The
 * server's English never shows.
 */
import type { ComponentChild } from "preact";
import type { ErrorCode } from "../../../shared/api.ts";
import type { ValidationIssue } from "../../../shared/validation.ts";
import type { I18n } from "./index.ts";

/**
 * How validation issues are worded (i18n/issues.ts): set by the on-demand modules, whose forms
 * are where issues come from, so that the browsing bundle carries none of their messages.
 */
let wordIssue: ((i18n: I18n, issue: ValidationIssue) => string) | null = null;

export function wordIssuesWith(word: (i18n: I18n, issue: ValidationIssue) => string): void {
  wordIssue = word;
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
      return e.issues.length > 0 && wordIssue
        ? [
            i18n.t(
              "partnerhub-error-validation_failed",
              i18n.list(e.issues.map((x) => (wordIssue as NonNullable<typeof wordIssue>)(i18n, x))),
            ),
          ]
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
