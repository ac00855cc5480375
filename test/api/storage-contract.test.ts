/**
 * The part of D1's behaviour that worker/storage relies on, checked on both
 * runtimes through `harness.db`: the Node adapter passes only where local D1
 * does the same. Runs on a scratch table plus the real `event` table (the guard).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { harness } from "#harness";
import { constraintOf } from "../../worker/storage/db.ts";
import { commit } from "../../worker/storage/commit.ts";
import { isGuardFailure } from "../../worker/storage/events.ts";

const db = harness.db;
const count = async (sql: string) => (await db.prepare(sql).first<{ n: number }>())?.n;
const guard = (type: string) =>
  db
    .prepare(
      `INSERT INTO event (at, actor, type, data) VALUES ('t', 'test', CASE WHEN changes() = 1 THEN ?1 END, '{}')`,
    )
    .bind(type);

beforeAll(async () => {
  await db
    .prepare("CREATE TABLE scratch (id INTEGER PRIMARY KEY, k TEXT UNIQUE, v, n INTEGER NOT NULL DEFAULT 0)")
    .run();
});

describe("statements", () => {
  it("bind numbered parameters by number, reused and out of order", async () => {
    const row = await db.prepare("SELECT ?2 AS b, ?1 AS a, ?1 || ?2 AS ab").bind("x", "y").first();
    expect(row).toEqual({ b: "y", a: "x", ab: "xy" });
  });

  it("refuse a wrong number of bindings", async () => {
    await expect(db.prepare("SELECT ?1 AS a, ?2 AS b").bind(1).first()).rejects.toThrow(
      /Wrong number of parameter bindings/,
    );
    await expect(db.prepare("SELECT ?1 AS a").bind(1, 2).first()).rejects.toThrow(/Wrong number of parameter bindings/);
    await expect(db.prepare("SELECT '?1' AS a").first()).resolves.toEqual({ a: "?1" });
  });

  it("bind booleans as 1 and 0, and refuse undefined", async () => {
    expect(await db.prepare("SELECT ?1 AS t, ?2 AS f").bind(true, false).first()).toEqual({ t: 1, f: 0 });
    // D1 refuses at bind(), synchronously, not when the statement runs.
    expect(() => db.prepare("SELECT ?1 AS a").bind(undefined)).toThrow(/D1_TYPE_ERROR: Type 'undefined' not supported/);
    expect(() => db.prepare("SELECT ?1 AS a").bind(10n)).toThrow(/Type 'bigint' not supported/);
  });

  it("report changes and last_row_id, and no changes for a read", async () => {
    const insert = await db.prepare("INSERT INTO scratch (k, v) VALUES (?1, ?2)").bind("a", 1).run();
    expect(insert.meta.changes).toBe(1);
    expect(insert.meta.last_row_id).toBeGreaterThan(0);
    await db.prepare("INSERT INTO scratch (k, v) VALUES (?1, ?2)").bind("b", 2).run();
    expect((await db.prepare("UPDATE scratch SET v = v + 1").run()).meta.changes).toBe(2);
    expect((await db.prepare("UPDATE scratch SET v = 0 WHERE k = 'none'").run()).meta.changes).toBe(0);
    const read = await db.prepare("SELECT k FROM scratch ORDER BY k").all<{ k: string }>();
    expect(read.results).toEqual([{ k: "a" }, { k: "b" }]);
    expect(read.meta.changes).toBe(0);
    expect(await db.prepare("SELECT * FROM scratch WHERE k = 'none'").first()).toBeNull();
  });

  it("return RETURNING rows from run()", async () => {
    const res = await db.prepare("UPDATE scratch SET v = 10 WHERE k = ?1 RETURNING v").bind("a").run<{ v: number }>();
    expect(res.results).toEqual([{ v: 10 }]);
    expect(res.meta.changes).toBe(1);
  });

  it("fail with SQLite's constraint text, which constraintOf reads", async () => {
    const error = await db
      .prepare("INSERT INTO scratch (k) VALUES ('a')")
      .run()
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/UNIQUE constraint failed: scratch\.k/);
    expect(constraintOf(error)).toEqual({ kind: "unique", target: "scratch.k" });
    const notNull = await db
      .prepare("INSERT INTO scratch (k, n) VALUES ('z', NULL)")
      .run()
      .catch((e: unknown) => e);
    expect(constraintOf(notNull)).toEqual({ kind: "not_null", target: "scratch.n" });
  });
});

describe("batch()", () => {
  it("is atomic: a failing statement rolls back the ones before it", async () => {
    const before = await count("SELECT count(*) AS n FROM scratch");
    await expect(
      db.batch([
        db.prepare("INSERT INTO scratch (k) VALUES ('c')"),
        db.prepare("UPDATE scratch SET v = -1"),
        db.prepare("INSERT INTO scratch (k) VALUES ('a')"), // duplicate
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed: scratch\.k/);
    expect(await count("SELECT count(*) AS n FROM scratch")).toBe(before);
    expect(await count("SELECT count(*) AS n FROM scratch WHERE v = -1")).toBe(0);
  });

  it("counts each write's own changes, also right after a batch that failed part-way", async () => {
    await expect(
      db.batch([
        db.prepare("UPDATE scratch SET v = v WHERE k IN ('a', 'b')"),
        db.prepare("INSERT INTO scratch (k) VALUES ('a')"),
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed/);
    const results = await db.batch([
      db.prepare("UPDATE scratch SET v = v WHERE k IN ('a', 'b')"),
      db.prepare("INSERT INTO scratch (k) VALUES ('d')"),
      db.prepare("SELECT k FROM scratch WHERE k = 'd'"),
      db.prepare("DELETE FROM scratch WHERE k = 'd'"),
      db.prepare("UPDATE scratch SET v = 0 WHERE k = 'none'"),
    ]);
    expect(results.map((r) => r.meta.changes)).toEqual([2, 1, 0, 1, 0]);
  });

  it("gives each statement its own result, and changes() sees the statement before", async () => {
    const results = await db.batch([
      db.prepare("UPDATE scratch SET n = n + 1 WHERE k = ?1").bind("a"),
      guard("test.changed"),
      db.prepare("SELECT n FROM scratch WHERE k = 'a'"),
    ]);
    expect(results.map((r) => r.meta.changes)).toEqual([1, 1, 0]);
    expect(results[2]!.results).toEqual([{ n: 1 }]);
  });

  it("fails as a whole when a guarded event finds the change before it touched no row", async () => {
    const events = await count("SELECT count(*) AS n FROM event");
    const error = await db
      .batch([
        db.prepare("UPDATE scratch SET n = 99 WHERE k = 'a'"),
        db.prepare("UPDATE scratch SET n = n WHERE k = 'none'"),
        guard("test.lost"),
      ])
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/NOT NULL constraint failed: event\.type/);
    expect(isGuardFailure(error)).toBe(true);
    expect(await count("SELECT count(*) AS n FROM event")).toBe(events);
    expect(await count("SELECT count(*) AS n FROM scratch WHERE n = 99")).toBe(0);
  });

  it("is mapped by commit(): stale for the guard, unique with its target", async () => {
    expect(await commit(db, [db.prepare("UPDATE scratch SET n = 1 WHERE k = 'none'"), guard("test.x")])).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await commit(db, [db.prepare("INSERT INTO scratch (k) VALUES ('a')")])).toEqual({
      ok: false,
      reason: "unique",
      target: "scratch.k",
    });
  });

  it("refuses an empty batch", async () => {
    await expect(db.batch([])).rejects.toThrow(/No SQL statements detected/);
  });

  it("serialises concurrent batches: 100 conditional increments of one version, each seen once", async () => {
    await db.prepare("INSERT INTO scratch (k, n) VALUES ('counter', 0)").run();
    const attempts = Array.from({ length: 100 }, (_, _i) =>
      db
        .batch([
          db.prepare("UPDATE scratch SET n = n + 1 WHERE k = 'counter'"),
          db.prepare("SELECT n FROM scratch WHERE k = 'counter'"),
        ])
        .then(([, read]) => (read!.results[0] as { n: number }).n),
    );
    const seen = await Promise.all(attempts);
    expect(new Set(seen).size).toBe(100);
    expect(Math.max(...seen)).toBe(100);

    // Fifty racers on the same expected version: exactly one wins.
    const racers = await Promise.all(
      Array.from({ length: 50 }, () =>
        commit(db, [db.prepare("UPDATE scratch SET n = n + 1 WHERE k = 'counter' AND n = 100"), guard("test.race")]),
      ),
    );
    expect(racers.filter((r) => r.ok)).toHaveLength(1);
  });
});
