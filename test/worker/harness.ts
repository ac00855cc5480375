/**
 * `#harness` in the worker project: the Workers entry's fetch and local D1 (migrated by apply-migrations.ts).
 * The client address travels as `CF-Connecting-IP`, which `wrangler dev` sets from its socket unless the
 * request has one (a test may set its own).
 */
import { env, exports } from "cloudflare:workers";
import type { ApiHarness } from "../api/harness-types.ts";

export const harness: ApiHarness = {
  runtime: "workerd",
  fetch: (request, clientAddress = "127.0.0.1") => {
    const headers = new Headers(request.headers);
    if (clientAddress === null) headers.delete("CF-Connecting-IP");
    else if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", clientAddress);
    return exports.default.fetch(new Request(request, { headers }));
  },
  db: (env as unknown as { DB: D1Database }).DB,
};
