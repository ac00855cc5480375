/**
 * `SqlDatabase` over Node's built-in `node:sqlite`, with D1's semantics as
 * measured against local D1 (see docs/toolforge.md, "D1 and node:sqlite"):
 * numbered parameters, `meta.changes` as the statement's own writes,
 * `batch()` as one transaction, the same type rules for bound values, and
 * errors that carry SQLite's text as D1's do, so `storage/commit.ts` reads
 * both alike. The driver is synchronous: every call and every batch runs to
 * its end before another can start, which serialises writers within the
 * process; `busy_timeout` covers other processes (a backup, the sqlite3 shell).
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { SqlDatabase, SqlResult, SqlStatement } from "../storage/db.ts";
import { type Checkpointer, startCheckpointer } from "./checkpoint.ts";

export interface NodeSqliteOptions {
  /** How long a write waits for another process's lock before SQLITE_BUSY (ms). */
  busyTimeoutMs?: number;
  /** `wal` (default) or `delete`: a rollback journal, for a file that other hosts read over NFS. */
  journalMode?: "wal" | "delete";
  /**
   * Where WAL checkpoints run: `inline` (SQLite's default: in the COMMIT that takes the WAL past
   * 1,000 pages) or `thread` (a worker thread, off the event loop: see checkpoint.ts), for the
   * server's connection. Only with `wal` on a file.
   */
  checkpoints?: "inline" | "thread";
}

/** A `SqlDatabase` that also runs migrations and closes. */
export interface NodeSqlDatabase extends SqlDatabase {
  /** Runs a script of several statements (a migration) as it is, without parameters. */
  exec(sql: string): void;
  /** Runs `fn` in a transaction (BEGIN IMMEDIATE … COMMIT), rolling back if it throws. */
  transaction<T>(fn: () => T): T;
  close(): void;
  readonly path: string;
}

