/** One error type and one place that turns errors into the API's error shape. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../shared/api.ts";

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** What the gadget needs to word the error in the user's language (names, ids, counts). */
  readonly params: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: {
      details?: unknown;
      params?: Record<string, unknown>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.params = options.params;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} does not exist`);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);

/** 429 with `Retry-After` (seconds) as a header and in `details`. */
export const rateLimited = (message: string, retryAfter: number) =>
  new ApiError(429, "rate_limited", message, {
    headers: { "Retry-After": String(retryAfter) },
    details: { retryAfter },
  });

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "version_mismatch",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  428: "precondition_required",
  429: "rate_limited",
};

/** Hono's `onError`: every failure leaves as `{"error": {code, message, details}}`. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const body = {
      error: {
        code: err.code,
        message: err.message,
        ...(err.params === undefined ? {} : { params: err.params }),
        ...(err.details === undefined ? {} : { details: err.details }),
      },
    };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? "internal" : "bad_request");
    const message = /malformed json/i.test(err.message)
      ? "The request body is not valid JSON"
      : err.message || "Bad request";
    return c.json({ error: { code, message } }, status);
  }
  console.error("unhandled error", err);
  return c.json(
    { error: { code: "internal" as const, message: "Something went wrong on our side; please try again" } },
    500,
  );
}
