/** Reads the Bearer session on every request; guards for handlers that need a signed-in writer. */
import type { Context, MiddlewareHandler } from "hono";
import { AppError, forbidden } from "../errors.ts";
import type { AppEnv, Caller } from "../context.ts";
import { currentUser } from "./block-check.ts";
import { loadCaller } from "./roles.ts";
import { readSession } from "./session.ts";
import { isSessionRevoked } from "../storage/sessions.ts";

/** Sets `caller` from a valid session; a present but invalid, expired or signed-out token is refused, not ignored. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization");
  c.set("caller", null);
  c.set("session", null);
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthorized("The Authorization header must be `Bearer <session token>`");
    const deps = c.get("deps");
    const { db, config } = deps;
    const session = await readSession(config.sessionSecret, m[1]);
    if (!session) throw unauthorized("The session is invalid or has expired; sign in again");
    if (await isSessionRevoked(db, session.jti)) throw unauthorized("This session was signed out; sign in again");
    const caller = await loadCaller(db, config, await currentUser(deps, session));
    c.set("session", session);
    c.set("caller", caller);
  }
  await next();
};

/** 401 with the `WWW-Authenticate` challenge. */
export const unauthorized = (message: string) =>
  new AppError("unauthorized", message, { headers: { "WWW-Authenticate": 'Bearer realm="partnerhub"' } });

/** The signed-in caller, or 401. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get("caller");
  if (!caller) throw unauthorized("Sign in first");
  return caller;
}

/** A signed-in caller who may write (not blocked on the wiki), or 401/403. */
export function requireWriter(c: Context<AppEnv>): Caller {
  const caller = requireCaller(c);
  if (!caller.canWrite) throw forbidden("blocked", "Blocked wiki users may read but not write");
  return caller;
}

export function requireCoordinator(c: Context<AppEnv>): Caller {
  const caller = requireWriter(c);
  if (!caller.coordinator) throw forbidden("coordinator_only", "Only coordinators may do this");
  return caller;
}
