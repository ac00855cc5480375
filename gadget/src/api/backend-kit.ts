/**
 * What the gadget needs to talk to the backend: the client, the whole directory page by page,
 * and the events since the mirror's last. It ships with the on-demand account module
 * (modules/account.ts), not the browsing bundle: nothing is sent to the backend before sign-in,
 * so a reader who has not signed in never downloads it. The store loads it when a session
 * exists (a reload) or begins (state/store.ts `backendClient`).
 */
import type { Partner } from "../../../shared/schemas.ts";
import { type Backend, createBackend } from "./backend.ts";
import type { Directory } from "./directory-source.ts";
import { createNotifications } from "../state/notifications.ts";
import type { Store } from "../state/store.ts";

/** Page through `GET /partners` (500 at a time) and read the affiliates. */
export async function readBackend(backend: Backend): Promise<Directory> {
  const partners: Partner[] = [];
  let cursor: string | null = null;
  do {
    const page = await backend.partners(cursor);
    partners.push(...page.partners);
    cursor = page.nextCursor;
  } while (cursor);
  const { affiliates } = await backend.affiliates();
  return { partners, affiliates, source: "backend", generated: null, lastEvent: null };
}

/** What changed after `after`: the partners to re-read, whether affiliates changed, the last event seen. */
export async function changesSince(
  backend: Backend,
  after: number,
): Promise<{ partners: Set<string>; affiliates: boolean; last: number }> {
  const partners = new Set<string>();
  let affiliates = false;
  let last = after;
  for (;;) {
    const page = await backend.eventsAfter(last);
    for (const e of page.events) {
      if (e.partner) partners.add(e.partner);
      if (e.type.startsWith("affiliate.") || e.type.startsWith("representative.")) affiliates = true;
      last = e.seq;
    }
    if (page.events.length === 0 || last >= page.last) return { partners, affiliates, last };
  }
}

/** Above this many changed partners a full re-read is cheaper than one request per partner. */
const CATCH_UP_LIMIT = 100;

/**
 * Signed in, the mirror's copy may lag behind the record by a Cron period: bring it up to
 * date from the event feed, re-reading only the partners that changed (or everything, when
 * too much changed). Throws on failure; the store then leaves the mirror's copy as it was.
 */
export async function catchUp(store: Pick<Store, "directory" | "applyPartner">, backend: Backend): Promise<void> {
  const d = store.directory.value;
  if (d.status !== "ready" || d.value.lastEvent === null) return;
  const changes = await changesSince(backend, d.value.lastEvent);
  if (changes.partners.size > CATCH_UP_LIMIT) {
    store.directory.value = { status: "ready", value: await readBackend(backend) };
    return;
  }
  for (const id of changes.partners) store.applyPartner(await backend.partner(id));
  const now = store.directory.value;
  if (now.status !== "ready") return;
  const affiliates = changes.affiliates ? (await backend.affiliates()).affiliates : now.value.affiliates;
  store.directory.value = { status: "ready", value: { ...now.value, affiliates, lastEvent: changes.last } };
}

export const backendKit = { createBackend, readBackend, catchUp, createNotifications };
export type BackendKit = typeof backendKit;
