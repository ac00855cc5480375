/** Who the caller is and what they may do, derived per request from the session and the record. */
import type { SessionUser } from "../../shared/api.ts";
import type { Config } from "../config.ts";
import type { Caller } from "../context.ts";
import { affiliatesOfUser, storedCoordinator, toRepresentative } from "../storage/affiliates.ts";
import type { Read, SqlDatabase } from "../storage/db.ts";
import type { Representative } from "../../shared/schemas.ts";

export interface Roles {
  coordinator: boolean;
  /** The affiliates the user represents or asked to represent. */
  affiliates: Representative[];
}

/**
 * The caller's roles as one read (two statements), to share a round trip with what the route reads.
 * Bootstrapped coordinators are names from the deployment's configuration; the others are keyed by id.
 */
export function rolesOf(db: SqlDatabase, config: Config, user: SessionUser): Read<Roles> {
  const coordinator = storedCoordinator(db, user);
  const reps = affiliatesOfUser(db, user);
  return {
    statements: [...coordinator.statements, ...reps.statements],
    parse: ([c, r]) => ({
      coordinator: config.coordinators.includes(user.name) || coordinator.parse([c!]),
      affiliates: reps.parse([r!]).map(toRepresentative),
    }),
  };
}

export function callerOf(user: SessionUser, roles: Roles): Caller {
  return {
    user,
    coordinator: roles.coordinator,
    represents: new Set(roles.affiliates.filter((r) => r.status === "verified").map((r) => r.affiliate)),
    affiliates: roles.affiliates,
    canWrite: !user.blocked,
  };
}
