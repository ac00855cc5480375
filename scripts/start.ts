/**
 * `npm start`: the embedded default. Migrates and seeds a local D1, runs the
 * backend under `wrangler dev` on loopback, and says where everything is.
 *   --port N       backend port (default 8787)
 *   --partners N   size of the demo directory when seeding (default 120)
 */
import { parseArgs } from "node:util";
import { ensureDevVars, migrateLocal, seedLocal } from "./lib/local-db.ts";
import { spawnWrangler, stopGroup, waitFor } from "./lib/wrangler.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: "8787" }, partners: { type: "string", default: "120" } },
});
const port = Number(values.port);
const api = `http://127.0.0.1:${port}/api/v1`;

ensureDevVars();
console.log("Migrating the local D1 database…");
migrateLocal();
if (seedLocal(Number(values.partners))) console.log(`Seeded the demo directory (${values.partners} partners).`);

const backend = spawnWrangler(["dev", "--ip", "127.0.0.1", "--port", String(port), "--test-scheduled", "--show-interactive-dev-session=false"]);
backend.stderr?.on("data", (d: Buffer) => process.stderr.write(d));
const children = [backend];
const stop = () => {
  for (const c of children) stopGroup(c);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
backend.on("exit", (code) => {
  console.error(`wrangler dev exited (${code ?? "signal"})`);
  stop();
});

await waitFor(`${api}/health`, 90_000, backend);
console.log(`
partnerhub is running.

  API           ${api}            (try: curl ${api}/partners)
  OpenAPI       ${api}/openapi.json
  Cron Trigger  http://127.0.0.1:${port}/__scheduled?cron=*/10+*+*+*+*

  A development session (local only):
    curl -s -X POST ${api}/session/dev -H 'Content-Type: application/json' -d '{"username":"Hub Coordinator"}'
  then send  Authorization: Bearer <token>  ("Hub Coordinator" is a coordinator here).

Stop with Ctrl-C.`);
