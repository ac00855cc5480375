/** A fixed-window write limiter kept in the database, for where no rate-limit binding exists (local, Node). */
import type { WriteLimiter } from "../context.ts";
import type { SqlDatabase } from "./db.ts";

const WINDOW_SECONDS = 60;

export function tableLimiter(db: SqlDatabase, perMinute: number, now: () => Date): WriteLimiter {
  return {
    async hit(key) {
      if (perMinute <= 0) return { ok: true };
      const seconds = Math.floor(now().getTime() / 1000);
      const window = Math.floor(seconds / WINDOW_SECONDS);
      const [, counted] = await db.batch<{ hits: number }>([
        db.prepare(`DELETE FROM rate_window WHERE win < ?1`).bind(window - 1),
        db
          .prepare(
            `INSERT INTO rate_window (key, win, hits) VALUES (?1, ?2, 1)
             ON CONFLICT (key, win) DO UPDATE SET hits = hits + 1 RETURNING hits`,
          )
          .bind(key, window),
      ]);
      const hits = counted?.results[0]?.hits ?? 0;
      if (hits <= perMinute) return { ok: true };
      return { ok: false, retryAfter: (window + 1) * WINDOW_SECONDS - seconds };
    },
  };
}
