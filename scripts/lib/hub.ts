/**
 * A local Content Partnerships Hub: a real MediaWiki 1.43 with the built gadget
 * installed as a real gadget, wiki users for each role, the backend under
 * `wrangler dev` pointed at that wiki, and the mirror's pages published on it.
 * Used by `npm run hub` (persistent folders) and the end-to-end tests (temporary ones).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiGet, newPassword, startWiki, type WikiHandle } from "../../tools/wiki/harness.ts";
import { startWikidataStandIn, type WikidataStandIn } from "../../tools/wikidata/standin.ts";
import { buildGadget, deployGadget } from "./gadget-install.ts";
import { migrateLocal, seedLocal } from "./local-db.ts";
import { spawnWrangler, stopGroup, waitFor, wrangler } from "./wrangler.ts";

export const HUB_TITLE = "Content Partnerships Hub/Directory";
/** The gadget's OAuth 2 client id on the local hub's stand-in. */
export const HUB_OAUTH_CLIENT = "partnerhub-local-hub";

/** The people of the local hub. Their wiki passwords are made at the wiki's first start (`hubUsers`). */
export const HUB_PEOPLE = {
  coordinator: { name: "Hub Coordinator", represents: null, role: "coordinator" },
  alice: { name: "Alice", represents: "wikimedia-deutschland", role: "representative of wikimedia-deutschland" },
  bob: { name: "Bob", represents: "wikimedia-osterreich", role: "representative of wikimedia-osterreich" },
  carol: { name: "Carol", represents: null, role: "no affiliate" },
} as const;

export type HubPerson = keyof typeof HUB_PEOPLE;
export type HubUsers = Record<HubPerson, { name: string; password: string; represents: string | null; role: string }>;

/**
 * The people with their passwords: random, made once per wiki and kept in its instance folder
 * beside the bot's credentials, so that a persistent hub prints the same ones on every start.
 */
export function hubUsers(wikiDir: string): HubUsers {
  const file = join(wikiDir, "hub-users.json");
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Record<HubPerson, string>>) : {};
  const passwords = Object.fromEntries(
    (Object.keys(HUB_PEOPLE) as HubPerson[]).map((k) => [
      k,
      saved[k] ?? newPassword(HUB_PEOPLE[k].name.replace(/\W/g, "")),
    ]),
  ) as Record<HubPerson, string>;
  writeFileSync(file, JSON.stringify(passwords, null, 2) + "\n", { mode: 0o600 });
  return Object.fromEntries(
    (Object.keys(HUB_PEOPLE) as HubPerson[]).map((k) => [k, { ...HUB_PEOPLE[k], password: passwords[k] }]),
  ) as HubUsers;
}

/** As on Meta-Wiki: night mode for everyone; and a favicon that exists, so browsers log no 404. */
const HUB_SETTINGS = `
$wgVectorNightMode = [ 'logged_out' => true, 'logged_in' => true, 'beta' => false ];
$wgFavicon = "$wgResourceBasePath/resources/assets/change-your-logo-icon.svg";
`;

export interface HubOptions {
  /** The wiki's instance folder (kept between runs by `npm run hub`). */
  wikiDir?: string;
  /** Where the backend's local D1 lives (`wrangler dev --persist-to`). */
  d1Dir: string;
  backendPort: number;
  /** Demo directory size when seeding an empty database. */
  partners?: number;
  /** Keep the wiki running after this process exits. */
  detachWiki?: boolean;
  /** Port of the test-only Wikidata stand-in the referral form's look-up asks (0: any free one). */
  wikidataPort?: number;
  log?: (line: string) => void;
}

export interface Hub {
  wiki: WikiHandle;
  /** The test-only stand-in of Wikidata's API (tools/wikidata/), which the gadget is told to ask. */
  wikidata: WikidataStandIn;
  backendUrl: string;
  /** The hub's directory page on the wiki. */
  hubUrl: string;
  /** The wiki users of each role, with their passwords. */
  users: HubUsers;
  /** Runs the Cron Trigger (stale leads, then the mirror) and waits until the wiki has every event. */
  syncMirror(): Promise<void>;
  stop(): Promise<void>;
}

async function ensureUser(wiki: WikiHandle, name: string, password: string): Promise<void> {
  const answer = await apiGet(wiki.apiUrl, { action: "query", list: "users", ususers: name });
  const user = (answer.query as { users: { missing?: boolean }[] }).users[0];
  if (user?.missing) await wiki.createUser(name, password);
}

