/**
 * `#harness` in the node project: the Node entry's app over a fresh in-memory
 * SQLite per test file (Vitest evaluates this module once per file), migrated,
 * configured from the same variables as the worker project (vitest.config.ts
 * passes them as process.env).
 */
import { readConfig } from "../../worker/config.ts";
import { createNodeApp, nodeDeps } from "../../worker/node/deps.ts";
import { migrate } from "../../worker/node/migrate.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";
import type { ApiHarness } from "../api/harness-types.ts";

const db = openSqlite(":memory:");
await migrate(db);
const app = createNodeApp(nodeDeps(db, readConfig(process.env)));

export const harness: ApiHarness = {
  runtime: "node",
  fetch: async (request) => app.fetch(request),
  db,
};