/** Opens (creating if needed) a SQLite file, or `:memory:`. */
export function openSqlite(path: string, options: NodeSqliteOptions = {}): NodeSqlDatabase {
  const db = new DatabaseSync(path);
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  db.exec("PRAGMA foreign_keys = ON"); // D1 enforces foreign keys
  if (path !== ":memory:") db.exec(`PRAGMA journal_mode = ${options.journalMode === "delete" ? "DELETE" : "WAL"}`);
  // In WAL mode, NORMAL syncs at checkpoints, not at each commit: a commit costs no fsync of its
  // own (the claims benchmark's largest cost on Node), the file is never corrupted, and only an
  // OS crash or power loss (not a crash of this process) can forget the last commits. A rollback
  // journal (`delete`, on NFS) keeps FULL, where NORMAL could corrupt the file on power loss.
  if (path !== ":memory:" && options.journalMode !== "delete") db.exec("PRAGMA synchronous = NORMAL");
  let checkpointer: Checkpointer | null = null;
  if (path !== ":memory:" && options.journalMode !== "delete" && options.checkpoints === "thread") {
    db.exec("PRAGMA wal_autocheckpoint = 0");
    checkpointer = startCheckpointer(path, () => db.exec("PRAGMA wal_autocheckpoint = 1000"), {
      busyTimeoutMs,
    });
  }
  // Local D1 reports `changes` as the difference of total_changes() around a statement.
  const counters = db.prepare("SELECT total_changes() AS total, last_insert_rowid() AS rowid");
  const cache = new Map<string, StatementSync>();

  function compiled(sql: string): StatementSync {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  // last_insert_rowid() and total_changes() as last read (null: unknown). A read changes neither
  // counter, so it is answered without asking: the two extra calls per statement were a tenth of a
  // claim's time. Only this connection's statements move them (a rollback does not lower
  // total_changes), so a write's count after is the next write's count before: one call per write.
  let rowid: number | null = null;
  let total: number | null = null;

  function execute(sql: string, values: SQLInputValue[]): SqlResult {
    if (READ_ONLY.test(sql)) {
      const rows = compiled(sql).all(...values);
      rowid ??= (counters.get() as { rowid: number }).rowid;
      return { results: rows.map(plainRow), meta: { changes: 0, last_row_id: rowid } };
    }
    rowid = null;
    const before = total ?? (counters.get() as { total: number }).total;
    total = null; // unknown if the statement fails part-way
    const rows = compiled(sql).all(...values);
    const after = counters.get() as { total: number; rowid: number };
    rowid = after.rowid;
    total = after.total;
    if (!db.isTransaction) checkpointer?.committed();
    return { results: rows.map(plainRow), meta: { changes: after.total - before, last_row_id: after.rowid } };
  }

  function transaction<T>(fn: () => T): T {
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn();
      db.exec("COMMIT");
      checkpointer?.committed();
      return result;
    } catch (error) {
      // SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR…).
      if (db.isTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }

  const adapter: NodeSqlDatabase = {
    path,
    prepare: (sql) => new NodeStatement(adapter, sql, [], (values) => execute(sql, values)),
    async batch<T>(statements: SqlStatement[]) {
      if (statements.length === 0) throw new Error("No SQL statements detected.");
      return sqliteErrors(() =>
        transaction(() => statements.map((s) => statementOf(s, adapter).execute() as SqlResult<T>)),
      );
    },
    exec: (sql) => {
      rowid = null;
      total = null;
      sqliteErrors(() => db.exec(sql));
      if (!db.isTransaction) checkpointer?.committed();
    },
    transaction: (fn) => sqliteErrors(() => transaction(fn)),
    close() {
      checkpointer?.stop();
      cache.clear();
      db.close();
    },
  };
  return adapter;
}

/** A statement that only reads (a plain SELECT): it changes no row and no rowid. */
const READ_ONLY = /^\s*SELECT\b/i;

// No constructor parameter properties: Node runs this file by stripping types only.
class NodeStatement implements SqlStatement {
  /** The database that prepared it: a batch must not run another's statements outside its transaction. */
  readonly owner: SqlDatabase;
  readonly sql: string;
  readonly values: SQLInputValue[];
  readonly #run: (values: SQLInputValue[]) => SqlResult;

  constructor(owner: SqlDatabase, sql: string, values: SQLInputValue[], run: (values: SQLInputValue[]) => SqlResult) {
    this.owner = owner;
    this.sql = sql;
    this.values = values;
    this.#run = run;
  }

  /** Like D1, returns a new statement: a prepared statement can be bound again for another row. */
  bind(...values: unknown[]): SqlStatement {
    return new NodeStatement(this.owner, this.sql, values.map(toSqlValue), this.#run);
  }

  /** Runs now; D1 checks the parameter count when it runs, not when it prepares. */
  execute(): SqlResult {
    const expected = parameterCount(this.sql);
    if (expected !== this.values.length) throw new Error("Wrong number of parameter bindings for SQL query.");
    return this.#run(this.values);
  }

  async first<T>(): Promise<T | null> {
    return (sqliteErrors(() => this.execute()).results[0] as T | undefined) ?? null;
  }

  async all<T>(): Promise<SqlResult<T>> {
    return sqliteErrors(() => this.execute()) as SqlResult<T>;
  }

  async run<T>(): Promise<SqlResult<T>> {
    return this.all<T>();
  }
}

function statementOf(s: SqlStatement, owner: SqlDatabase): NodeStatement {
  if (!(s instanceof NodeStatement) || s.owner !== owner)
    throw new TypeError("batch() takes statements prepared by the same database");
  return s;
}

/**
 * D1's binding rules: booleans become 1/0; numbers, strings, null and bytes
 * pass (numbers bind as REAL in both, as node:sqlite and D1 both do);
 * undefined, bigint and other objects are refused with D1's message.
 */
function toSqlValue(value: unknown): SQLInputValue {
  if (value === null || typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new Error(`D1_TYPE_ERROR: Type '${typeof value}' not supported for value '${String(value)}'`);
}

/** Rows as D1 gives them: plain objects, blobs as arrays of bytes. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const v = row[key];
    out[key] = v instanceof Uint8Array ? Array.from(v) : v;
  }
  return out;
}

const parameterCounts = new Map<string, number>();

/**
 * The number of parameters SQLite assigns: the largest `?NNN`, with each bare
 * `?` taking the next number. node:sqlite binds missing ones as NULL where D1
 * refuses, so the count is checked here. Literals, quoted names and comments
 * are skipped.
 */
export function parameterCount(sql: string): number {
  let count = parameterCounts.get(sql);
  if (count !== undefined) return count;
  count = 0;
  const tokens = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?\*\/|\?(\d*)/g;
  for (const m of sql.matchAll(tokens)) {
    if (!m[0].startsWith("?")) continue;
    count = m[1] ? Math.max(count, Number(m[1])) : count + 1;
  }
  parameterCounts.set(sql, count);
  return count;
}

/** SQLite result code names, for error texts shaped like D1's ("…: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"). */
const PRIMARY_CODES: Record<number, string> = {
  1: "SQLITE_ERROR",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  8: "SQLITE_READONLY",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  25: "SQLITE_RANGE",
};
const CONSTRAINT_CODES: Record<number, string> = {
  275: "CHECK",
  787: "FOREIGNKEY",
  1299: "NOTNULL",
  1555: "PRIMARYKEY",
  1811: "TRIGGER",
  2067: "UNIQUE",
  2579: "ROWID",
};

function sqliteErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const e = error as Error & { code?: string; errcode?: number };
    if (e?.code !== "ERR_SQLITE_ERROR" || typeof e.errcode !== "number") throw error;
    const primary = PRIMARY_CODES[e.errcode & 0xff] ?? `SQLITE_${e.errcode & 0xff}`;
    const extended = CONSTRAINT_CODES[e.errcode];
    const suffix = extended ? `${primary} (extended: ${primary}_${extended})` : primary;
    throw new Error(`${e.message}: ${suffix}`, { cause: error });
  }
}
