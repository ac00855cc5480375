/**
 * The HTTP side of errors: each code's status, in one table, and Hono's `onError`, which turns
 * every failure into the API's one shape `{"error": {code, message, params, details?}}`.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../../shared/api.ts";
import { AppError } from "../errors.ts";

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  claim_conflict: 409,
  possible_duplicate: 409,
  merge_conflict: 409,
  partner_merged: 301,
  version_mismatch: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  mirror_unavailable: 503,
  wiki_unavailable: 502,
  internal: 500,
};

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(STATUS_OF) as [ErrorCode, number][]).reverse().map(([code, status]) => [status, code]),
);

/** Hono's `onError`. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const details = err.details === undefined ? {} : { details: err.details };
    return c.json(
      { error: { code: err.code, message: err.message, params: err.params, ...details } },
      STATUS_OF[err.code],
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = CODE_BY_STATUS.get(status) ?? (status >= 500 ? "internal" : "bad_request");
    const message = /malformed json/i.test(err.message)
      ? "The request body is not valid JSON"
      : err.message || "Bad request";
    return c.json({ error: { code, message, params: {} } }, status);
  }
  console.error("unhandled error", err);
  return c.json(
    { error: { code: "internal" as const, message: "Something went wrong on our side; please try again", params: {} } },
    500,
  );
}