/** Makes the hub's representatives verified, as a coordinator would, with the events that record it. */
function seedPeople(d1Dir: string): void {
  const at = new Date().toISOString();
  const coordinator = HUB_PEOPLE.coordinator.name;
  const statements = Object.values(HUB_PEOPLE)
    .filter((u): u is typeof u & { represents: string } => u.represents !== null)
    .flatMap((u) => [
      `INSERT INTO representative (affiliate_id, user_name, status, verified_by, since)
         SELECT '${u.represents}', '${u.name}', 'verified', '${coordinator}', '${at}'
         WHERE NOT EXISTS (SELECT 1 FROM representative WHERE affiliate_id = '${u.represents}' AND user_name = '${u.name}');`,
      `INSERT INTO event (at, actor, type, affiliate_id, data)
         SELECT '${at}', '${coordinator}', 'representative.verified', '${u.represents}', '{"user":"${u.name}"}'
         WHERE changes() = 1;`,
    ]);
  wrangler(["d1", "execute", "DB", "--local", "--persist-to", d1Dir, "--command", statements.join("\n")]);
}

export async function startHub(o: HubOptions): Promise<Hub> {
  const log = o.log ?? (() => {});
  log("Starting the wiki…");
  const wiki = await startWiki({
    dir: o.wikiDir,
    detach: o.detachWiki,
    extraSettings: HUB_SETTINGS,
    // Extension:OAuth cannot be installed from Debian's packages: the test-only stand-in answers
    // its three endpoints for this wiki's real users, with the hub page as the client's callback.
    oauthStandIn: {
      clients: [
        {
          id: HUB_OAUTH_CLIENT,
          name: "partnerhub (local hub)",
          redirectPaths: [`/index.php/${HUB_TITLE.replace(/ /g, "_")}`],
        },
      ],
    },
  });
  let backend: ChildProcess | null = null;
  let wikidata: WikidataStandIn | null = null;
  try {
    // Nothing may leave the machine: the referral form's Wikidata look-up asks the stand-in.
    wikidata = await startWikidataStandIn(o.wikidataPort ?? 0);
    const users = hubUsers(wiki.dir);
    for (const u of Object.values(users)) await ensureUser(wiki, u.name, u.password);
    log("Building the gadget and installing it on the wiki…");
    buildGadget();
    deployGadget(wiki);

    log("Preparing the backend's database…");
    migrateLocal(o.d1Dir);
    seedLocal(o.partners ?? 120, o.d1Dir);
    seedPeople(o.d1Dir);

    const backendUrl = `http://127.0.0.1:${o.backendPort}`;
    const vars: Record<string, string> = {
      WIKI_SCRIPT_URL: wiki.scriptUrl,
      ALLOWED_ORIGINS: new URL(wiki.scriptUrl).origin,
      COORDINATORS: HUB_PEOPLE.coordinator.name,
      DEV_LOGIN: "off",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      MIRROR_BOT_USERNAME: wiki.bot.botUsername,
      MIRROR_BOT_PASSWORD: wiki.bot.botPassword,
      MIRROR_PAGE_PREFIX: HUB_TITLE,
      PUBLIC_URL: backendUrl,
      OAUTH_CLIENT_ID: HUB_OAUTH_CLIENT,
      WIKIDATA_API_URL: wikidata.apiUrl,
    };
    log("Starting the backend…");
    backend = spawnWrangler([
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(o.backendPort),
      "--persist-to",
      o.d1Dir,
      "--test-scheduled",
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ]);
    let backendLog = "";
    backend.stdout?.on("data", (d: Buffer) => (backendLog = (backendLog + d.toString()).slice(-20_000)));
    backend.stderr?.on("data", (d: Buffer) => (backendLog = (backendLog + d.toString()).slice(-20_000)));
    await waitFor(`${backendUrl}/api/v1/health`, 90_000, backend).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${backendLog}`);
    });

    const syncMirror = async () => {
      const res = await fetch(`${backendUrl}/__scheduled?cron=${encodeURIComponent("*/10 * * * *")}`);
      if (!res.ok) throw new Error(`the Cron Trigger answered ${res.status}: ${await res.text()}\n${backendLog}`);
      // The scheduled handler runs in waitUntil(): wait until the wiki has every event.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const status = (await (await fetch(`${backendUrl}/api/v1/mirror/status`)).json()) as {
          lag: number;
          errors: unknown[];
        };
        if (status.lag === 0) return;
        if (Date.now() > deadline)
          throw new Error(`the mirror did not catch up: ${JSON.stringify(status)}\n${backendLog}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    log("Publishing the directory on the wiki…");
    await syncMirror();

    const running = backend;
    const standIn = wikidata;
    return {
      wiki,
      wikidata: standIn,
      backendUrl,
      hubUrl: `${wiki.scriptUrl}/index.php?title=${encodeURIComponent(HUB_TITLE.replace(/ /g, "_"))}`,
      users,
      syncMirror,
      async stop() {
        stopGroup(running);
        await standIn.stop();
        if (!o.detachWiki) await wiki.stop();
      },
    };
  } catch (error) {
    if (backend) stopGroup(backend);
    await wikidata?.stop();
    if (!o.detachWiki) await wiki.stop();
    throw error;
  }
}
