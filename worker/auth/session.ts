/**
 * The backend's own session tokens: HS256 JWTs with audience, issuer and
 * expiry, carried as `Authorization: Bearer`. No Wikimedia token is kept;
 * a session only says which wiki user signed in, how, and whether the wiki
 * reported them blocked at that moment.
 */
import { sign, verify } from "hono/jwt";
import type { SessionUser } from "../../shared/api.ts";

export const SESSION_AUDIENCE = "partnerhub-api";
export const SESSION_ISSUER = "partnerhub";

export type SessionSource = "oauth" | "dev";

interface SessionClaims {
  sub: string;
  name: string;
  blk: boolean;
  src: SessionSource;
  aud: string;
  iss: string;
  iat: number;
  exp: number;
  jti: string;
  [key: string]: unknown;
}

export async function issueSession(
  secret: string,
  user: SessionUser,
  source: SessionSource,
  ttlSeconds: number,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: SessionClaims = {
    sub: user.id,
    name: user.name,
    blk: user.blocked,
    src: source,
    aud: SESSION_AUDIENCE,
    iss: SESSION_ISSUER,
    iat,
    exp: iat + ttlSeconds,
    jti: crypto.randomUUID(),
  };
  return { token: await sign(claims, secret, "HS256"), expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString() };
}

export interface Session {
  user: SessionUser;
  source: SessionSource;
  jti: string;
  expiresAt: number;
}

/** Verifies signature, algorithm, audience, issuer and expiry; null if any fails. */
export async function readSession(secret: string, token: string): Promise<Session | null> {
  try {
    const p = (await verify(token, secret, {
      alg: "HS256",
      aud: SESSION_AUDIENCE,
      iss: SESSION_ISSUER,
    })) as Partial<SessionClaims>;
    if (
      typeof p.sub !== "string" ||
      typeof p.name !== "string" ||
      typeof p.exp !== "number" ||
      typeof p.jti !== "string"
    ) {
      return null;
    }
    if (p.src !== "oauth" && p.src !== "dev") return null;
    return { user: { id: p.sub, name: p.name, blocked: p.blk === true }, source: p.src, jti: p.jti, expiresAt: p.exp };
  } catch {
    return null;
  }
}
