/**
 * Backend failures as one typed error, read by one parser from the API's error shape
 * `{"error": {code, message, params, details}}`. Views word an error from `code` and `params`
 * (components/ErrorMessage.tsx); `message` is the server's English, for logs only.
 */
import type { ApiError, ErrorCode, ErrorDetails } from "../../../shared/api.ts";
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

/** What the wire may carry as `params`: names, ids, counts. */
export type ErrorParams = Record<string, unknown>;

export class BackendError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  /** The API's code; `network` when there was no answer, `unknown` when the answer had none. */
  readonly code: ErrorCode | "network" | "unknown" | (string & {});
  readonly params: ErrorParams;
  readonly details: ErrorDetails | undefined;
  /** Seconds to wait, from a 429's Retry-After. */
  readonly retryAfter: number | null;

  constructor(o: {
    kind: ErrorKind;
    status: number;
    code: BackendError["code"];
    message: string;
    params?: ErrorParams;
    details?: ErrorDetails;
    retryAfter?: number | null;
  }) {
    super(o.message);
    this.name = "BackendError";
    this.kind = o.kind;
    this.status = o.status;
    this.code = o.code;
    this.params = o.params ?? {};
    this.details = o.details;
    this.retryAfter = o.retryAfter ?? null;
  }

  /** Field issues of a 422 (`details.issues`), as the backend's validation hook sends them. */
  get issues(): ValidationIssue[] {
    const issues = this.details?.issues;
    return Array.isArray(issues) ? issues : [];
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

interface WireError {
  /** The API's error shape, read defensively: a proxy or an older backend may send less. */
  error?: Partial<ApiError["error"]>;
}

/** Turn a non-2xx response into a BackendError. */
export async function errorFromResponse(res: Response): Promise<BackendError> {
  let body: WireError = {};
  try {
    body = (await res.json()) as WireError;
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  const retry = Number(res.headers.get("Retry-After"));
  const params = body.error?.params;
  return new BackendError({
    kind: KIND_BY_STATUS[res.status] ?? (res.status >= 500 ? "server" : "other"),
    status: res.status,
    code: body.error?.code ?? "unknown",
    message: body.error?.message ?? res.statusText,
    params: params && typeof params === "object" ? params : {},
    details: body.error?.details,
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
  });
}

/** No answer at all: the backend is down, or the connection failed. */
export const networkError = (cause: unknown) =>
  new BackendError({
    kind: "network",
    status: 0,
    code: "network",
    message: cause instanceof Error ? cause.message : String(cause),
  });
