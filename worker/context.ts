/** What every request handler can reach: the database, the configuration, the clock, the caller. */
import type { SessionUser } from "../shared/api.ts";
import type { Session } from "./auth/session.ts";
import type { Config } from "./config.ts";
import type { SqlDatabase } from "./storage/db.ts";

/** A per-user limiter for writes: the Workers rate-limit binding, or a table-backed fallback. */
export interface WriteLimiter {
  /** Counts one write for `key`; `retryAfter` (seconds) when it is over the limit. */
  hit(key: string): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
}

export interface Deps {
  db: SqlDatabase;
  config: Config;
  now: () => Date;
  limiter: WriteLimiter;
  /** Limits `POST /session` per client address: each attempt costs a request to the wiki. */
  sessionLimiter: WriteLimiter;
  /** The client's IP address as the runtime reports it, or null where it cannot tell. */
  clientAddress: (req: Request) => string | null;
  /** Asks the wiki who an OAuth 2 access token belongs to (fetch in production, replaceable in tests). */
  fetch: typeof fetch;
}

/** The caller as seen by a handler: the session's user and what they may do. */
export interface Caller {
  user: SessionUser;
  coordinator: boolean;
  /** Affiliates the user is a verified representative of. */
  represents: ReadonlySet<string>;
  canWrite: boolean;
}

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    deps: Deps;
    caller: Caller | null;
    /** The verified session behind `caller` (its `jti` is what sign-out revokes). */
    session: Session | null;
  };
}
