// Starts a persistent local MediaWiki 1.43 in .cache/wiki-instance (its pages survive restarts)
// and prints how to reach it. Idempotent: says so if it already runs.
//   node scripts/wiki/up.ts [--port N]        stop it with: node scripts/wiki/down.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { apiGet, isProcessGroupAlive, startWiki, wikiInfo, type WikiInfo } from "../../tools/wiki/harness.ts";
import { instanceDir, readState, stateFile } from "./instance-files.ts";

const { values } = parseArgs({ options: { port: { type: "string" } } });

const running = readState();
if (running && (await answers(running))) {
  console.log("The local wiki is already running.");
  print(running);
} else {
  // Keep the last port when nothing else took it, so that configured URLs stay valid.
  const port = values.port ? Number(values.port) : running?.port;
  const wiki = await startWiki({ dir: instanceDir, port, detach: true }).catch((error: unknown) => {
    if (values.port || port === undefined || !/Address already in use/.test(String(error))) throw error;
    console.log(`Port ${port} is not available; picking another.`);
    return startWiki({ dir: instanceDir, detach: true });
  });
  await writeFile(stateFile, JSON.stringify(wikiInfo(wiki), null, 2) + "\n");
  console.log("Started the local wiki.");
  print(wiki);
}

/** Its server process lives and the wiki at its URL is this one (not some later process on that port). */
async function answers(info: WikiInfo): Promise<boolean> {
  if (!isProcessGroupAlive(info.pid)) return false;
  try {
    const answer = await apiGet(info.apiUrl, { action: "query", meta: "siteinfo" });
    return (answer.query as { general?: { server?: string } }).general?.server === info.scriptUrl;
  } catch {
    return false;
  }
}

function print(info: WikiInfo): void {
  console.log(`
  WIKI_SCRIPT_URL      ${info.scriptUrl}
  api.php              ${info.apiUrl}
  MIRROR_BOT_USERNAME  ${info.bot.botUsername}
  MIRROR_BOT_PASSWORD  ${info.bot.botPassword}
  bot (main password)  ${info.bot.username} / ${info.bot.password}
  admin                ${info.admin.username} / ${info.admin.password}
  folder               ${info.dir} (server.log, LocalSettings.php)
  pid                  ${info.pid}
`);
}
