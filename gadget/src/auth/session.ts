/**
 * The sign-in interface. The backend's session token lives in sessionStorage
 * (gone when the tab closes). How a session is obtained is a provider's job:
 * the Wikimedia OAuth 2 flow (issue 5) registers itself with
 * `setSignInProvider()` from the on-demand forms module; local development
 * uses `POST /session/dev`.
 */
import type { SessionResponse } from "../../../shared/api.ts";

export type Session = SessionResponse;

/** Obtains a backend session; `username` is only used by the development provider. */
export type SignInProvider = (options: { username?: string }) => Promise<Session>;

const KEY = "partnerhub-session";
let provider: SignInProvider | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The stored session, unless it has expired. */
export function getSession(now = Date.now()): Session | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (Date.parse(session.expiresAt) > now) return session;
  } catch {
    // A damaged value is the same as none.
  }
  storage()?.removeItem(KEY);
  return null;
}

export function setSignInProvider(p: SignInProvider | null): void {
  provider = p;
}

export function hasSignInProvider(): boolean {
  return provider !== null;
}

export async function signIn(options: { username?: string } = {}): Promise<Session> {
  if (!provider) throw new Error("no sign-in provider");
  const session = await provider(options);
  storage()?.setItem(KEY, JSON.stringify(session));
  return session;
}

export function signOut(): void {
  storage()?.removeItem(KEY);
}
