/** Who the caller is and what they may do, derived per request from the session and the record. */
import type { SessionUser } from "../../shared/api.ts";
import type { Config } from "../config.ts";
import type { Caller } from "../context.ts";
import { affiliatesOfUser, isStoredCoordinator } from "../storage/affiliates.ts";
import type { SqlDatabase } from "../storage/db.ts";

/** Bootstrapped coordinators are names from the deployment's configuration; the others are keyed by id. */
async function isCoordinator(db: SqlDatabase, config: Config, user: SessionUser): Promise<boolean> {
  return config.coordinators.includes(user.name) || (await isStoredCoordinator(db, user));
}

export async function loadCaller(db: SqlDatabase, config: Config, user: SessionUser): Promise<Caller> {
  const [coordinator, reps] = await Promise.all([isCoordinator(db, config, user), affiliatesOfUser(db, user)]);
  return {
    user,
    coordinator,
    represents: new Set(reps.filter((r) => r.status === "verified").map((r) => r.affiliate)),
    canWrite: !user.blocked,
  };
}
