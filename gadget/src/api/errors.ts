/** Backend failures as one typed error, so views branch on `kind`, not on text. */
import type { ErrorCode } from "../../../shared/api.ts";
import type { ValidationIssue } from "../../../shared/validation.ts";

export type ErrorKind =
  | "conflict"
  | "forbidden"
  | "unauthorized"
  | "rate_limited"
  | "validation"
  | "not_found"
  | "network"
  | "server"
  | "other";

export class BackendError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly code: ErrorCode | "network" | "unknown";
  readonly details: unknown;
  /** The API's `params`: what the message about this error needs (names, statuses, limits). */
  readonly params: Record<string, unknown>;
  /** Seconds to wait, from a 429's Retry-After. */
  readonly retryAfter: number | null;

  constructor(
    kind: ErrorKind,
    status: number,
    code: BackendError["code"],
    message: string,
    details?: unknown,
    retryAfter: number | null = null,
    params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
    // Servers from before `params` put the same facts in `details`.
    const fallback = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
    this.params = params ?? fallback;
  }

  /** Field issues of a 422 (`details.issues`), as the backend's validation hook sends them. */
  get issues(): ValidationIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as ValidationIssue[]) : [];
  }
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "conflict",
  422: "validation",
  429: "rate_limited",
};

/** Turn a non-2xx response into a BackendError, reading the API's `{error: {code, message, params, details}}`. */
export async function errorFromResponse(res: Response): Promise<BackendError> {
  let body: {
    error?: { code?: ErrorCode; message?: string; details?: unknown; params?: Record<string, unknown> };
  } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  const kind = KIND_BY_STATUS[res.status] ?? (res.status >= 500 ? "server" : "other");
  const retry = Number(res.headers.get("Retry-After"));
  return new BackendError(
    kind,
    res.status,
    body.error?.code ?? "unknown",
    body.error?.message ?? res.statusText,
    body.error?.details,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    body.error?.params,
  );
}

export const networkError = (cause: unknown) =>
  new BackendError("network", 0, "network", cause instanceof Error ? cause.message : String(cause));
