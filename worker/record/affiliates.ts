/** Affiliates, representatives and coordinators as operations on the record. Every role change is an event. */
import type { z } from "zod";
import type { Affiliate, AffiliateInput, AffiliatePatch } from "../../shared/schemas.ts";
import type { Config } from "../config.ts";
import type { Asker, Caller } from "../context.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import {
  addCoordinator,
  affiliateRows,
  everyAffiliate,
  insertAffiliate,
  storedCoordinator,
  storedCoordinators,
  removeCoordinator,
  removeRepresentative,
  requestRepresentation,
  toAffiliates,
  updateAffiliate,
  verifyRepresentative,
} from "../storage/affiliates.ts";
import { commit, commitThen } from "../storage/commit.ts";
import type { Read, SqlDatabase } from "../storage/db.ts";

/** One affiliate with its representatives, in the shared shape (null when there is none). */
function affiliateRead(db: SqlDatabase, id: string): Read<Affiliate | null> {
  const read = affiliateRows(db, id);
  return {
    statements: read.statements,
    parse: (r) => toAffiliates(read.parse(r) ?? { affiliates: [], representatives: [] })[0] ?? null,
  };
}

/** The public view hides unverified requests; coordinators and the affiliate's representatives see them. */
export function visibleAffiliate(a: Affiliate, caller: Caller | null): Affiliate {
  if (caller && (caller.coordinator || caller.represents.has(a.id))) return a;
  return {
    ...a,
    representatives: a.representatives.filter((r) => r.status === "verified" || r.user === caller?.user.name),
  };
}

/** Every affiliate, as the caller may see it: one round trip. */
export async function affiliateList(db: SqlDatabase, asker: Asker): Promise<Affiliate[]> {
  const [all] = await asker.read([everyAffiliate(db)]);
  return toAffiliates(all).map((a) => visibleAffiliate(a, asker.caller()));
}

/** One affiliate, as the caller may see it: one round trip. */
export async function affiliateView(db: SqlDatabase, asker: Asker, id: string): Promise<Affiliate> {
  const [a] = await asker.read([affiliateRead(db, id)]);
  if (!a) throw notFound("affiliate", id);
  return visibleAffiliate(a, asker.caller());
}

/** The coordinators: those of the deployment's configuration, then those added in the hub. */
export async function coordinatorList(db: SqlDatabase, asker: Asker, config: Config) {
  const [added] = await asker.read([storedCoordinators(db)]);
  return [
    ...config.coordinators.map((user) => ({ user, source: "config" as const })),
    ...added.filter((u) => !config.coordinators.includes(u)).map((user) => ({ user, source: "added" as const })),
  ];
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
  if (!result.ok)
    throw new AppError("conflict", `An affiliate with the id ${id} already exists`, { params: { affiliate: id } });
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
  if (!current) throw notFound("affiliate", id);
  if (current.version !== ifMatch) {
    throw new AppError("version_mismatch", `The affiliate is at version ${current.version}; reload and edit again`, {
      params: { affiliate: id, affiliateName: current.name, version: current.version },
      details: { version: current.version },
    });
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
  if (!result.ok) throw new AppError("version_mismatch", "The affiliate changed meanwhile; reload and edit again");
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
  if (!affiliate) throw notFound("affiliate", affiliateId);
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
    if (!result.ok) throw new AppError("conflict", `${username} changed meanwhile; try again`);
    return { status: "verified" };
  }
  if (username !== caller.user.name) {
    throw forbidden(
      "representative_or_coordinator",
      "Only coordinators and representatives of this affiliate may add someone else",
      { affiliate: affiliateId, affiliateName: affiliate.name, user: username },
    );
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
  if (!result.ok) throw new AppError("conflict", "Your request changed meanwhile; try again");
  return { status: "requested" };
}

/**
 * Coordinators, the affiliate's representatives, and the user themself may remove a
 * representative. Removing someone else's request that was never verified is a refusal
 * (`representative.refused`); withdrawing one's own request or removing a verified one is
 * `representative.removed`.
 */
export async function deleteRepresentative(
  db: SqlDatabase,
  asker: Asker,
  affiliateId: string,
  username: string,
  at: string,
): Promise<void> {
  const [affiliate] = await asker.read([affiliateRead(db, affiliateId)]);
  const caller = asker.writer();
  if (!caller.coordinator && !caller.represents.has(affiliateId) && caller.user.name !== username) {
    throw forbidden(
      "self_representative_or_coordinator",
      "Only coordinators, representatives of this affiliate and the user themself may do this",
      { affiliate: affiliateId, user: username },
    );
  }
  const standing = affiliate?.representatives.find((r) => r.user === username);
  const refused = standing?.status === "requested" && username !== caller.user.name;
  const result = await commit(
    db,
    removeRepresentative(db, affiliateId, username, {
      at,
      actor: caller.user.name,
      type: refused ? "representative.refused" : "representative.removed",
      affiliate: affiliateId,
      data: { user: username },
    }),
  );
  if (!result.ok)
    throw notFound("representative", username, `${username} as a representative of ${affiliateId} does not exist`);
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
  if (!result.ok) throw new AppError("conflict", `${username} changed meanwhile; try again`);
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
    throw new AppError("conflict", `${username} is a coordinator by the deployment's configuration (COORDINATORS)`, {
      params: { user: username },
    });
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
  if (!result.ok) throw notFound("coordinator", username);
}
