/** A fixed-window write limiter kept in the database, for where no rate-limit binding exists (local, Node). */
import type { LimitVerdict, WriteLimiter } from "../context.ts";
import { readAll, type Read, type SqlDatabase } from "./db.ts";
import { refusalGuard } from "./events.ts";

const WINDOW_SECONDS = 60;

export function tableLimiter(db: SqlDatabase, perMinute: number, now: () => Date): WriteLimiter {
  const hitAt = (key: string, seconds: number): Read<LimitVerdict> => {
    if (perMinute <= 0) return { statements: [], parse: () => ({ ok: true }) };
    const window = Math.floor(seconds / WINDOW_SECONDS);
    return {
      statements: [
        db.prepare(`DELETE FROM rate_window WHERE win < ?1`).bind(window - 1),
        db
          .prepare(
            `INSERT INTO rate_window (key, win, hits) VALUES (?1, ?2, 1)
             ON CONFLICT (key, win) DO UPDATE SET hits = hits + 1 RETURNING hits`,
          )
          .bind(key, window),
      ],
      parse: ([, counted]) => {
        const hits = (counted?.results[0] as { hits?: number } | undefined)?.hits ?? 0;
        if (hits <= perMinute) return { ok: true };
        return { ok: false, retryAfter: (window + 1) * WINDOW_SECONDS - seconds };
      },
    };
  };
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const hitRead = (key: string) => hitAt(key, nowSeconds());
  return {
    hitRead,
    hitGuarded(key) {
      const seconds = nowSeconds();
      const hit = hitAt(key, seconds);
      if (hit.statements.length === 0) return [];
      const window = Math.floor(seconds / WINDOW_SECONDS);
      const over = `(SELECT hits FROM rate_window WHERE key = ?1 AND win = ?2) > ?3`;
      return [...hit.statements, refusalGuard(db, over, [key, window, perMinute])];
    },
    async hit(key) {
      const [verdict] = await readAll(db, [hitRead(key)]);
      return verdict;
    },
  };
}
