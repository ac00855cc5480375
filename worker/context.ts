/** What every request handler can reach: the database, the configuration, the clock, the caller. */
import type { SessionUser } from "../shared/api.ts";
import type { Session } from "./auth/session.ts";
import type { Config } from "./config.ts";
import type { Parsed, Read, SqlDatabase, SqlStatement } from "./storage/db.ts";
import type { Representative } from "../shared/schemas.ts";

export type LimitVerdict = { ok: true } | { ok: false; retryAfter: number };

/** A per-user limiter for writes: the Workers rate-limit binding, or a table-backed fallback. */
export interface WriteLimiter {
  /** Counts one write for `key`; `retryAfter` (seconds) when it is over the limit. */
  hit(key: string): Promise<LimitVerdict>;
  /**
   * Where the counts live in the database: the same hit as statements, so that it shares the
   * request's first round trip (who is asking, and what the route reads) instead of its own.
   */
  hitRead?(key: string): Read<LimitVerdict>;
  /**
   * The same hit as statements that fail their batch past the limit (see `refusalGuard`): for a
   * write made in one round trip, where the verdict cannot be read before the write.
   */
  hitGuarded?(key: string): SqlStatement[];
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
  /** Every affiliate the user represents or asked to represent (GET /me lists them). */
  affiliates: readonly Representative[];
  canWrite: boolean;
}

/**
 * What the domain layer gets of the request: one round trip of reads with who is asking settled
 * alongside (revocation, roles, a write's rate-limit hit), and then the caller. `writer` and
 * `coordinator` need that read first.
 */
export interface Asker {
  read<const R extends readonly Read<unknown>[]>(reads: R): Promise<Parsed<R>>;
  /**
   * Who the session says is asking, known before any read (its id and name come from the signed
   * token): what a route's first read may be keyed by. Null without a session.
   */
  user(): SessionUser | null;
  /**
   * A write in one round trip, for a write whose checks are all in its statements: who is asking
   * is settled in the same batch (a guard that the session is not signed out, its block check is
   * fresh and its write limit not passed; the roles read after the write). Null when a guard or
   * a statement refused, or when who is asking is settled already: then nothing was written, and
   * the write takes the two-trip way (read, then write), which finds out and says why.
   */
  writeAtOnce<T>(
    write: (user: SessionUser) => { statements: SqlStatement[]; answer: Read<T> },
  ): Promise<{ value: T; caller: Caller } | null>;
  /** The caller once the first read settled it; null without a session. */
  caller(): Caller | null;
  /** The signed-in caller (401 otherwise). */
  signedIn(): Caller;
  /** The caller as a writer (401/403 otherwise). */
  writer(): Caller;
  /** The caller as a coordinator (401/403 otherwise). */
  coordinator(): Caller;
}

/**
 * A signed session whose caller is not settled yet: the revocation check, the roles and a
 * write's rate-limit hit are read together with the route's first reads (`readAs` in `worker/auth/middleware.ts`).
 */
export interface Asking {
  session: Session;
  /** A write: the caller must be a writer (a block found by the re-check refuses it too). */
  write: boolean;
  /** The limiter key to count in the first batch (a write, where the limiter keeps counts in the database). */
  limitKey: string | null;
}

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    deps: Deps;
    caller: Caller | null;
    /** Set while a session's caller is not settled; null once it is, or without a session. */
    asking: Asking | null;
    /** The verified session behind `caller` (its `jti` is what sign-out revokes). */
    session: Session | null;
  };
}
