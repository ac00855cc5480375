/**
 * The domain's reads that are not part of one resource's operations: the audit feed, the mirror's
 * status, the export's rows, signing out. Routes call these (and the resource modules beside this
 * one), never storage/ directly. Each read is one round trip, with who is asking settled alongside.
 */
import type { Config } from "../config.ts";
import type { Asker } from "../context.ts";
import { bindRolesToUser, type UserKey } from "../storage/affiliates.ts";
import type { SqlDatabase } from "../storage/db.ts";
import { eventsAfter, latestSeq } from "../storage/events.ts";
import { mirrorStatusRead } from "../storage/mirror.ts";
import { everyPartner, toContact, toPartner } from "../storage/partners.ts";
import { revokeSession } from "../storage/sessions.ts";

/**
 * Events after `after` (newest first with `desc`) as the caller may see them, and the newest
 * sequence number. The caller's roles are not known before the batch, so the feed's statement
 * looks up the representatives and stored coordinators itself (storage/events.ts).
 */
export async function eventFeed(
  db: SqlDatabase,
  asker: Asker,
  config: Config,
  q: { after: number; limit: number; partner?: string; desc: boolean },
) {
  const user = asker.user();
  const audience = { coordinator: user !== null && config.coordinators.includes(user.name), user };
  const [events, last] = await asker.read([
    eventsAfter(db, q.after, q.limit, q.partner, q.desc, audience),
    latestSeq(db),
  ]);
  return { events, last };
}

/** The mirror's last run, lag, pages and errors. */
export async function mirrorState(db: SqlDatabase, asker: Asker, configured: boolean) {
  return (await asker.read([mirrorStatusRead(db, configured)]))[0];
}

/** Every partner, with its contact when the caller is a coordinator (the export). */
export async function partnersForExport(db: SqlDatabase, asker: Asker) {
  const [rows] = await asker.read([everyPartner(db)]);
  const withContact = asker.caller()?.coordinator === true;
  return rows.map((row) => ({ partner: toPartner(row), contact: withContact ? toContact(row) : null }));
}

/** Ends a session before it expires: its id is refused from now on. */
export const endSession = (db: SqlDatabase, jti: string, expiresAt: number, nowSeconds: number) =>
  revokeSession(db, jti, expiresAt, nowSeconds);

/** At sign-in, roles granted to the user's name become theirs by central id (see bindRolesToUser). */
export const bindRoles = (db: SqlDatabase, user: UserKey) => bindRolesToUser(db, user);
