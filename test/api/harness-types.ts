/**
 * What a runtime-neutral API test needs from the runtime under test. Each
 * Vitest project resolves `#harness` to its own module exporting `harness`:
 * `test/worker/harness.ts` (workerd, local D1) or `test/node/harness.ts`
 * (Node, node:sqlite). As with D1 in workerd, the database is fresh per test
 * file and shared by the tests of one file.
 */
import type { SqlDatabase } from "../../worker/storage/db.ts";

export interface ApiHarness {
  /** Which runtime answers, for the rare test that must tell (prefer not to). */
  runtime: "workerd" | "node";
  /**
   * The app's fetch, as the runtime's entry point serves it, for a request from `clientAddress`
   * as the runtime reports it (default loopback, as in local development; null: it cannot tell).
   */
  fetch(request: Request, clientAddress?: string | null): Promise<Response>;
  /** The database behind the app, migrated. */
  db: SqlDatabase;
  /** Empties the record (all tables the migrations made), where the runtime can. */
  reset?(): Promise<void>;
}
