// Test wiki instances: one folder each (LocalSettings.php, db/, cache/), served by PHP's built-in
// server from the shared, read-only MediaWiki code. A freshly installed database with the bot
// account is made once per cache ("seed") and copied for every new instance.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { defaultCacheDir, ensureMediaWikiCode, type MediaWikiCode } from "./code.ts";
import { standInSettings, type OAuthStandInOptions } from "./oauth-standin/settings.ts";
import { groupMembers } from "../process-group.ts";

const run = promisify(execFile);

export interface Credentials {
  username: string;
  password: string;
}

/** Everything a test needs to reach an instance; plain data, so Vitest can `provide` it. */
export interface WikiInfo {
  /** `$wgScriptPath` including the server, e.g. `http://127.0.0.1:41234` (api.php and rest.php are under it). */
  scriptUrl: string;
  apiUrl: string;
  port: number;
  /** The instance folder. */
  dir: string;
  /** The MediaWiki code the instance is served from. */
  codeDir: string;
  /** PHP server process id, also its process group id. */
  pid: number;
  /** A bot, sysop and interface-admin; `botUsername`/`botPassword` are its BotPassword (appid `ci`). */
  bot: Credentials & { botUsername: string; botPassword: string };
  /** The account created by the installer (sysop, bureaucrat). */
  admin: Credentials;
}

export interface WikiHandle extends WikiInfo {
  /** Makes the API report this replication lag (seconds), so `maxlag=N` requests fail; 0 clears it. */
  setLag(seconds: number): Promise<void>;
  /** Runs `php maintenance/run.php SCRIPT ...args` against this instance; returns its output. */
  runMaintenance(script: string, args?: string[]): Promise<string>;
  /** Creates an ordinary account, optionally in extra groups (e.g. `["sysop"]`). */
  createUser(name: string, password: string, options?: { groups?: string[] }): Promise<void>;
  /** Blocks an account sitewide (performed by the admin). */
  blockUser(name: string, options?: { reason?: string; expiry?: string }): Promise<void>;
  unblockUser(name: string): Promise<void>;
  /** Stops the PHP server (its whole process group); removes the folder if startWiki made it. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Instance folder. Reused if it already holds an instance (its data survives); default: a new temporary folder, removed by stop(). */
  dir?: string;
  /** Default: a free port. */
  port?: number;
  /** PHP appended to LocalSettings.php after the harness's settings. */
  extraSettings?: string;
  /** Loads the test-only OAuth 2 stand-in (`tools/wiki/oauth-standin/`) with these clients. */
  oauthStandIn?: OAuthStandInOptions;
  /** Lowers `$wgMaxArticleSize` so tests reach `contenttoobig` cheaply. */
  maxArticleSizeKiB?: number;
  cacheDir?: string;
  /** Keep the server running after this Node process exits (scripts/wiki/up.ts). */
  detach?: boolean;
}

const SKINS = "Vector,MinervaNeue";
const EXTENSIONS = "Gadgets,Echo,ParserFunctions";
const BOT_GRANTS = "basic,highvolume,editpage,createeditmovepage,editprotected,editinterface,editsiteconfig";
const PLACEHOLDER_SERVER = "http://127.0.0.1:1";
const READY_TIMEOUT_MS = 30_000;

/** Settings every instance gets. Part of the seed's cache key: change it and a new seed is made. */
const HARNESS_SETTINGS = String.raw`
# ---- partnerhub test harness ----
$wgCacheDirectory = __DIR__ . '/cache';
$wgShowExceptionDetails = true;
// Edits to gadget pages take effect on the next page load.
$wgResourceLoaderMaxage = [ 'versioned' => 0, 'unversioned' => 0 ];
// Jobs never run behind a request: tests stay deterministic.
$wgJobRunRate = 0;
// Ordinary users are otherwise limited to a few edits a minute, as on Wikimedia.
$wgGroupPermissions['user']['noratelimit'] = true;
// There is no mail server on loopback.
$wgEnableEmail = false;
// SQLite never lags. Report the lag written to the file "lag" (seconds) in the instance
// folder, so that tests can make the API answer maxlag (WikiHandle.setLag).
$wgHooks['ApiMaxLagInfo'][] = static function ( array &$lagInfo ): void {
	$file = __DIR__ . '/lag';
	if ( !is_file( $file ) ) {
		return;
	}
	$lag = (float)trim( (string)file_get_contents( $file ) );
	if ( $lag > $lagInfo['lag'] ) {
		$lagInfo = [ 'host' => 'simulated-replica', 'lag' => $lag ] + $lagInfo;
	}
};
`;

