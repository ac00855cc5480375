/** The Node adapter beyond the shared contract (test/api/storage-contract.test.ts): files, pragmas, locks, migrations, seed. */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { backupDatabase } from "../../worker/node/backup.ts";
import { migrate, MIGRATIONS_DIR } from "../../worker/node/migrate.ts";
import { seedIfEmpty } from "../../worker/node/seed.ts";
import { openSqlite, parameterCount } from "../../worker/node/sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "partnerhub-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openSqlite on a file", () => {
  it("turns on WAL (synced at checkpoints: synchronous NORMAL), foreign keys and a busy timeout", async () => {
    const db = openSqlite(join(dir, "pragmas.sqlite"), { busyTimeoutMs: 1234 });
    expect(await db.prepare("PRAGMA journal_mode").first()).toEqual({ journal_mode: "wal" });
    expect(await db.prepare("PRAGMA synchronous").first()).toEqual({ synchronous: 1 });
    expect(await db.prepare("PRAGMA foreign_keys").first()).toEqual({ foreign_keys: 1 });
    expect(await db.prepare("PRAGMA busy_timeout").first()).toEqual({ timeout: 1234 });
    db.close();
  });

  it("keeps every commit synced (synchronous FULL) with a rollback journal, as on NFS", async () => {
    const db = openSqlite(join(dir, "rollback.sqlite"), { journalMode: "delete" });
    expect(await db.prepare("PRAGMA journal_mode").first()).toEqual({ journal_mode: "delete" });
    expect(await db.prepare("PRAGMA synchronous").first()).toEqual({ synchronous: 2 });
    db.close();
  });

  it("waits busy_timeout for another connection's write lock, then fails with SQLITE_BUSY and rolls back nothing of its own", async () => {
    const path = join(dir, "locks.sqlite");
    const a = openSqlite(path);
    const b = openSqlite(path, { busyTimeoutMs: 50 });
    a.exec("CREATE TABLE t (x)");
    a.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    await expect(b.batch([b.prepare("INSERT INTO t VALUES (1)")])).rejects.toThrow(/database is locked: SQLITE_BUSY/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    a.exec("COMMIT");
    await b.batch([b.prepare("INSERT INTO t VALUES (2)")]);
    expect((await a.prepare("SELECT x FROM t").all()).results).toEqual([{ x: 2 }]);
    a.close();
    b.close();
  });

  it("with checkpoints in a thread, commits never checkpoint, yet the rows reach the database file, and close leaves no WAL", async () => {
    const path = join(dir, "thread.sqlite");
    const db = openSqlite(path, { checkpoints: "thread" });
    expect(await db.prepare("PRAGMA wal_autocheckpoint").first()).toEqual({ wal_autocheckpoint: 0 });
    db.exec("CREATE TABLE t (x INTEGER, pad BLOB)");
    // About 1,200 pages, past SQLite's own threshold of 1,000: inline, one of these commits would checkpoint.
    for (let i = 0; i < 40; i++) {
      const rows = Array.from({ length: 30 }, (_, j) =>
        db.prepare("INSERT INTO t VALUES (?1, zeroblob(4000))").bind(i * 30 + j),
      );
      await db.batch(rows);
    }
    // The database file alone (without its WAL) holds what the thread copied into it.
    const rowsInFile = () => {
      const copy = join(dir, "thread-copy.sqlite");
      copyFileSync(path, copy);
      const alone = new DatabaseSync(copy, { readOnly: true });
      try {
        return (alone.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
      } catch {
        return 0; // the table itself is not in the file yet
      } finally {
        alone.close();
      }
    };
    await vi.waitFor(() => expect(rowsInFile()).toBe(1200), { timeout: 10_000, interval: 20 });
    db.close();
    expect(readdirSync(dir).filter((f) => f.startsWith("thread.sqlite"))).toEqual(["thread.sqlite"]);
  });
});

