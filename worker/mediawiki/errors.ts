/** Errors from the MediaWiki Action API, carrying the API's own `code` and `info` so callers branch on codes. */

export class MediaWikiError extends Error {
  /** The API's error code (`editconflict`, `maxlag`, …), or one of ours: `http-503`, `nonjson`, `network`, `login-failed`. */
  readonly code: string;
  readonly info: string;
  /** HTTP status of the answer, 0 when there was none (network error). */
  readonly status: number;
  /** Seconds from a Retry-After header, when the wiki sent one. */
  readonly retryAfter: number | null;

  constructor(
    code: string,
    info: string,
    options: { status?: number; retryAfter?: number | null; cause?: unknown } = {},
  ) {
    super(`${code}: ${info}`, { cause: options.cause });
    this.name = "MediaWikiError";
    this.code = code;
    this.info = info;
    this.status = options.status ?? 0;
    this.retryAfter = options.retryAfter ?? null;
  }
}

/** Answers worth repeating after a pause: the wiki is busy, lagged, read-only or briefly broken. */
const TRANSIENT = new Set([
  "maxlag",
  "ratelimited",
  "readonly",
  "nonjson",
  "network",
  "internal_api_error_DBQueryError",
]);

export function isTransient(error: MediaWikiError): boolean {
  return TRANSIENT.has(error.code) || error.status >= 500 || error.code.startsWith("http-5");
}

/** The session is gone (expired, logged out, cookies lost): log in again. */
export function isSessionLoss(error: MediaWikiError): boolean {
  return error.code === "assertuserfailed" || error.code === "assertbotfailed" || error.code === "notloggedin";
}
