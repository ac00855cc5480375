// The backend for the sign-in tests: the Node entry (same Hono app as on Workers) over an
// in-memory SQLite, asking the stand-in wiki who a token belongs to.
import { randomBytes } from "node:crypto";
import { startServer, type RunningServer } from "../../worker/node/server.ts";

export const TEST_SESSION_SECRET = randomBytes(32).toString("hex");

/** Starts the backend on a free loopback port for the wiki at `scriptUrl`. */
export function startBackend(scriptUrl: string, coordinators: string[]): Promise<RunningServer> {
  return startServer({
    env: {
      SESSION_SECRET: TEST_SESSION_SECRET,
      WIKI_SCRIPT_URL: scriptUrl,
      ALLOWED_ORIGINS: new URL(scriptUrl).origin,
      COORDINATORS: coordinators.join(","),
      DATABASE_PATH: ":memory:",
      PORT: "0",
      SCHEDULE_MINUTES: "1440",
      SESSIONS_PER_MINUTE: "1000",
    },
  });
}
