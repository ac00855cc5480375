/** Who the caller is and what they may do, derived per request from the session and the record. */
import type { SessionUser } from "../../shared/api.ts";
import type { Config } from "../config.ts";
import type { Caller } from "../context.ts";
import { affiliatesOfUser, isStoredCoordinator } from "../storage/affiliates.ts";
import type { SqlDatabase } from "../storage/db.ts";

export async function isCoordinator(db: SqlDatabase, config: Config, name: string): Promise<boolean> {
  return config.coordinators.includes(name) || (await isStoredCoordinator(db, name));
}

export async function loadCaller(db: SqlDatabase, config: Config, user: SessionUser): Promise<Caller> {
  const [coordinator, reps] = await Promise.all([
    isCoordinator(db, config, user.name),
    affiliatesOfUser(db, user.name),
  ]);
  return {
    user,
    coordinator,
    represents: new Set(reps.filter((r) => r.status === "verified").map((r) => r.affiliate)),
    canWrite: !user.blocked,
  };
}
