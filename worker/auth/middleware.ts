/**
 * Who is asking, settled in the request's first round trip. `authenticate` only verifies the
 * token's signature (no database); the revocation check, the last block check, the roles and a
 * write's rate-limit hit are read together with the route's own first reads (`readAs`), so that a signed-in request
 * costs no round trip of its own for them. The guards settle it where a route reads nothing.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, Asker, Caller } from "../context.ts";
import type { SqlStatement } from "../storage/db.ts";
import { AppError, forbidden, rateLimited } from "../errors.ts";
import { type Parsed, type Read, readAll, together } from "../storage/db.ts";
import { commitThen } from "../storage/commit.ts";
import { sessionGuard, sessionRevoked } from "../storage/sessions.ts";
import { blockCheckRead, currentUser, freshCheckRequired } from "./block-check.ts";
import { callerOf, rolesOf } from "./roles.ts";
import { readSession } from "./session.ts";

/** Sets `session` from a valid token; a present but invalid, expired or signed-out token is refused, not ignored. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization");
  c.set("caller", null);
  c.set("session", null);
  c.set("asking", null);
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthorized("The Authorization header must be `Bearer <session token>`");
    const session = await readSession(c.get("deps").config.sessionSecret, m[1]);
    if (!session) throw unauthorized("The session is invalid or has expired; sign in again");
    c.set("session", session);
    c.set("asking", { session, write: false, limitKey: null });
  }
  await next();
  // A route that never asked who is asking served public data only; a signed-out token is refused all the same.
  if (c.get("asking")) await readAs(c, []);
};

const NO_LIMIT: Read<{ ok: true }> = { statements: [], parse: () => ({ ok: true }) };

/**
 * Runs `reads` in one round trip, together with settling who is asking if that is still open:
 * then `caller` is set (or 401 for a signed-out session, 429 past the write limit).
 */
export async function readAs<const R extends readonly Read<unknown>[]>(
  c: Context<AppEnv>,
  reads: R,
): Promise<Parsed<R>> {
  const { db, config, limiter } = c.get("deps");
  const asking = c.get("asking");
  if (!asking) return readAll(db, reads);
  c.set("asking", null);
  const limit = asking.limitKey && limiter.hitRead ? limiter.hitRead(asking.limitKey) : NO_LIMIT;
  const { session } = asking;
  const [revoked, lastCheck, roles, verdict, ...rest] = await readAll(db, [
    sessionRevoked(db, session.jti),
    blockCheckRead(db, session),
    rolesOf(db, config, session.user),
    limit,
    ...reads,
  ]);
  if (revoked) throw unauthorized("This session was signed out; sign in again");
  if (!verdict.ok) throw tooManyWrites(verdict.retryAfter);
  const caller = callerOf(await currentUser(c.get("deps"), session, lastCheck), roles);
  c.set("caller", caller);
  if (asking.write) writerOf(caller);
  return rest as Parsed<R>;
}

const tooManyWrites = (retryAfter: number) =>
  rateLimited(`Too many changes at once; try again in ${retryAfter} s`, retryAfter);

/**
 * Before any write handler: a signed-in writer, known from the token alone, and the per-user
 * limit — counted in the first batch where the limiter keeps its counts in the database, or
 * asked of the rate-limit binding here.
 */
export const writeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.get("session");
  if (!session) throw unauthorized("Sign in first");
  if (session.user.blocked) throw blocked();
  const { limiter } = c.get("deps");
  const key = `user:${session.user.id}`;
  const asking = c.get("asking");
  if (asking) asking.write = true;
  if (limiter.hitRead && asking) asking.limitKey = key;
  else {
    const verdict = await limiter.hit(key);
    if (!verdict.ok) throw tooManyWrites(verdict.retryAfter);
  }
  await next();
};

/** See `Asker.writeAtOnce`. */
async function writeAtOnce<T>(
  c: Context<AppEnv>,
  write: Parameters<Asker["writeAtOnce"]>[0],
): Promise<{ value: T; caller: Caller } | null> {
  const asking = c.get("asking");
  const { db, config, limiter, now } = c.get("deps");
  if (!asking?.write || (asking.limitKey && !limiter.hitGuarded)) return null;
  const { session } = asking;
  const limit = asking.limitKey ? (limiter.hitGuarded?.(asking.limitKey) ?? []) : [];
  const recheck = freshCheckRequired(session, Math.floor(now().getTime() / 1000));
  // The token said not blocked (writeGuard), and the guard holds that the wiki has not said otherwise since.
  const user = { ...session.user, blocked: false };
  const { statements, answer } = write(user) as { statements: SqlStatement[]; answer: Read<T> };
  const result = await commitThen(
    db,
    [...limit, sessionGuard(db, session.jti, recheck), ...statements],
    together([rolesOf(db, config, user), answer]),
  );
  if (!result.ok) return null;
  const [roles, value] = result.value;
  const caller = callerOf(user, roles);
  c.set("asking", null);
  c.set("caller", caller);
  return { value, caller };
}

/** 401 with the `WWW-Authenticate` challenge. */
export const unauthorized = (message: string) =>
  new AppError("unauthorized", message, { headers: { "WWW-Authenticate": 'Bearer realm="partnerhub"' } });

const blocked = () => forbidden("blocked", "Blocked wiki users may read but not write");

/** The request as the domain layer sees it (see `Asker`). */
export function asker(c: Context<AppEnv>): Asker {
  const settled = () => {
    if (c.get("asking")) throw new Error("read who is asking first (Asker.read)");
    return c.get("caller");
  };
  return {
    read: (reads) => readAs(c, reads),
    writeAtOnce: (write) => writeAtOnce(c, write),
    user: () => c.get("session")?.user ?? null,
    caller: settled,
    signedIn: () => signedInOf(settled()),
    writer: () => writerOf(settled()),
    coordinator: () => coordinatorOf(settled()),
  };
}

function signedInOf(caller: Caller | null): Caller {
  if (!caller) throw unauthorized("Sign in first");
  return caller;
}

function writerOf(caller: Caller | null): Caller {
  const signedIn = signedInOf(caller);
  if (!signedIn.canWrite) throw blocked();
  return signedIn;
}

function coordinatorOf(caller: Caller | null): Caller {
  const writer = writerOf(caller);
  if (!writer.coordinator) throw forbidden("coordinator_only", "Only coordinators may do this");
  return writer;
}

/** The caller, settled (one round trip if the route has not read yet), or null without a session. */
export async function askingCaller(c: Context<AppEnv>): Promise<Caller | null> {
  await readAs(c, []);
  return c.get("caller");
}

/** The signed-in caller, or 401. */
export async function requireCaller(c: Context<AppEnv>): Promise<Caller> {
  const caller = await askingCaller(c);
  if (!caller) throw unauthorized("Sign in first");
  return caller;
}

export async function requireCoordinator(c: Context<AppEnv>): Promise<Caller> {
  return coordinatorOf(await askingCaller(c));
}
