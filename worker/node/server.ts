/**
 * The Node entry (Toolforge, or any host with Node ≥ 22.12): the same Hono app
 * as on Workers, over a SQLite file, configured by environment variables with
 * the names of the README's "Configuration" plus DATABASE_PATH, PORT, HOST, SCHEDULE_MINUTES and
 * SQLITE_JOURNAL_MODE. `node worker/node/server.ts` serves; with `--demo` it
 * also fills in loopback development defaults and seeds the demo directory.
 */
// First: zod 4 schemas get `.openapi()` only if created after @hono/zod-openapi
// extends zod, and shared/schemas.ts (reached through ../config.ts) creates them
// when it is evaluated. The Workers bundle happens to load app.ts first.
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { readConfig } from "../config.ts";
import type { Deps } from "../context.ts";
import { runScheduled } from "../jobs/scheduled.ts";
import { createMirrorRunner } from "../mirror/job.ts";
import type { MirrorRunner } from "../mirror/runner.ts";
import { withNotifications } from "../notify/runner.ts";
import { createNodeApp, nodeDeps } from "./deps.ts";
import { migrate } from "./migrate.ts";
import { seedIfEmpty } from "./seed.ts";
import { openSqlite } from "./sqlite.ts";

export type Env = Record<string, string | undefined>;

export interface StartOptions {
  env?: Env;
  /** The mirror job, as in worker/index.ts (the default); null: no mirror. It runs only with wiki credentials set. */
  runMirror?: MirrorRunner | null;
  /** Seed the demo directory into an empty database. */
  seed?: boolean;
}

export interface RunningServer {
  url: string;
  /** Open client connections (idle keep-alive ones included). */
  connections(): Promise<number>;
  /** Stops accepting, lets in-flight requests and a running job finish, closes the database. */
  close(): Promise<void>;
}

const DEFAULT_DATABASE_PATH = "./data/partnerhub.sqlite";
/** How long in-flight requests get on shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Opens and migrates the database, starts the timer and the HTTP server. */
export async function startServer({
  env = process.env,
  runMirror = withNotifications(createMirrorRunner()),
  seed = false,
}: StartOptions = {}): Promise<RunningServer> {
  const config = readConfig(env);
  const path = env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = openSqlite(path, {
    journalMode: env.SQLITE_JOURNAL_MODE === "delete" ? "delete" : "wal",
    checkpoints: "thread",
  });
  const applied = await migrate(db);
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  if (seed && (await seedIfEmpty(db))) console.log("seeded the demo directory");

  const deps = nodeDeps(db, config);
  const timer = startTimer(deps, runMirror, Number(env.SCHEDULE_MINUTES ?? 10));
  const app = createNodeApp(deps, runMirror);
  const hostname = env.HOST || "127.0.0.1";
  const port = Number(env.PORT || 8787);

  const server = await new Promise<Server>((ok) => {
    const s = serve({ fetch: app.fetch, hostname, port }, () => ok(s as Server)) as Server;
  });
  const address = server.address();
  const url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${typeof address === "object" && address ? address.port : port}`;
  console.log(`partnerhub ${config.version} on ${url} (database ${path})`);

  let closing: Promise<void> | null = null;
  return {
    url,
    connections: () =>
      new Promise<number>((ok, fail) => server.getConnections((error, n) => (error ? fail(error) : ok(n)))),
    close: () =>
      (closing ??= (async () => {
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        // close() stops listening, ends idle keep-alive connections and waits for the busy ones;
        // those become idle when their response ends, but would then stay open as long as the
        // client keeps them alive: sweep them as they go idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        await new Promise<void>((ok) => server.close(() => ok()));
        clearInterval(sweep);
        clearTimeout(force);
        await timer.stop();
        db.close();
      })()),
  };
}

/** The Cron Trigger's stand-in: runs the scheduled jobs every `minutes` (0 turns it off), never two at once. */
function startTimer(deps: Deps, runMirror: MirrorRunner | null, minutes: number) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runScheduled(deps, `every ${minutes} min`, runMirror)
      .catch((error) => console.error("scheduled job failed:", error))
      .finally(() => (running = null));
  };
  const handle = Number.isFinite(minutes) && minutes > 0 ? setInterval(tick, minutes * 60_000) : null;
  return {
    async stop() {
      if (handle) clearInterval(handle);
      await running;
    },
  };
}

/** Loopback development defaults for `--demo`: never for a deployment (dev sign-in is on). */
function demoEnv(env: Env): Env {
  return {
    WIKI_SCRIPT_URL: "http://127.0.0.1:8080",
    ALLOWED_ORIGINS: "http://127.0.0.1:8788,http://localhost:8788,http://127.0.0.1:8080",
    COORDINATORS: "Hub Coordinator",
    // A fresh secret per start: sessions from an earlier run simply expire.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ...env,
    DEV_LOGIN: "on",
    HOST: "127.0.0.1",
  };
}

async function main(argv: string[]) {
  const demo = argv.includes("--demo");
  const running = await startServer({ env: demo ? demoEnv(process.env) : process.env, seed: demo });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      console.log(`${signal}: finishing in-flight requests`);
      running.close().then(
        () => console.log("stopped"),
        (error) => {
          console.error(error);
          process.exitCode = 1;
        },
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
