/**
 * A `SqlDatabase` that counts database round trips: each `first`, `all` and `run` is one, and
 * each `batch` is one (D1 sends a batch in one request). On D1 every round trip is a network hop
 * from the Worker to the database, so this count is the latency budget of a route (README,
 * "Benchmarks"). A session opened with `withSession` (D1's Sessions API, where the wrapped
 * database has it) counts into the same counter.
 */
import type { SqlDatabase, SqlResult, SqlStatement } from "../../worker/storage/db.ts";

export interface Trip {
  kind: "first" | "all" | "run" | "batch";
  /** The statements' SQL, whitespace folded; one per statement of a batch. */
  sql: string[];
}

export interface TripCounter {
  trips: Trip[];
  reset(): void;
}

class CountedStatement implements SqlStatement {
  readonly inner: SqlStatement;
  readonly sql: string;
  private readonly counter: TripCounter;
  constructor(inner: SqlStatement, sql: string, counter: TripCounter) {
    this.inner = inner;
    this.sql = sql;
    this.counter = counter;
  }
  bind(...values: unknown[]): SqlStatement {
    return new CountedStatement(this.inner.bind(...values), this.sql, this.counter);
  }
  first<T>(): Promise<T | null> {
    this.counter.trips.push({ kind: "first", sql: [this.sql] });
    return this.inner.first<T>();
  }
  all<T>(): Promise<SqlResult<T>> {
    this.counter.trips.push({ kind: "all", sql: [this.sql] });
    return this.inner.all<T>();
  }
  run<T>(): Promise<SqlResult<T>> {
    this.counter.trips.push({ kind: "run", sql: [this.sql] });
    return this.inner.run<T>();
  }
}

const fold = (sql: string) => sql.replace(/\s+/g, " ").trim();

function counted<D extends SqlDatabase>(inner: D, counter: TripCounter): SqlDatabase {
  const db: SqlDatabase & { withSession?: (bookmark?: string) => SqlDatabase } = {
    prepare: (sql) => new CountedStatement(inner.prepare(sql), fold(sql), counter),
    batch<T>(statements: SqlStatement[]) {
      counter.trips.push({ kind: "batch", sql: statements.map((s) => (s as CountedStatement).sql) });
      return inner.batch<T>(statements.map((s) => (s as CountedStatement).inner));
    },
  };
  const withSession = (inner as { withSession?: (bookmark?: string) => D }).withSession;
  if (typeof withSession === "function") {
    db.withSession = (bookmark) => counted(withSession.call(inner, bookmark), counter);
  }
  return Object.assign(Object.create(inner), db);
}

/** Wraps `inner`; the counter sees every round trip made through the wrapper (and its sessions). */
export function countRoundTrips(inner: SqlDatabase): { db: SqlDatabase; counter: TripCounter } {
  const counter: TripCounter = {
    trips: [],
    reset() {
      this.trips = [];
    },
  };
  return { db: counted(inner, counter), counter };
}
