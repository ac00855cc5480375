/** Sign-in failures as one typed error, so views branch on `code`, not on text. */
export type SignInErrorCode =
  /** The user pressed Cancel on the wiki's authorization page. */
  | "oauth_denied"
  /** The wiki's answer was not for this sign-in (wrong or missing state, no pending sign-in). */
  | "oauth_invalid_response"
  /** The wiki refused the code (used, expired, or PKCE mismatch) or answered something else. */
  | "oauth_exchange_failed"
  /** The backend was not agreed to; nothing was sent to it. */
  | "consent_required"
  /** The backend refused the sign-in (e.g. a blocked account: `status` 403), or was unreachable (`status` 0). */
  | "backend_refused";

/** Every code, for the message catalogue's check (`partnerhub-signin-error-<code>`). */
export const SIGN_IN_ERROR_CODES: readonly SignInErrorCode[] = [
  "oauth_denied",
  "oauth_invalid_response",
  "oauth_exchange_failed",
  "consent_required",
  "backend_refused",
];
/**
 * The code of a sign-in failure, recognised by name rather than `instanceof`: the error may
 * come from the on-demand module, whose SignInError is a copy of this bundle's class.
 */
export function signInErrorCode(error: unknown): SignInErrorCode {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === "SignInError" && typeof e.code === "string" ? (e.code as SignInErrorCode) : "backend_refused";
}

export class SignInError extends Error {
  readonly code: SignInErrorCode;
  /** HTTP status of the refusing answer, 0 for none. */
  readonly status: number;
  constructor(code: SignInErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message);
    this.name = "SignInError";
    this.code = code;
    this.status = options.status ?? 0;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
