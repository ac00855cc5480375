/**
 * The domain's reads that are not part of one resource's operations: the audit feed, the caller's
 * own affiliations, the mirror's status, the export's rows, signing out. Routes call these (and
 * the resource modules beside this one), never storage/ directly.
 */
import type { Caller } from "../context.ts";
import { affiliatesOfUser, bindRolesToUser, type UserKey } from "../storage/affiliates.ts";
import type { SqlDatabase } from "../storage/db.ts";
import { latestEventSeq, listEvents } from "../storage/events.ts";
import { mirrorStatus } from "../storage/mirror.ts";
import { allPartners, toContact, toPartner } from "../storage/partners.ts";
import { revokeSession } from "../storage/sessions.ts";

/** Events after `after` (newest first with `desc`) as `caller` may see them, and the newest sequence number. */
export async function eventFeed(
  db: SqlDatabase,
  caller: Caller | null,
  q: { after: number; limit: number; partner?: string; desc: boolean },
): Promise<{ events: Awaited<ReturnType<typeof listEvents>>; last: number }> {
  const audience = {
    coordinator: caller?.coordinator ?? false,
    user: caller?.user.name ?? null,
    represents: [...(caller?.represents ?? [])],
  };
  const [events, last] = await Promise.all([
    listEvents(db, q.after, q.limit, q.partner, q.desc, audience),
    latestEventSeq(db),
  ]);
  return { events, last };
}

/** The affiliates `caller` represents or asked to represent. */
export async function affiliationsOf(db: SqlDatabase, caller: Caller) {
  return (await affiliatesOfUser(db, caller.user)).map((r) => ({ affiliate: r.affiliate, status: r.status }));
}

/** The mirror's last run, lag, pages and errors. */
export const mirrorState = (db: SqlDatabase, configured: boolean) => mirrorStatus(db, configured);

/** Every partner, with its contact when `withContact` (coordinators' export). */
export async function partnersForExport(db: SqlDatabase, withContact: boolean) {
  return (await allPartners(db)).map((row) => ({
    partner: toPartner(row),
    contact: withContact ? toContact(row) : null,
  }));
}

/** Ends a session before it expires: its id is refused from now on. */
export const endSession = (db: SqlDatabase, jti: string, expiresAt: number, nowSeconds: number) =>
  revokeSession(db, jti, expiresAt, nowSeconds);

/** At sign-in, roles granted to the user's name become theirs by central id (see bindRolesToUser). */
export const bindRoles = (db: SqlDatabase, user: UserKey) => bindRolesToUser(db, user);
