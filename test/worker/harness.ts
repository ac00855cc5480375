/** `#harness` in the worker project: the Workers entry's fetch and local D1 (migrated by apply-migrations.ts). */
import { env, exports } from "cloudflare:workers";
import type { ApiHarness } from "../api/harness-types.ts";

export const harness: ApiHarness = {
  runtime: "workerd",
  fetch: (request) => exports.default.fetch(request),
  db: (env as unknown as { DB: D1Database }).DB,
};
