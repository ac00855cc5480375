/** Affiliates, representatives and coordinators as operations on the record. Every role change is an event. */
import type { z } from "zod";
import type { Affiliate, AffiliateInput, AffiliatePatch } from "../../shared/schemas.ts";
import type { Config } from "../config.ts";
import type { Asker, Caller } from "../context.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import {
  addCoordinator,
  affiliateRead,
  insertAffiliate,
  storedCoordinator,
  removeCoordinator,
  removeRepresentative,
  requestRepresentation,
  updateAffiliate,
  verifyRepresentative,
} from "../storage/affiliates.ts";
import { commit, commitThen } from "../storage/commit.ts";
import type { SqlDatabase } from "../storage/db.ts";

/** The public view hides unverified requests; coordinators and the affiliate's representatives see them. */
export function visibleAffiliate(a: Affiliate, caller: Caller | null): Affiliate {
  if (caller && (caller.coordinator || caller.represents.has(a.id))) return a;
  return {
    ...a,
    representatives: a.representatives.filter((r) => r.status === "verified" || r.user === caller?.user.name),
  };
}

export async function createAffiliate(
  db: SqlDatabase,
  asker: Asker,
  input: z.output<typeof AffiliateInput>,
  at: string,
): Promise<Affiliate> {
  await asker.read([]);
  const caller = asker.coordinator();
  const { id, ...fields } = input;
  const result = await commitThen(
    db,
    insertAffiliate(db, id, fields, at, {
      at,
      actor: caller.user.name,
      type: "affiliate.created",
      affiliate: id,
      data: { name: input.name },
    }),
    affiliateRead(db, id),
  );
  if (!result.ok) throw new ApiError(409, "conflict", `An affiliate with the id ${id} already exists`);
  return written(result.value, id);
}

/** The affiliate as a write left it, read in the write's batch. */
function written(a: Affiliate | null, id: string): Affiliate {
  if (!a) throw new Error(`affiliate ${id} is not there after its write`);
  return a;
}

export async function editAffiliate(
  db: SqlDatabase,
  asker: Asker,
  id: string,
  ifMatch: number,
  patch: z.output<typeof AffiliatePatch>,
  at: string,
): Promise<Affiliate> {
  const [current] = await asker.read([affiliateRead(db, id)]);
  const caller = asker.coordinator();
  if (!current) throw notFound(`Affiliate ${id}`);
  if (current.version !== ifMatch) {
    throw new ApiError(
      412,
      "version_mismatch",
      `The affiliate is at version ${current.version}; reload and edit again`,
      {
        details: { version: current.version },
      },
    );
  }
  const { name, kind, wikiPage, countries, languages, capabilities } = { ...current, ...patch };
  const result = await commitThen(
    db,
    updateAffiliate(db, id, ifMatch, { name, kind, wikiPage, countries, languages, capabilities }, at, {
      at,
      actor: caller.user.name,
      type: "affiliate.edited",
      affiliate: id,
      data: { fields: Object.keys(patch) },
    }),
    affiliateRead(db, id),
  );
  if (!result.ok) throw new ApiError(412, "version_mismatch", "The affiliate changed meanwhile; reload and edit again");
  return written(result.value, id);
}

/**
 * `POST /affiliates/{id}/representatives`: a coordinator or a verified
 * representative verifies `username`; anyone else may only ask for themself.
 */
export async function addRepresentative(
  db: SqlDatabase,
  asker: Asker,
  affiliateId: string,
  username: string,
  at: string,
): Promise<{ status: "requested" | "verified" }> {
  const [affiliate] = await asker.read([affiliateRead(db, affiliateId)]);
  const caller = asker.writer();
  if (!affiliate) throw notFound(`Affiliate ${affiliateId}`);
  const existing = affiliate.representatives.find((r) => r.user === username);
  const mayVerify = caller.coordinator || caller.represents.has(affiliateId);
  const base = { at, actor: caller.user.name, affiliate: affiliateId };
  if (mayVerify) {
    if (existing?.status === "verified") return { status: "verified" };
    const result = await commit(
      db,
      verifyRepresentative(db, affiliateId, username, caller.user.name, at, {
        ...base,
        type: "representative.verified",
        data: { user: username },
      }),
    );
    if (!result.ok) throw new ApiError(409, "conflict", `${username} changed meanwhile; try again`);
    return { status: "verified" };
  }
  if (username !== caller.user.name) {
    throw forbidden("Only coordinators and representatives of this affiliate may add someone else");
  }
  if (existing) return { status: existing.status };
  const result = await commit(
    db,
    requestRepresentation(db, affiliateId, username, at, {
      ...base,
      type: "representative.requested",
      data: { user: username },
    }),
  );
  if (!result.ok) throw new ApiError(409, "conflict", "Your request changed meanwhile; try again");
  return { status: "requested" };
}

/** Coordinators, the affiliate's representatives, and the user themself may remove a representative. */
export async function deleteRepresentative(
  db: SqlDatabase,
  asker: Asker,
  affiliateId: string,
  username: string,
  at: string,
): Promise<void> {
  await asker.read([]);
  const caller = asker.writer();
  if (!caller.coordinator && !caller.represents.has(affiliateId) && caller.user.name !== username) {
    throw forbidden("Only coordinators, representatives of this affiliate and the user themself may do this");
  }
  const result = await commit(
    db,
    removeRepresentative(db, affiliateId, username, {
      at,
      actor: caller.user.name,
      type: "representative.removed",
      affiliate: affiliateId,
      data: { user: username },
    }),
  );
  if (!result.ok) throw notFound(`${username} as a representative of ${affiliateId}`);
}

export async function addCoordinatorRole(
  db: SqlDatabase,
  config: Config,
  asker: Asker,
  username: string,
  at: string,
): Promise<void> {
  const [stored] = await asker.read([storedCoordinator(db, username)]);
  const caller = asker.coordinator();
  if (config.coordinators.includes(username) || stored) return;
  const result = await commit(
    db,
    addCoordinator(db, username, caller.user.name, at, {
      at,
      actor: caller.user.name,
      type: "coordinator.added",
      data: { user: username },
    }),
  );
  if (!result.ok) throw new ApiError(409, "conflict", `${username} changed meanwhile; try again`);
}

export async function removeCoordinatorRole(
  db: SqlDatabase,
  config: Config,
  asker: Asker,
  username: string,
  at: string,
): Promise<void> {
  await asker.read([]);
  const caller = asker.coordinator();
  if (config.coordinators.includes(username)) {
    throw new ApiError(
      409,
      "conflict",
      `${username} is a coordinator by the deployment's configuration (COORDINATORS)`,
    );
  }
  const result = await commit(
    db,
    removeCoordinator(db, username, {
      at,
      actor: caller.user.name,
      type: "coordinator.removed",
      data: { user: username },
    }),
  );
  if (!result.ok) throw notFound(`Coordinator ${username}`);
}
