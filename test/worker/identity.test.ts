/** Identity on Workers (D1): the cases of test/api/identity-cases.ts with the wiki's profile answers. */
import { env } from "cloudflare:workers";
import { createApp } from "../../worker/app.ts";
import { workerDeps, type WorkerEnv } from "../../worker/index.ts";
import { identityCases, profileFetch } from "../api/identity-cases.ts";

identityCases((profiles, clock) => {
  const app = createApp({
    getDeps: (e) => ({ ...workerDeps(e as WorkerEnv), fetch: profileFetch(profiles), now: () => clock.now }),
  });
  return {
    request: (path, init = {}) =>
      app.request(
        `http://127.0.0.1/api/v1${path}`,
        {
          method: init.method ?? "GET",
          headers: {
            "CF-Connecting-IP": "127.0.0.1",
            ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
            ...(init.body ? { "Content-Type": "application/json" } : {}),
          },
          body: init.body ? JSON.stringify(init.body) : undefined,
        },
        env,
      ),
  };
});
