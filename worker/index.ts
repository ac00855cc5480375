/** The Cloudflare Workers entry: D1, wrangler vars and secrets, the rate-limit binding, the Cron Trigger. */
import { createApp } from "./app.ts";
import { readConfig, type Config } from "./config.ts";
import type { Deps, WriteLimiter } from "./context.ts";
import { runScheduled } from "./jobs/scheduled.ts";
import { createMirrorRunner } from "./mirror/job.ts";
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

export function workerDeps(env: WorkerEnv): Deps {
  const config = configOf(env);
  const now = () => new Date();
  return {
    db: env.DB,
    config,
    now,
    limiter: limiterOf(env.WRITE_LIMITER, env.DB, config.writesPerMinute, now),
    sessionLimiter: limiterOf(env.SESSION_LIMITER, env.DB, config.sessionsPerMinute, now),
    clientAddress: (req) => req.headers.get("CF-Connecting-IP"),
    fetch: (input, init) => fetch(input, init),
  };
}

const runMirror = withNotifications(createMirrorRunner());
const app = createApp({ getDeps: (env) => workerDeps(env as WorkerEnv), runMirror });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(workerDeps(env), controller.cron, runMirror));
  },
} satisfies ExportedHandler<WorkerEnv>;
