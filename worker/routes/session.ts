/**
 * /session: trade a Wikimedia OAuth 2 access token (or, locally, a user name) for a backend
 * session, and sign out. Hidden users need no check of their own: hiding a user is a block
 * with `hideuser`, so the profile reports them `blocked` like any other blocked user.
 */
import { createRoute } from "@hono/zod-openapi";
import { DevSessionRequest, SessionRequest, SessionResponse } from "../../shared/api.ts";
import { isLoopbackAddress } from "../auth/client-address.ts";
import { issueSession } from "../auth/session.ts";
import { fetchWikiProfile } from "../auth/wiki-profile.ts";
import type { Deps } from "../context.ts";
import { requireCaller, unauthorized } from "../auth/middleware.ts";
import { forbidden, notFound, rateLimited } from "../errors.ts";
import { bindRoles, endSession } from "../record/reads.ts";
import { bearer, type Handlers, json, jsonBody, mount, pick } from "./openapi.ts";

export const routes = {
  oauth: createRoute({
    method: "post",
    path: "/session",
    summary: "Sign in: verify a Wikimedia OAuth 2 access token with the wiki and get a session token",
    request: jsonBody(SessionRequest),
    responses: { 200: json(SessionResponse, "the session"), ...pick(401, 403, 422, 429, 502) },
  }),
  signOut: createRoute({
    method: "delete",
    path: "/session",
    summary: "Sign out: the session token is refused from now on until it would have expired",
    security: bearer,
    responses: { 204: { description: "signed out" }, ...pick(401) },
  }),
  dev: createRoute({
    method: "post",
    path: "/session/dev",
    summary: "Development sign-in by user name: only with DEV_LOGIN=on and from loopback",
    request: jsonBody(DevSessionRequest),
    responses: { 200: json(SessionResponse, "the session"), ...pick(403, 404, 422) },
  }),
};

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Loopback means: from a client address the runtime vouches for that is a loopback one (an
 * unknown address is not loopback), and addressed to a loopback host (which keeps a DNS
 * rebinding page from using a developer's browser; a `Host` header alone proves nothing).
 */
export function fromLoopback(deps: Deps, req: Request): boolean {
  const client = deps.clientAddress(req);
  return client !== null && isLoopbackAddress(client) && LOOPBACK_HOSTS.has(new URL(req.url).hostname);
}

const handlers: Handlers<typeof routes> = {
  oauth: async (c) => {
    const deps = c.get("deps");
    const { config } = deps;
    // Each attempt costs the wiki a request: limit them per client address before asking it. Without
    // an address the runtime vouches for there is no fair bucket (one for everyone would lock everyone out).
    const address = deps.clientAddress(c.req.raw);
    const verdict = address === null ? { ok: true as const } : await deps.sessionLimiter.hit(`session:${address}`);
    if (!verdict.ok)
      throw rateLimited(`Too many sign-in attempts; try again in ${verdict.retryAfter} s`, verdict.retryAfter);
    const profile = await fetchWikiProfile(
      deps.fetch,
      config.wikiScriptUrl,
      c.req.valid("json").accessToken,
      config.version,
    );
    if (profile.blocked)
      throw forbidden("blocked", "Your wiki account is blocked; blocked users may read but not sign in to write");
    // The wiki's answer is the truth: its central id, and its name exactly as given.
    const user = { id: String(profile.sub), name: profile.username, blocked: false };
    await bindRoles(deps.db, user);
    const { accessToken } = c.req.valid("json");
    const issued = await issueSession(
      config.sessionSecret,
      user,
      "oauth",
      config.sessionTtlSeconds,
      deps.now(),
      accessToken,
    );
    return c.json({ ...issued, user }, 200);
  },
  signOut: async (c) => {
    await requireCaller(c);
    const session = c.get("session");
    if (!session) throw unauthorized("Sign in first");
    const { db, now } = c.get("deps");
    await endSession(db, session.jti, session.expiresAt, Math.floor(now().getTime() / 1000));
    return c.body(null, 204);
  },
  dev: async (c) => {
    const deps = c.get("deps");
    if (!deps.config.devLogin) throw notFound("route", "POST /session/dev", "Development sign-in is not enabled here");
    if (!fromLoopback(deps, c.req.raw))
      throw forbidden("dev_login_loopback_only", "Development sign-in is accepted only from loopback");
    const body = c.req.valid("json");
    const user = { id: `dev:${body.username}`, name: body.username, blocked: body.blocked };
    await bindRoles(deps.db, user);
    const issued = await issueSession(
      deps.config.sessionSecret,
      user,
      "dev",
      deps.config.sessionTtlSeconds,
      deps.now(),
    );
    return c.json({ ...issued, user }, 200);
  },
};

export const session = mount(routes, handlers);
