/** The Hono app with Node's dependencies: SQLite, environment variables, the socket's address, a table-backed limiter. */
import type { IncomingMessage } from "node:http";
import { createApp } from "../app.ts";
import { forwardedClient } from "../auth/client-address.ts";
import type { Config } from "../config.ts";
import type { Deps } from "../context.ts";
import type { MirrorRunner } from "../mirror/runner.ts";
import { tableLimiter } from "../storage/rate.ts";
import type { NodeSqlDatabase } from "./sqlite.ts";

/** Dependencies shared by every request and by the timer; `clientAddress` is per request (see `createNodeApp`). */
export function nodeDeps(db: NodeSqlDatabase, config: Config, now: () => Date = () => new Date()): Deps {
  return {
    db,
    config,
    now,
    limiter: tableLimiter(db, config.writesPerMinute, now),
    sessionLimiter: tableLimiter(db, config.sessionsPerMinute, now),
    clientAddress: () => null,
    fetch: (input, init) => fetch(input, init),
  };
}

/**
 * The app as @hono/node-server serves it. `getDeps` receives the server's
 * bindings, so the client address is read from the socket as `getConnInfo`
 * (`@hono/node-server/conninfo`) reads it, without needing the Context, and
 * from `X-Forwarded-For` only as far as `TRUST_PROXY` hops allow. Called
 * without bindings (`app.request`), the address is unknown (null), as on
 * Workers without `CF-Connecting-IP`.
 */
export function createNodeApp(deps: Deps, runMirror: MirrorRunner | null = null) {
  return createApp({
    runMirror,
    getDeps: (env) => {
      const incoming = env.incoming as Pick<IncomingMessage, "socket"> | undefined;
      if (!incoming) return deps;
      return {
        ...deps,
        clientAddress: (req) =>
          forwardedClient(incoming.socket.remoteAddress, req.headers.get("X-Forwarded-For"), deps.config.trustProxy),
      };
    },
  });
}
