/** The Cloudflare Workers entry: D1, wrangler vars and secrets, the rate-limit binding, the Cron Trigger. */
import { createApp } from "./app.ts";
import { readConfig, type Config } from "./config.ts";
import type { Deps, WriteLimiter } from "./context.ts";
import { runScheduled } from "./jobs/scheduled.ts";
import { createMirrorRunner } from "./mirror/job.ts";
import { tableLimiter } from "./storage/rate.ts";

interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface WorkerEnv {
  DB: D1Database;
  WRITE_LIMITER?: RateLimitBinding;
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

function limiterOf(env: WorkerEnv, config: Config, now: () => Date): WriteLimiter {
  const binding = env.WRITE_LIMITER;
  if (binding) {
    return {
      async hit(key) {
        const { success } = await binding.limit({ key });
        return success ? { ok: true } : { ok: false, retryAfter: 60 };
      },
    };
  }
  return tableLimiter(env.DB, config.writesPerMinute, now);
}

export function workerDeps(env: WorkerEnv): Deps {
  const config = configOf(env);
  const now = () => new Date();
  return {
    db: env.DB,
    config,
    now,
    limiter: limiterOf(env, config, now),
    clientAddress: (req) => req.headers.get("CF-Connecting-IP"),
    fetch: (input, init) => fetch(input, init),
  };
}

const runMirror = createMirrorRunner();
const app = createApp({ getDeps: (env) => workerDeps(env as WorkerEnv), runMirror });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(workerDeps(env), controller.cron, runMirror));
  },
} satisfies ExportedHandler<WorkerEnv>;
