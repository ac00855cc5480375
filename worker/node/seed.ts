/** Seeds the demo directory into an empty Node database (`npm run start:node`). */
import { demoSeedSql, seedDay } from "../storage/seed/demo.ts";
import type { NodeSqlDatabase } from "./sqlite.ts";

/** Runs the demo seed in one transaction unless the database already has partners; says whether it seeded. */
export async function seedIfEmpty(db: NodeSqlDatabase): Promise<boolean> {
  const row = await db.prepare("SELECT count(*) AS n FROM partner").first<{ n: number }>();
  if ((row?.n ?? 0) > 0) return false;
  db.transaction(() => {
    for (const sql of demoSeedSql({ now: seedDay() })) db.exec(sql);
  });
  return true;
}
