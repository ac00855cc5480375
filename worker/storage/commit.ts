/** Runs a change and its event as one batch, and says why it did not commit when it did not. */
import { constraintOf, type Read, type SqlDatabase, type SqlStatement } from "./db.ts";
import { isGuardFailure } from "./events.ts";

export type CommitResult<T = undefined> =
  | { ok: true; lastRowId: number; value: T }
  | { ok: false; reason: "stale" }
  | { ok: false; reason: "unique"; target: string };

/**
 * `stale`: a guarded statement found that the change before it touched no row
 * (the state it expected is gone). `unique`: a unique index refused it. Both
 * roll back the whole batch. Anything else is thrown.
 */
export async function commit(db: SqlDatabase, statements: SqlStatement[]): Promise<CommitResult> {
  return commitThen(db, statements, { statements: [], parse: () => undefined });
}

/**
 * The same, with `then` read in the same batch after the change: what the answer needs, as
 * the change left it, without another round trip.
 */
export async function commitThen<T>(
  db: SqlDatabase,
  statements: SqlStatement[],
  then: Read<T>,
): Promise<CommitResult<T>> {
  try {
    const results = await db.batch([...statements, ...then.statements]);
    return {
      ok: true,
      lastRowId: results[0]?.meta.last_row_id ?? 0,
      value: then.parse(results.slice(statements.length)),
    };
  } catch (error) {
    if (isGuardFailure(error)) return { ok: false, reason: "stale" };
    const constraint = constraintOf(error);
    if (constraint?.kind === "unique") return { ok: false, reason: "unique", target: constraint.target };
    throw error;
  }
}
