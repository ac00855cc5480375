/**
 * `#harness` in the node project: the Node entry's app over a fresh in-memory
 * SQLite per test file (Vitest evaluates this module once per file), migrated,
 * configured from the same variables as the worker project (vitest.config.ts
 * passes them as process.env). Requests come from a loopback socket unless a test says otherwise.
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
  // The server's bindings as @hono/node-server passes them: only the socket's peer is read.
  fetch: async (request, clientAddress = "127.0.0.1") =>
    app.fetch(request, clientAddress === null ? {} : { incoming: { socket: { remoteAddress: clientAddress } } }),
  db,
};
