/**
 * The part of Cloudflare D1's API that the storage layer uses. D1 satisfies it
 * as it is; the Node adapter (`worker/node/sqlite.ts`) implements it over
 * SQLite, so both runtimes share every query and every invariant.
 *
 * One kind of answer for the record's entities: reads of partners, claims, affiliates and
 * representatives return rows (`PartnerRow`, `ClaimRow`, `AffiliateRow`, `RepresentativeRow`,
 * the columns as stored), and each module exports the functions that make the shared shapes of
 * them (`toPartner`, `toClaim`, `toAffiliate`). Rows, not shapes, because the domain decides on
 * columns the shapes leave out or show only to some: the version a guarded write compares, the
 * private contact, the lead's columns, who may see a pending request. It maps a row when it
 * answers. (The event log and the mirror's bookkeeping have no such column and are read as
 * their shapes, `toEvent` inside `events.ts`.)
 */
export interface SqlResult<T = Record<string, unknown>> {
  results: T[];
  meta: { changes: number; last_row_id: number };
}

export interface SqlStatement {
  bind(...values: unknown[]): SqlStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<SqlResult<T>>;
  run<T = Record<string, unknown>>(): Promise<SqlResult<T>>;
}

export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  /** Runs the statements in one transaction: all of them commit, or none. */
  batch<T = Record<string, unknown>>(statements: SqlStatement[]): Promise<SqlResult<T>[]>;
}

/**
 * Statements and how to read their results. Reads that a request needs together go to the
 * database in one batch (`readAll`): one round trip, which on D1 is one network hop.
 */
export interface Read<T> {
  statements: SqlStatement[];
  parse(results: SqlResult[]): T;
}

export type Parsed<R extends readonly Read<unknown>[]> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never };

/** Several reads as one (their statements in order, each parsing its own share of the results). */
export function together<const R extends readonly Read<unknown>[]>(reads: R): Read<Parsed<R>> {
  return {
    statements: reads.flatMap((r) => r.statements),
    parse: (results) => {
      let at = 0;
      return reads.map((r) => {
        const mine = results.slice(at, at + r.statements.length);
        at += r.statements.length;
        return r.parse(mine);
      }) as Parsed<R>;
    },
  };
}

/** Runs every read's statements in one batch (no round trip when there are none) and parses each read's share. */
export async function readAll<const R extends readonly Read<unknown>[]>(db: SqlDatabase, reads: R): Promise<Parsed<R>> {
  const all = together(reads);
  return all.parse(all.statements.length ? await db.batch(all.statements) : []);
}

/** One statement's rows as a read. */
export function rowsOf<T>(statement: SqlStatement): Read<T[]> {
  return { statements: [statement], parse: ([r]) => (r?.results ?? []) as T[] };
}

/** One statement's first row (or null) as a read. */
export function rowOf<T>(statement: SqlStatement): Read<T | null> {
  return { statements: [statement], parse: ([r]) => (r?.results[0] ?? null) as T | null };
}

/** Which constraint a failed statement broke, from the SQLite error text. */
export function constraintOf(
  error: unknown,
): { kind: "unique" | "not_null" | "check" | "foreign_key"; target: string } | null {
  const text =
    error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  const m = /(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?::\s*([\w.]+(?:,\s*[\w.]+)*))?/.exec(text);
  if (!m) return null;
  const kind = ({ UNIQUE: "unique", "NOT NULL": "not_null", CHECK: "check", "FOREIGN KEY": "foreign_key" } as const)[
    m[1] as "UNIQUE" | "NOT NULL" | "CHECK" | "FOREIGN KEY"
  ];
  return { kind, target: m[2] ?? "" };
}

/** JSON text from the database as a typed value. */
export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== "string") return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
