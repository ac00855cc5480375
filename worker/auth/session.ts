/**
 * The backend's own session tokens: HS256 JWTs with audience, issuer and
 * expiry, carried as `Authorization: Bearer`. No Wikimedia token is kept;
 * a session only says which wiki user signed in, how, and whether the wiki
 * reported them blocked at that moment. For the block re-check (see
 * `block-check.ts`) an OAuth session also carries the wiki's access token
 * sealed with a key derived from the session secret: only this backend can
 * read it, and it stores it nowhere.
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
  /** The wiki's access token, sealed (AES-GCM); OAuth sessions only. */
  wat?: string;
  [key: string]: unknown;
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const unb64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

async function sealKey(secret: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`partnerhub wiki token\n${secret}`));
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

async function seal(secret: string, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    await sealKey(secret),
    new TextEncoder().encode(text),
  );
  return `${b64url(iv)}.${b64url(new Uint8Array(sealed))}`;
}

/** The wiki access token inside a session, or null if it cannot be unsealed. */
export async function unsealWikiToken(secret: string, sealed: string): Promise<string | null> {
  try {
    const [iv, data] = sealed.split(".");
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: unb64url(iv!) },
      await sealKey(secret),
      unb64url(data!),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

export async function issueSession(
  secret: string,
  user: SessionUser,
  source: SessionSource,
  ttlSeconds: number,
  now: Date,
  wikiToken?: string,
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
  if (wikiToken) claims.wat = await seal(secret, wikiToken);
  return { token: await sign(claims, secret, "HS256"), expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString() };
}

export interface Session {
  user: SessionUser;
  source: SessionSource;
  jti: string;
  issuedAt: number;
  expiresAt: number;
  /** The sealed wiki access token (OAuth sessions). */
  sealedWikiToken: string | null;
}

/**
 * Tokens whose signature, algorithm, audience and issuer were verified, by secret and token: the
 * HMAC check (WebCrypto's importKey and verify) was the largest per-request cost of a signed-in
 * request. The same token under the same secret always verifies alike, so only that verdict is
 * kept; expiry is checked at every use, and who is asking (revocation, block check, roles) is
 * still read for every request. Bounded: the oldest entry goes first.
 */
const verified = new Map<string, Session>();
const VERIFIED_MAX = 2000;

/** Verifies signature, algorithm, audience, issuer and expiry; null if any fails. */
export async function readSession(secret: string, token: string): Promise<Session | null> {
  const key = `${secret}\n${token}`;
  const known = verified.get(key);
  if (known) {
    if (known.expiresAt > Math.floor(Date.now() / 1000)) return known;
    verified.delete(key);
    return null;
  }
  const session = await verifySession(secret, token);
  if (session) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(key, Object.freeze({ ...session, user: Object.freeze({ ...session.user }) }));
  }
  return session;
}

async function verifySession(secret: string, token: string): Promise<Session | null> {
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
    return {
      user: { id: p.sub, name: p.name, blocked: p.blk === true },
      source: p.src,
      jti: p.jti,
      issuedAt: typeof p.iat === "number" ? p.iat : p.exp,
      expiresAt: p.exp,
      sealedWikiToken: typeof p.wat === "string" ? p.wat : null,
    };
  } catch {
    return null;
  }
}
