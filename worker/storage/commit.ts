/** Runs a change and its event as one batch, and says why it did not commit when it did not. */
import { constraintOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { isGuardFailure } from "./events.ts";

export type CommitResult =
  | { ok: true; lastRowId: number }
  | { ok: false; reason: "stale" }
  | { ok: false; reason: "unique"; target: string };

/**
 * `stale`: a guarded statement found that the change before it touched no row
 * (the state it expected is gone). `unique`: a unique index refused it. Both
 * roll back the whole batch. Anything else is thrown.
 */
export async function commit(db: SqlDatabase, statements: SqlStatement[]): Promise<CommitResult> {
  try {
    const results = await db.batch(statements);
    return { ok: true, lastRowId: results[0]?.meta.last_row_id ?? 0 };
  } catch (error) {
    if (isGuardFailure(error)) return { ok: false, reason: "stale" };
    const constraint = constraintOf(error);
    if (constraint?.kind === "unique") return { ok: false, reason: "unique", target: constraint.target };
    throw error;
  }
}
