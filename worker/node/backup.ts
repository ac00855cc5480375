/**
 * A consistent copy of the database while the server runs, for a scheduled
 * Toolforge job: `node worker/node/backup.ts DEST` (DATABASE_PATH as the
 * server's). It uses SQLite's online backup, as `sqlite3 DB ".backup DEST"`
 * does, for images without the sqlite3 shell, then checks the copy.
 */
import { resolve } from "node:path";
import { backup, DatabaseSync } from "node:sqlite";
import { pathToFileURL } from "node:url";

/** Copies `source` to `dest` page by page under SQLite's locks; throws unless the copy passes integrity_check. */
export async function backupDatabase(source: string, dest: string): Promise<number> {
  // Read-only, and not through openSqlite: a backup must not change the file's journal mode.
  const db = new DatabaseSync(source, { readOnly: true });
  try {
    db.exec("PRAGMA busy_timeout = 10000");
    const pages = await backup(db, dest);
    const copy = new DatabaseSync(dest, { readOnly: true });
    const check = copy.prepare("PRAGMA integrity_check").get() as { integrity_check: string };
    copy.close();
    if (check.integrity_check !== "ok")
      throw new Error(`backup ${dest} failed integrity_check: ${check.integrity_check}`);
    return pages;
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dest = process.argv[2];
  if (!dest) {
    console.error("usage: node worker/node/backup.ts DEST (reads DATABASE_PATH)");
    process.exit(2);
  }
  const pages = await backupDatabase(process.env.DATABASE_PATH || "./data/partnerhub.sqlite", dest);
  console.log(`backed up ${pages} pages to ${dest}`);
}
