/** A fixed-window write limiter kept in the database, for where no rate-limit binding exists (local, Node). */
import type { LimitVerdict, WriteLimiter } from "../context.ts";
import { readAll, type Read, type SqlDatabase } from "./db.ts";

const WINDOW_SECONDS = 60;

export function tableLimiter(db: SqlDatabase, perMinute: number, now: () => Date): WriteLimiter {
  const hitRead = (key: string): Read<LimitVerdict> => {
    if (perMinute <= 0) return { statements: [], parse: () => ({ ok: true }) };
    const seconds = Math.floor(now().getTime() / 1000);
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
  return {
    hitRead,
    async hit(key) {
      const [verdict] = await readAll(db, [hitRead(key)]);
      return verdict;
    },
  };
}
