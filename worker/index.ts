/** The Cloudflare Workers entry: D1, wrangler vars and secrets, the rate-limit binding, the Cron Trigger. */
import { D1_BOOKMARK_HEADER } from "../shared/api-base.ts";
import { createApp } from "./app.ts";
import { readConfig, type Config } from "./config.ts";
import type { Deps, WriteLimiter } from "./context.ts";
import { runScheduled } from "./jobs/scheduled.ts";
import { createMirrorRunner } from "./mirror/job.ts";
import type { SqlDatabase } from "./storage/db.ts";
import { withNotifications } from "./notify/runner.ts";
import { tableLimiter } from "./storage/rate.ts";

interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface WorkerEnv {
  DB: D1Database;
  /** `[[ratelimits]]` in wrangler.toml: writes per user, and OAuth sign-ins per client address. */
  WRITE_LIMITER?: RateLimitBinding;
  SESSION_LIMITER?: RateLimitBinding;
  [key: string]: unknown;
}

// Configuration is read once per isolate and env object, not on every request.
const configs = new WeakMap<object, Config>();
function configOf(env: WorkerEnv): Config {
  let config = configs.get(env);
  if (!config) {
    config = readConfig(env);
    configs.set(env, config);
  }
  return config;
}

/** The binding's period (wrangler.toml `simple.period`): the longest a caller waits. */
const BINDING_PERIOD_SECONDS = 60;

/** The rate-limit binding where one is declared, else the table-backed fallback at `perMinute`. */
function limiterOf(
  binding: RateLimitBinding | undefined,
  db: D1Database,
  perMinute: number,
  now: () => Date,
): WriteLimiter {
  if (binding) {
    return {
      async hit(key) {
        const { success } = await binding.limit({ key });
        return success ? { ok: true } : { ok: false, retryAfter: BINDING_PERIOD_SECONDS };
      },
    };
  }
  return tableLimiter(db, perMinute, now);
}

/** `db`: the request's D1 session (see `fetch` below); the binding itself for the Cron Trigger and tests. */
export function workerDeps(env: WorkerEnv, db: SqlDatabase = env.DB): Deps {
  const config = configOf(env);
  const now = () => new Date();
  return {
    db,
    config,
    now,
    limiter: limiterOf(env.WRITE_LIMITER, env.DB, config.writesPerMinute, now),
    sessionLimiter: limiterOf(env.SESSION_LIMITER, env.DB, config.sessionsPerMinute, now),
    clientAddress: (req) => req.headers.get("CF-Connecting-IP"),
    fetch: (input, init) => fetch(input, init),
  };
}

/** The request's bindings as the app sees them: the Worker's, plus its D1 session. */
interface RequestEnv extends WorkerEnv {
  d1Session?: D1DatabaseSession;
  workerEnv?: WorkerEnv;
}

/**
 * D1's Sessions API, so that read replicas may answer: a client that sends back the bookmark of
 * its last answer (`X-D1-Bookmark`) reads a state at least that new, its own writes included.
 * Without one, reads may start anywhere and writes at the primary. An unusable bookmark (D1
 * refuses it) is treated as none.
 */
function d1Session(db: D1Database, request: Request): D1DatabaseSession {
  const bookmark = request.headers.get(D1_BOOKMARK_HEADER);
  const start = request.method === "GET" || request.method === "HEAD" ? "first-unconstrained" : "first-primary";
  if (bookmark) {
    try {
      return db.withSession(bookmark);
    } catch {
      // fall through to a fresh session
    }
  }
  return db.withSession(start);
}

const runMirror = withNotifications(createMirrorRunner());
const app = createApp({
  getDeps: (env) => {
    const e = env as RequestEnv;
    return workerDeps(e.workerEnv ?? e, e.d1Session);
  },
  runMirror,
});

export default {
  async fetch(request, env, ctx) {
    const session = d1Session(env.DB, request);
    const requestEnv: RequestEnv = { ...env, d1Session: session, workerEnv: env };
    const response = await app.fetch(request, requestEnv, ctx);
    const bookmark = session.getBookmark();
    if (!bookmark) return response;
    const withBookmark = new Response(response.body, response);
    withBookmark.headers.set(D1_BOOKMARK_HEADER, bookmark);
    return withBookmark;
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(workerDeps(env), controller.cron, runMirror));
  },
} satisfies ExportedHandler<WorkerEnv>;
