/** SQL for revoked sessions (sign-out): a token's id is refused until the token would have expired anyway. */
import { type Read, rowOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { refusalGuard } from "./events.ts";

/** Revokes the session `jti` until `expiresAt` (unix seconds) and forgets revocations that have run out. */
export async function revokeSession(
  db: SqlDatabase,
  jti: string,
  expiresAt: number,
  nowSeconds: number,
): Promise<void> {
  await db.batch([
    db.prepare(`DELETE FROM revoked_session WHERE expires_at < ?1`).bind(nowSeconds),
    db
      .prepare(`INSERT INTO revoked_session (jti, expires_at) VALUES (?1, ?2) ON CONFLICT (jti) DO NOTHING`)
      .bind(jti, expiresAt),
  ]);
}

/** Whether the session `jti` was signed out. */
export function sessionRevoked(db: SqlDatabase, jti: string): Read<boolean> {
  const read = rowOf(db.prepare(`SELECT 1 AS revoked FROM revoked_session WHERE jti = ?1`).bind(jti));
  return { statements: read.statements, parse: (r) => read.parse(r) !== null };
}

export interface BlockCheck {
  checkedAt: number;
  blocked: boolean;
}

/** When the wiki last said whether the session's user is blocked (unix seconds), and what it said. */
export function lastBlockCheck(db: SqlDatabase, jti: string): Read<BlockCheck | null> {
  const read = rowOf<{ checked_at: number; blocked: number }>(
    db.prepare(`SELECT checked_at, blocked FROM session_check WHERE jti = ?1`).bind(jti),
  );
  return {
    statements: read.statements,
    parse: (r) => {
      const row = read.parse(r);
      return row ? { checkedAt: row.checked_at, blocked: row.blocked === 1 } : null;
    },
  };
}

/** Records a block check of the session `jti` and forgets checks of sessions that have run out. */
export async function saveBlockCheck(
  db: SqlDatabase,
  jti: string,
  check: { checkedAt: number; blocked: boolean; expiresAt: number },
): Promise<void> {
  await db.batch([
    db.prepare(`DELETE FROM session_check WHERE expires_at < ?1`).bind(check.checkedAt),
    db
      .prepare(
        `INSERT INTO session_check (jti, checked_at, blocked, expires_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (jti) DO UPDATE SET checked_at = ?2, blocked = ?3`,
      )
      .bind(jti, check.checkedAt, check.blocked ? 1 : 0, check.expiresAt),
  ]);
}

/**
 * The session's own checks as a guard at the head of a write batch (`refusalGuard`): it fails the
 * batch if the session was signed out, or (`recheck`) if its block check is older than `since`
 * (unix seconds; the session's start counts as a check) or said blocked. It changes nothing.
 */
export function sessionGuard(
  db: SqlDatabase,
  jti: string,
  recheck: { issuedAt: number; since: number } | null,
): SqlStatement {
  return refusalGuard(
    db,
    `EXISTS (SELECT 1 FROM revoked_session WHERE jti = ?1)
     OR (?2 = 1 AND (coalesce((SELECT checked_at FROM session_check WHERE jti = ?1), ?3) < ?4
                     OR coalesce((SELECT blocked FROM session_check WHERE jti = ?1), 0) = 1))`,
    [jti, recheck ? 1 : 0, recheck?.issuedAt ?? 0, recheck?.since ?? 0],
  );
}
