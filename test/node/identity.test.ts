/** Identity on Node (node:sqlite): the cases of test/api/identity-cases.ts with the wiki's profile answers. */
import { readConfig } from "../../worker/config.ts";
import { createNodeApp, nodeDeps } from "../../worker/node/deps.ts";
import { migrate } from "../../worker/node/migrate.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";
import { identityCases, profileFetch } from "../api/identity-cases.ts";

const db = openSqlite(":memory:");
await migrate(db);

identityCases((profiles, clock) => {
  const app = createNodeApp({
    ...nodeDeps(db, readConfig(process.env), () => clock.now),
    fetch: profileFetch(profiles),
  });
  return {
    request: (path, init = {}) =>
      app.request(
        `http://127.0.0.1/api/v1${path}`,
        {
          method: init.method ?? "GET",
          headers: {
            ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
            ...(init.body ? { "Content-Type": "application/json" } : {}),
          },
          body: init.body ? JSON.stringify(init.body) : undefined,
        },
        { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
      ),
  };
});
