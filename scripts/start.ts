/**
 * `npm start`: the embedded default. Migrates and seeds a local D1, runs the
 * backend under `wrangler dev` on loopback, and says where everything is.
 *   --port N       backend port (default 8787)
 *   --preview N    port of the gadget's local preview (default 8788; 0 to skip it)
 *   --partners N   size of the demo directory when seeding (default 120)
 */
import { parseArgs } from "node:util";
import { ensureDevVars, migrateLocal, seedLocal } from "./lib/local-db.ts";
import { spawnTool, spawnWrangler, stopGroup, waitFor } from "./lib/wrangler.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    preview: { type: "string", default: "8788" },
    partners: { type: "string", default: "120" },
  },
});
const port = Number(values.port);
const previewPort = Number(values.preview);
const api = `http://127.0.0.1:${port}/api/v1`;

ensureDevVars();
console.log("Migrating the local D1 database…");
migrateLocal();
if (seedLocal(Number(values.partners))) console.log(`Seeded the demo directory (${values.partners} partners).`);

const backend = spawnWrangler([
  "dev",
  "--ip",
  "127.0.0.1",
  "--port",
  String(port),
  "--test-scheduled",
  "--show-interactive-dev-session=false",
  // The preview on another port than wrangler.toml's 8788 must still be an allowed origin.
  ...(previewPort > 0 && previewPort !== 8788
    ? ["--var", `ALLOWED_ORIGINS:http://127.0.0.1:${previewPort},http://localhost:${previewPort},http://127.0.0.1:8080`]
    : []),
]);
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

const previewUrl = `http://127.0.0.1:${previewPort}/preview/?backend=${encodeURIComponent(`http://127.0.0.1:${port}`)}`;
if (previewPort > 0) {
  // The gadget's preview page (gadget/preview/): the real gadget against this backend, with Codex CSS.
  const preview = spawnTool("vite", ["-c", "gadget/vite.config.ts", "--port", String(previewPort), "--strictPort"]);
  preview.stderr?.on("data", (d: Buffer) => process.stderr.write(d));
  children.push(preview);
}

await waitFor(`${api}/health`, 90_000, backend);
if (previewPort > 0) await waitFor(`http://127.0.0.1:${previewPort}/preview/`, 60_000, children[1]);
console.log(`
partnerhub is running.
${previewPort > 0 ? `\n  The gadget    ${previewUrl}\n                (add &lang=ar for right-to-left, &night=1 for night mode)\n` : ""}
  API           ${api}            (try: curl ${api}/partners)
  OpenAPI       ${api}/openapi.json
  Cron Trigger  http://127.0.0.1:${port}/__scheduled?cron=*/10+*+*+*+*

  A development session (local only):
    curl -s -X POST ${api}/session/dev -H 'Content-Type: application/json' -d '{"username":"Hub Coordinator"}'
  then send  Authorization: Bearer <token>  ("Hub Coordinator" is a coordinator here).

Stop with Ctrl-C.`);
