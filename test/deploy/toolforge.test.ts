/**
 * The backend started the way Toolforge's Build Service starts it: the repository's tracked files
 * in a clean folder, `npm ci --omit=dev` (no dev dependencies: no wrangler, no vite, no TypeScript
 * compiler), then the Procfile's `web` command with `PORT` and `HOST=0.0.0.0` from the environment
 * and the tool's settings as `toolforge envvars` gives them. It must answer health and take a write.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSession } from "../../worker/auth/session.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const copy = mkdtempSync(join(tmpdir(), "partnerhub-toolforge-"));
const home = join(copy, "tool-home"); // $TOOL_DATA_DIR
const SECRET = randomBytes(32).toString("hex");
let port: number;
let web: ChildProcess;
let log = "";

/** The Procfile's process types, as the buildpack reads them. */
function procfile(dir: string): Record<string, string> {
  const entries = readFileSync(join(dir, "Procfile"), "utf8")
    .split("\n")
    .map((line) => /^([a-z][a-z0-9_-]*):\s*(.+)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => [m[1]!, m[2]!] as const);
  return Object.fromEntries(entries);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

/** The tool's environment (`toolforge envvars`), without anything of this machine's but PATH. */
const toolEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  TOOL_DATA_DIR: home,
  NODE_ENV: "production",
  HOST: "0.0.0.0",
  PORT: String(port),
  TRUST_PROXY: "1",
  SQLITE_JOURNAL_MODE: "delete",
  DATABASE_PATH: join(home, "data", "partnerhub.sqlite"),
  WIKI_SCRIPT_URL: "http://127.0.0.1:9",
  ALLOWED_ORIGINS: "https://meta.wikimedia.org",
  COORDINATORS: "Tool Coordinator",
  SESSION_SECRET: SECRET,
  ...extra,
});

beforeAll(async () => {
  // What `git clone` gives: the tracked files (as they are in the working tree), nothing else.
  const files = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
    .stdout.split("\0")
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  mkdirSync(home, { recursive: true });
  const install = spawnSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], {
    cwd: copy,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stdout}\n${install.stderr}`);
  port = await freePort();
  // As the buildpack's launcher runs a Procfile entry: through bash, which execs a single command.
  web = spawn("bash", ["-c", procfile(copy).web!], { cwd: copy, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"] });
  web.stdout!.on("data", (d) => (log += d));
  web.stderr!.on("data", (d) => (log += d));
  // Ready when it says where it listens (bounded by the hook timeout; the process may also die).
  await new Promise<void>((ok, fail) => {
    const check = () => (/partnerhub .* on http:\/\/0\.0\.0\.0:\d+/.test(log) ? ok() : undefined);
    web.stdout!.on("data", check);
    web.on("exit", (code) => fail(new Error(`the web process exited with ${code}:\n${log}`)));
  });
});

afterAll(async () => {
  if (web && web.exitCode === null && web.signalCode === null) {
    web.kill("SIGKILL");
    await new Promise((r) => web.once("exit", r));
  }
  rmSync(copy, { recursive: true, force: true });
});

const url = (path: string) => `http://127.0.0.1:${port}/api/v1${path}`;

describe("the Toolforge start (clean copy, npm ci --omit=dev, the Procfile)", () => {
  it("installs no dev dependency and runs on the Node the project pins", () => {
    expect(existsSync(join(copy, "node_modules", "wrangler"))).toBe(false);
    expect(existsSync(join(copy, "node_modules", "typescript"))).toBe(false);
    const version = spawnSync(join(copy, "node_modules", ".bin", "node"), ["--version"], { encoding: "utf8" }).stdout;
    const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
    // Type stripping without a flag: 22.18 and later.
    expect(major! > 22 || (major === 22 && minor! >= 18), version).toBe(true);
  });

  it("answers /api/v1/health on the port from the environment", async () => {
    const res = await fetch(url("/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
    expect(log).toMatch(/migrations applied: 0001_record\.sql/);
  });

  it("takes a write from a signed-in user and keeps it in the tool's database", async () => {
    const { token } = await issueSession(
      SECRET,
      { id: "4242", name: "Tool Referrer", blocked: false },
      "oauth",
      600,
      new Date(),
    );
    const res = await fetch(url("/partners"), {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "x-forwarded-for": "198.51.100.4",
      },
      body: JSON.stringify({
        name: "Toolforge Test Archive",
        kind: "archive",
        country: "CZ",
        languages: ["cs"],
        offers: ["images"],
        projects: ["commons"],
        funding: "none",
        summary: "Written through the Procfile's server.",
        asks: [],
        links: [],
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const read = await fetch(url(`/partners/${id}`));
    expect(await read.json()).toMatchObject({ name: "Toolforge Test Archive", referredBy: { user: "Tool Referrer" } });
    expect(existsSync(join(home, "data", "partnerhub.sqlite"))).toBe(true);
  });

  it("refuses the dev login (DEV_LOGIN is never set there)", async () => {
    const res = await fetch(url("/session/dev"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "Anyone" }),
    });
    expect(res.status).toBe(404);
  });

  it("runs the Procfile's backup job beside the running server", () => {
    const run = spawnSync("bash", ["-c", procfile(copy).backup!], { cwd: copy, env: toolEnv(), encoding: "utf8" });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const day = new Date().getDay() || 7; // date +%u: Monday 1 … Sunday 7
    expect(existsSync(join(home, "backups", `partnerhub-${day}.sqlite`))).toBe(true);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    web.kill("SIGTERM");
    const code = await new Promise((r) => web.once("exit", r));
    expect(code).toBe(0);
    expect(log).toMatch(/SIGTERM: finishing in-flight requests[\s\S]*stopped/);
  });
});

describe("jobs.yaml", () => {
  it("names only process types the Procfile has", () => {
    const commands = [...readFileSync(join(ROOT, "jobs.yaml"), "utf8").matchAll(/^\s+command:\s*(\S+)\s*$/gm)].map(
      (m) => m[1],
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(Object.keys(procfile(ROOT))).toContain(command);
  });
});
