/**
 * Applies `worker/migrations/*.sql` to a Node SQLite database, in file-name
 * order, keeping the same `d1_migrations` table as `wrangler d1 migrations
 * apply`: a database copied between the runtimes (an export from D1, a
 * backup from Toolforge) knows which migrations it has.
 */
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { NodeSqlDatabase } from "./sqlite.ts";

/** The migrations folder next to this module's parent, as wrangler.toml's `migrations_dir`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));

// Wrangler's own statement, so that both create the same table.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations(
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/** Applies the migrations not yet applied, each with its bookkeeping row in one transaction; returns their names. */
export async function migrate(db: NodeSqlDatabase, dir = MIGRATIONS_DIR): Promise<string[]> {
  db.exec(CREATE_TABLE);
  const { results } = await db.prepare("SELECT name FROM d1_migrations").all<{ name: string }>();
  const applied = new Set(results.map((r) => r.name));
  const pending = (await readdir(dir)).filter((f) => f.endsWith(".sql") && !applied.has(f)).sort();
  for (const name of pending) {
    const sql = await readFile(`${dir}/${name}`, "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.exec(`INSERT INTO d1_migrations (name) VALUES ('${name.replaceAll("'", "''")}')`);
    });
  }
  return pending;
}
