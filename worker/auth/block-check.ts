/**
 * A block is noticed within 15 minutes, not only at sign-in: an OAuth session older than that
 * since its last check asks the wiki's profile endpoint again (with the access token sealed in
 * the session) whether its user is blocked, and the answer holds for the next 15 minutes.
 * A token the wiki no longer accepts ends the session (401: sign in again).
 * The last check is read in the request's first round trip (`blockCheckRead`, with the roles);
 * only a due check costs more: the wiki's answer and one write to keep it.
 */
import type { SessionUser } from "../../shared/api.ts";
import type { Deps } from "../context.ts";
import type { Read, SqlDatabase } from "../storage/db.ts";
import { type BlockCheck, lastBlockCheck, saveBlockCheck } from "../storage/sessions.ts";
import { unauthorized } from "./middleware.ts";
import { type Session, unsealWikiToken } from "./session.ts";
import { fetchWikiProfile } from "./wiki-profile.ts";

/** How long a block check holds (DESIGN: at least every 15 minutes of a session's life). */
export const BLOCK_CHECK_SECONDS = 15 * 60;

const NOTHING: Read<null> = { statements: [], parse: () => null };

/** Whether the session is checked with the wiki at all (OAuth sessions of users not already blocked). */
const rechecked = (session: Session) => session.source === "oauth" && !session.user.blocked;

/**
 * For a write made in one round trip (`sessionGuard`): the block check must still hold at
 * `nowSeconds`, or the write takes the way that asks the wiki. Null where no check applies.
 */
export function freshCheckRequired(session: Session, nowSeconds: number): { issuedAt: number; since: number } | null {
  return rechecked(session) ? { issuedAt: session.issuedAt, since: nowSeconds - BLOCK_CHECK_SECONDS + 1 } : null;
}

/** The session's last block check, as a read to share the request's first round trip. */
export function blockCheckRead(db: SqlDatabase, session: Session): Read<BlockCheck | null> {
  return rechecked(session) ? lastBlockCheck(db, session.jti) : NOTHING;
}

/** The session's user, blocked if the wiki says so now (asked at most every 15 minutes). */
export async function currentUser(deps: Deps, session: Session, last: BlockCheck | null): Promise<SessionUser> {
  if (!rechecked(session)) return session.user;
  const now = Math.floor(deps.now().getTime() / 1000);
  const checkedAt = last?.checkedAt ?? session.issuedAt;
  if (now - checkedAt < BLOCK_CHECK_SECONDS) return { ...session.user, blocked: last?.blocked ?? false };
  const token = session.sealedWikiToken && (await unsealWikiToken(deps.config.sessionSecret, session.sealedWikiToken));
  if (!token) throw unauthorized("The session is too old to check with the wiki; sign in again");
  const profile = await fetchWikiProfile(deps.fetch, deps.config.wikiScriptUrl, token, deps.config.version);
  if (String(profile.sub) !== session.user.id) throw unauthorized("The wiki reports another user; sign in again");
  await saveBlockCheck(deps.db, session.jti, {
    checkedAt: now,
    blocked: profile.blocked,
    expiresAt: session.expiresAt,
  });
  return { ...session.user, blocked: profile.blocked };
}