describe("errors and values", () => {
  const db = openSqlite(":memory:");
  db.exec("CREATE TABLE p (id TEXT PRIMARY KEY); CREATE TABLE c (p TEXT REFERENCES p(id), k TEXT UNIQUE, b BLOB)");

  it("word constraint failures as D1 does, keeping node:sqlite's error as the cause", async () => {
    await db.prepare("INSERT INTO c (k) VALUES ('a')").run();
    const error = (await db
      .prepare("INSERT INTO c (k) VALUES ('a')")
      .run()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("UNIQUE constraint failed: c.k: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)");
    expect((error.cause as { errcode: number }).errcode).toBe(2067);
    await expect(db.prepare("INSERT INTO c (p) VALUES ('none')").run()).rejects.toThrow(
      "FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)",
    );
    await expect(db.prepare("SELEC 1").run()).rejects.toThrow(/syntax error: SQLITE_ERROR/);
  });

  it("leaves no transaction open after a failed batch", async () => {
    await expect(
      db.batch([db.prepare("INSERT INTO p VALUES ('x')"), db.prepare("INSERT INTO p VALUES ('x')")]),
    ).rejects.toThrow();
    await db.batch([db.prepare("INSERT INTO p VALUES ('y')")]);
    expect((await db.prepare("SELECT id FROM p").all()).results).toEqual([{ id: "y" }]);
  });

  it("returns blobs as arrays of bytes and rows as plain objects, as D1 does", async () => {
    await db
      .prepare("INSERT INTO c (k, b) VALUES ('blob', ?1)")
      .bind(new Uint8Array([1, 2, 255]))
      .run();
    const row = await db.prepare("SELECT b FROM c WHERE k = 'blob'").first<{ b: number[] }>();
    expect(row).toEqual({ b: [1, 2, 255] });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it("takes in batch() only statements it prepared", async () => {
    const other = openSqlite(":memory:");
    await expect(db.batch([other.prepare("SELECT 1")])).rejects.toThrow(/same database/);
    other.close();
  });

  it("counts parameters as SQLite numbers them, skipping literals, quoted names and comments", () => {
    expect(parameterCount("SELECT ?3, ?1")).toBe(3);
    expect(parameterCount("SELECT ?, ?, ?5, ?")).toBe(6);
    expect(parameterCount(`SELECT '?9', "?8", [?7], -- ?6\n /* ?5 */ ?1`)).toBe(1);
    expect(parameterCount("SELECT 'it''s ?2' || ?1")).toBe(1);
  });
});

describe("migrate", () => {
  it("applies the migrations once, bookkept in wrangler's d1_migrations table", async () => {
    const db = openSqlite(join(dir, "migrated.sqlite"));
    const all = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect(all[0]).toBe("0001_record.sql");
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
    const columns = await db
      .prepare("SELECT name FROM pragma_table_info('d1_migrations') ORDER BY cid")
      .all<{ name: string }>();
    expect(columns.results.map((c) => c.name)).toEqual(["id", "name", "applied_at"]);
    const applied = await db.prepare("SELECT id, name FROM d1_migrations").all();
    expect(applied.results).toEqual(all.map((name, i) => ({ id: i + 1, name })));
    expect(await db.prepare("SELECT count(*) AS n FROM mirror_state").first()).toEqual({ n: 1 });
    db.close();
  });

  it("rolls back a failing migration with its bookkeeping row", async () => {
    const db = openSqlite(":memory:");
    const bad = mkdtempSync(join(dir, "bad-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(bad, "0001_ok.sql"), "CREATE TABLE a (x);");
    writeFileSync(join(bad, "0002_bad.sql"), "CREATE TABLE b (x); CREATE TABLE a (x);");
    await expect(migrate(db, bad)).rejects.toThrow(/table a already exists/);
    expect((await db.prepare("SELECT name FROM d1_migrations").all()).results).toEqual([{ name: "0001_ok.sql" }]);
    expect(await db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").first()).toBeNull();
    db.close();
  });
});

describe("seedIfEmpty", () => {
  it("seeds the demo directory into an empty database, once", async () => {
    const db = openSqlite(":memory:");
    await migrate(db);
    expect(await seedIfEmpty(db)).toBe(true);
    const n = (await db.prepare("SELECT count(*) AS n FROM partner").first<{ n: number }>())?.n ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(await seedIfEmpty(db)).toBe(false);
    expect(await db.prepare("SELECT count(*) AS n FROM partner").first()).toEqual({ n });
    db.close();
  });
});

describe("backupDatabase", () => {
  it("copies a live WAL database, committed rows included, and checks the copy", async () => {
    const source = join(dir, "live.sqlite");
    const db = openSqlite(source);
    await migrate(db);
    await seedIfEmpty(db);
    const n = (await db.prepare("SELECT count(*) AS n FROM partner").first<{ n: number }>())?.n;
    const dest = join(dir, "copy.sqlite");
    expect(await backupDatabase(source, dest)).toBeGreaterThan(0);
    const copy = openSqlite(dest);
    expect(await copy.prepare("SELECT count(*) AS n FROM partner").first()).toEqual({ n });
    copy.close();
    db.close();
  });
});
