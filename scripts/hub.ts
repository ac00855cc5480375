/**
 * `npm run hub`: a local Content Partnerships Hub — MediaWiki 1.43 with the gadget
 * installed as a real gadget, users for every role, the backend pointed at it, the
 * mirror's pages published. Folders are kept in .cache/ between runs; Ctrl-C stops
 * the backend and the wiki.
 *   --port N   backend port (default 8787)
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startHub } from "./lib/hub.ts";
import { ROOT } from "./lib/wrangler.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8787" } } });

const hub = await startHub({
  wikiDir: join(ROOT, ".cache/hub/wiki"),
  d1Dir: join(ROOT, ".cache/hub/d1"),
  backendPort: Number(values.port),
  // A fixed port, so that the directory page the mirror wrote keeps pointing at it between runs.
  wikidataPort: Number(values.port) + 3,
  log: (line) => console.log(line),
});

console.log(`
The local hub is running.

  The hub page    ${hub.hubUrl}
  Wiki            ${hub.wiki.scriptUrl}   (admin: ${hub.wiki.admin.username} / ${hub.wiki.admin.password})
  Backend         ${hub.backendUrl}/api/v1
  Mirror status   ${hub.backendUrl}/api/v1/mirror/status
  Sync the mirror ${hub.backendUrl}/__scheduled?cron=*/10+*+*+*+*
  Wikidata        ${hub.wikidata.apiUrl}   (test-only stand-in: a museum, a library, …)

  Wiki users (log in on the wiki, then sign in from the hub page):
${Object.values(hub.users)
  .map((u) => `    ${u.name.padEnd(16)} ${u.password.padEnd(40)} ${u.role}`)
  .join("\n")}

Stop with Ctrl-C.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await hub.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