/** A fresh random password for a test wiki account: none is ever written into the repository. */
export function newPassword(prefix = "pw"): string {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

/** Starts a wiki and waits until its API answers. */
export async function startWiki(options: StartOptions = {}): Promise<WikiHandle> {
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const code = await ensureMediaWikiCode(cacheDir);
  const seed = await ensureSeed(code, cacheDir);
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "partnerhub-wiki-")));
  try {
    if (!existsSync(join(dir, "credentials.json"))) {
      await mkdir(dir, { recursive: true });
      await cp(seed, dir, { recursive: true });
    }
    const credentials = JSON.parse(await readFile(join(dir, "credentials.json"), "utf8")) as Pick<
      WikiInfo,
      "bot" | "admin"
    >;
    const { child, port } = await serve(code.codeDir, dir, options);
    const scriptUrl = `http://127.0.0.1:${port}`;
    const info: WikiInfo = {
      scriptUrl,
      apiUrl: `${scriptUrl}/api.php`,
      port,
      dir,
      codeDir: code.codeDir,
      pid: child.pid,
      ...credentials,
    };
    return attachWiki(info, { child, removeDir: ownsDir });
  } catch (error) {
    if (ownsDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts PHP's server on the instance and waits until the API answers. */
async function serve(
  codeDir: string,
  dir: string,
  options: StartOptions,
): Promise<{ child: ChildProcess & { pid: number }; port: number }> {
  // An auto-picked port can be taken between probing and binding: then try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    await writeLocalSettings(dir, port, options);
    const child = await startServer(codeDir, dir, port);
    try {
      await waitForApi(`http://127.0.0.1:${port}/api.php`, child, join(dir, "server.log"));
    } catch (error) {
      await stopProcessGroup(child.pid, child);
      if (options.port === undefined && attempt < 3 && /Address already in use/.test(String(error))) continue;
      throw error;
    }
    if (options.detach) child.unref();
    return { child, port };
  }
}

/** Gives the helpers for a wiki started elsewhere (by Vitest's globalSetup, or scripts/wiki/up.ts). */
export function attachWiki(info: WikiInfo, owner: { child?: ChildProcess; removeDir?: boolean } = {}): WikiHandle {
  const runMaintenance = (script: string, args: string[] = []) => maintenance(info.codeDir, info.dir, script, args);
  return {
    ...info,
    runMaintenance,
    async setLag(seconds) {
      if (seconds > 0) await writeFile(join(info.dir, "lag"), String(seconds));
      else await rm(join(info.dir, "lag"), { force: true });
    },
    async createUser(name, password, { groups = [] } = {}) {
      const groupArgs = groups.length > 0 ? [`--custom-groups=${groups.join(",")}`] : [];
      const output = await runMaintenance("createAndPromote", [...groupArgs, name, password]);
      // The script ignores unknown groups with a mere message.
      if (/is not a valid group/.test(output)) throw new Error(output.trim());
    },
    async blockUser(name, { reason = "test", expiry = "infinite" } = {}) {
      await blockUsers(runMaintenance, info, name, [`--reason=${reason}`, `--expiry=${expiry}`]);
    },
    async unblockUser(name) {
      await blockUsers(runMaintenance, info, name, ["--unblock"]);
    },
    async stop() {
      await stopProcessGroup(info.pid, owner.child);
      if (owner.removeDir) await rm(info.dir, { recursive: true, force: true });
    },
  };
}

/** The plain data of a handle (what Vitest's provide() can pass to test workers). */
export function wikiInfo(wiki: WikiInfo): WikiInfo {
  const { scriptUrl, apiUrl, port, dir, codeDir, pid, bot, admin } = wiki;
  return { scriptUrl, apiUrl, port, dir, codeDir, pid, bot: { ...bot }, admin: { ...admin } };
}

async function blockUsers(
  runMaintenance: WikiHandle["runMaintenance"],
  info: WikiInfo,
  name: string,
  args: string[],
): Promise<void> {
  // blockUsers reads the names from a file.
  const list = join(info.dir, `block-${randomBytes(4).toString("hex")}.txt`);
  await writeFile(list, name + "\n");
  try {
    const output = await runMaintenance("blockUsers", [`--performer=${info.admin.username}`, ...args, list]);
    // A failed block is reported in the output only; the exit status is 0.
    if (!/ succeeded\./.test(output)) throw new Error(`blockUsers ${name}: ${output.trim()}`);
  } finally {
    await rm(list, { force: true });
  }
}

/**
 * A freshly installed wiki with the bot account and its BotPassword, made once per MediaWiki
 * version and harness settings. Installing takes only ~0.5 s, but with the accounts and the
 * first localisation cache it is ~1 s that every instance saves.
 */
async function ensureSeed(code: MediaWikiCode, cacheDir: string): Promise<string> {
  const key = createHash("sha256")
    .update([code.version, SKINS, EXTENSIONS, BOT_GRANTS, HARNESS_SETTINGS].join("\n"))
    .digest("hex")
    .slice(0, 16);
  const seed = join(cacheDir, "seeds", key);
  if (existsSync(join(seed, "credentials.json"))) return seed;

  await mkdir(join(cacheDir, "seeds"), { recursive: true });
  const work = await mkdtemp(join(cacheDir, "seeds", "tmp-"));
  try {
    const credentials = await installInto(code.codeDir, work);
    // credentials.json last: its presence marks a complete seed.
    await writeFile(join(work, "credentials.json"), JSON.stringify(credentials, null, 2) + "\n");
    try {
      await rename(work, seed);
    } catch (error) {
      if (!existsSync(join(seed, "credentials.json"))) throw error;
    }
    return seed;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function installInto(codeDir: string, dir: string): Promise<Pick<WikiInfo, "bot" | "admin">> {
  const admin = { username: "Admin", password: newPassword("Admin") };
  // A BotPassword must match ^[0-9a-w]{32,}$: others are accepted when created, and login then
  // fails with a misleading "Incorrect username or password". Hex is a safe subset.
  const botPassword = randomBytes(16).toString("hex");
  const bot = { username: "Bot", password: newPassword("Bot"), botUsername: "Bot@ci", botPassword };

  await mkdir(join(dir, "db"));
  await mkdir(join(dir, "cache"));
  const env = { ...process.env };
  delete env.MW_CONFIG_FILE; // the installer must not load some other wiki's settings
  await run(
    "php",
    [
      "maintenance/run.php",
      "install",
      "--dbtype",
      "sqlite",
      "--dbpath",
      join(dir, "db"),
      "--server",
      PLACEHOLDER_SERVER,
      "--scriptpath",
      "",
      "--skins",
      SKINS,
      "--extensions",
      EXTENSIONS,
      "--confpath",
      dir,
      "--pass",
      admin.password,
      "Test Wiki",
      admin.username,
    ],
    { cwd: codeDir, env, maxBuffer: 16 << 20 },
  );
  await writeFile(
    join(dir, "LocalSettings.base.php"),
    relocatable(await readFile(join(dir, "LocalSettings.php"), "utf8")) + HARNESS_SETTINGS,
  );
  await rm(join(dir, "LocalSettings.php"));
  await writeLocalSettings(dir, 1, {});
  await maintenance(codeDir, dir, "createAndPromote", [
    "--bot",
    "--sysop",
    "--interface-admin",
    bot.username,
    bot.password,
  ]);
  await maintenance(codeDir, dir, "createBotPassword", [
    "--appid",
    "ci",
    "--grants",
    BOT_GRANTS,
    bot.username,
    botPassword,
  ]);
  await rm(join(dir, "LocalSettings.php"));
  return { admin, bot };
}

/**
 * The installer writes the database folder as an absolute path, and copies it into the cache
 * configurations right away; point it at the folder of LocalSettings.php instead.
 */
function relocatable(settings: string): string {
  const line = /^\$wgSQLiteDataDir = .*;$/m;
  if (!line.test(settings)) throw new Error("installer output has no $wgSQLiteDataDir line");
  return settings.replace(line, "$wgSQLiteDataDir = __DIR__ . '/db';");
}

/** LocalSettings.php = the seed's settings + what differs per instance (rewritten on each start). */
async function writeLocalSettings(
  dir: string,
  port: number,
  options: Pick<StartOptions, "extraSettings" | "maxArticleSizeKiB" | "oauthStandIn">,
): Promise<void> {
  const base = await readFile(join(dir, "LocalSettings.base.php"), "utf8");
  const lines = ["", "# ---- this instance ----", `$wgServer = "http://127.0.0.1:${port}";`];
  if (options.maxArticleSizeKiB !== undefined)
    lines.push(`$wgMaxArticleSize = ${Math.floor(options.maxArticleSizeKiB)};`);
  if (options.oauthStandIn) lines.push(standInSettings(options.oauthStandIn));
  if (options.extraSettings) lines.push(options.extraSettings);
  await writeFile(join(dir, "LocalSettings.php"), base + lines.join("\n") + "\n");
}

async function maintenance(codeDir: string, dir: string, script: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run("php", ["maintenance/run.php", script, ...args], {
    cwd: codeDir,
    env: { ...process.env, MW_CONFIG_FILE: join(dir, "LocalSettings.php") },
    maxBuffer: 64 << 20,
  });
  return stdout + stderr;
}

async function startServer(codeDir: string, dir: string, port: number): Promise<ChildProcess & { pid: number }> {
  const log = openSync(join(dir, "server.log"), "a");
  try {
    // detached: the server leads a new process group (setsid), so that stop() reaches the
    // workers too; they would keep the port otherwise.
    const child = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", codeDir], {
      cwd: codeDir,
      detached: true,
      stdio: ["ignore", log, log],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: "4", MW_CONFIG_FILE: join(dir, "LocalSettings.php") },
    });
    await once(child, "spawn"); // rejects if php cannot be started
    if (child.pid === undefined) throw new Error("php started without a pid");
    return child as ChildProcess & { pid: number };
  } finally {
    closeSync(log);
  }
}

