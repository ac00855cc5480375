/**
 * The one error type of the backend: a code from shared/api.ts's list, the params a client words
 * it with (ids and names of what it is about, limits), an English message for logs, and
 * sometimes details (the claim as it is now, validation issues). The domain throws it without
 * any HTTP status; the HTTP layer (routes/errors.ts) maps each code to its status in one table.
 */
import type { ErrorCode, ErrorParams } from "../shared/api.ts";

export interface AppErrorOptions {
  params?: ErrorParams;
  details?: unknown;
  /** Response headers that belong to the error (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.params = options.params ?? {};
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** What a `not_found` is about. */
export type Kind = "partner" | "affiliate" | "claim" | "representative" | "coordinator" | "route";

export const notFound = (kind: Kind, id: string | number, message = `${kind} ${id} does not exist`) =>
  new AppError("not_found", message, { params: { kind, id } });

/** The rule that refused a signed-in user. */
export type ForbiddenRule =
  | "blocked"
  | "coordinator_only"
  | "claimant_or_representative"
  | "referrer_or_coordinator"
  | "representative_or_coordinator"
  | "self_representative_or_coordinator"
  | "dev_login_loopback_only";

export const forbidden = (rule: ForbiddenRule, message: string, params: ErrorParams = {}) =>
  new AppError("forbidden", message, { params: { rule, ...params } });

/** `rate_limited` with `Retry-After` (seconds) as a header, in params and (as before) in details. */
export const rateLimited = (message: string, retryAfter: number) =>
  new AppError("rate_limited", message, {
    params: { retryAfter },
    headers: { "Retry-After": String(retryAfter) },
    details: { retryAfter },
  });
