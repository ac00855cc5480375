/** SQL for revoked sessions (sign-out): a token's id is refused until the token would have expired anyway. */
import { type Read, rowOf, type SqlDatabase } from "./db.ts";

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