/** Polls api.php until it answers with siteinfo; fails early if the server exits. */
async function waitForApi(apiUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  let exited = child.exitCode !== null;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PHP server exited early:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${apiUrl}?action=query&meta=siteinfo&format=json&formatversion=2`);
      const body = (await response.json()) as { query?: { general?: unknown } };
      if (body.query?.general) return;
      lastError = new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 500)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`wiki not ready after ${READY_TIMEOUT_MS} ms: ${String(lastError)}\n${tail(logFile)}`);
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-20).join("\n") : "";
}

/** A port that was free a moment ago (bind port 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** SIGTERM to the whole process group, then wait until none of it is alive (SIGKILL after 5 s). */
export async function stopProcessGroup(pgid: number, child?: ChildProcess): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pgid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 5000;
  while (liveGroupMembers(pgid) > 0 || (child && child.exitCode === null && child.signalCode === null)) {
    if (Date.now() > deadline) {
      signal("SIGKILL");
      if (Date.now() > deadline + 2000) throw new Error(`process group ${pgid} does not stop`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether any process of the group is still running (a server started by startWiki). */
export function isProcessGroupAlive(pgid: number): boolean {
  return liveGroupMembers(pgid) > 0;
}

/**
 * Processes of the group that are still running. Zombies do not count: orphaned workers may
 * wait for a PID 1 that never reaps them (containers), yet they hold no port.
 */
function liveGroupMembers(pgid: number): number {
  return groupMembers(pgid).filter((p) => p.state !== "Z").length;
}
