/**
 * What the rest of the backend knows of the mirror: whether it has wiki credentials, and the
 * shape of "run it now". The job itself (job.ts, with its wiki I/O) is plugged in by the entry
 * point, so routes and the scheduler depend on this small module, never on the job.
 */
import type { Config } from "../config.ts";
import type { SqlDatabase } from "../storage/db.ts";

/** The mirror can edit the wiki: it has an OAuth token, or a bot name and password. */
export const mirrorConfigured = (config: Config) =>
  config.mirror.oauthToken !== null || (config.mirror.botUsername !== null && config.mirror.botPassword !== null);

/** One mirror run against the record and the configured wiki. */
export type MirrorRunner = (c: { db: SqlDatabase; config: Config; now: () => Date }) => Promise<void>;
