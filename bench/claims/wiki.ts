/**
 * The status quo's side of the claims benchmark: claims as rows of one wikitable
 * page, edited through the MediaWiki Action API of the local test wiki by real
 * wiki users. "careful" clients read the page, add their row and save with
 * `baserevid`; on `editconflict` they re-read and try again, as a careful human
 * or bot would. "blind" clients save without `baserevid`: the last write wins.
 */
import { ApiError, login, newPassword, type WikiClient, type WikiHandle } from "../../tools/wiki/harness.ts";
import type { RunResult } from "./run.ts";

export type WikiMode = "careful" | "blind";

const HEADER = '{| class="wikitable sortable"\n! Partner !! Affiliate !! User !! Date\n';
/** A careful client gives up on a claim after this many attempts (a human would sooner). */
const MAX_ATTEMPTS = 100;

export interface WikiEditor {
  name: string;
  client: WikiClient;
}

/** Creates and logs in `n` ordinary wiki users (no bot flag; the harness lifts the edit rate limit). */
export async function wikiEditors(wiki: WikiHandle, n: number): Promise<WikiEditor[]> {
  const editors: WikiEditor[] = [];
  for (let j = 0; j < n; j++) {
    const name = `Bench Editor ${j}`;
    const password = newPassword();
    await wiki.createUser(name, password);
    editors.push({ name, client: await login(wiki.apiUrl, name, password) });
  }
  return editors;
}

const row = (partner: string, affiliate: string, user: string) =>
  `|-\n| ${partner} || ${affiliate} || ${user} || ${new Date().toISOString().slice(0, 10)}\n`;

/** The page with one more row, added before the table's end as a person would. */
function withRow(content: string, line: string): string {
  const end = content.lastIndexOf("|}");
  return end < 0 ? `${content}\n${line}|}` : `${content.slice(0, end)}${line}${content.slice(end)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One run on a fresh page: `clients` editors make `claims` claims between them, each
 * claim (partner k, the editor's affiliate). Latency is per claim, retries included.
 */
export async function runWiki(
  bot: WikiClient,
  editors: WikiEditor[],
  title: string,
  mode: WikiMode,
  clients: number,
  claims: number,
  partners: string[],
  deadlineMs: number,
): Promise<RunResult> {
  await bot.edit(title, `${HEADER}|}`, "claims benchmark: empty table");
  const perClient = claims / clients;
  const latencies: number[] = [];
  let conflicts = 0;
  let retries = 0;
  let errors = 0;
  let gaveUp = 0;
  let requests = 0;
  const started = performance.now();
  const deadline = started + deadlineMs;
  await Promise.all(
    editors.slice(0, clients).map(async (editor, j) => {
      for (let k = 0; k < perClient; k++) {
        const line = row(partners[k]!, `bench-affiliate-${j}`, editor.name);
        const t0 = performance.now();
        for (let attempt = 1; ; attempt++) {
          if (attempt > MAX_ATTEMPTS || performance.now() > deadline) {
            gaveUp++;
            break;
          }
          if (attempt > 1) retries++;
          try {
            requests += 2;
            const page = await editor.client.readPage(title);
            const extra = mode === "careful" ? { baserevid: page!.revid } : {};
            await editor.client.edit(title, withRow(page!.content, line), "we can take this partner", extra);
            latencies.push(performance.now() - t0);
            break;
          } catch (error) {
            if (error instanceof ApiError && error.code === "editconflict") conflicts++;
            // PHP's server on SQLite sometimes answers an HTML error page under load: retry it.
            else if (error instanceof ApiError && error.code.startsWith("http-")) {
              errors++;
              await sleep(50);
            } else throw error;
          }
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  const final = (await bot.readPage(title))!.content;
  let present = 0;
  for (let j = 0; j < clients; j++) {
    for (let k = 0; k < perClient; k++) if (final.includes(`| ${partners[k]} || bench-affiliate-${j} ||`)) present++;
  }
  return {
    attempted: claims,
    succeeded: latencies.length,
    present,
    conflicts,
    refused: 0,
    retries,
    errors,
    gaveUp,
    requests,
    wallMs,
    latencies,
  };
}
