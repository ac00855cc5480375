/** A partner's history (the audit feed, newest first), as a store resource. */
import type { EventList } from "../../../../shared/api.ts";
import type { Backend } from "../../api/backend.ts";
import type { Store } from "../store.ts";

export const historyKey = (partner: string) => `history:${partner}`;
export const historyLoader = (partner: string) => (b: Backend) => b.events(partner);

/** After a write on `partner`: re-read its history where a view shows it (the write's answer has no events). */
export function refreshHistory(store: Store, partner: string): void {
  const key = historyKey(partner);
  if (store.isShown(key)) void store.read<EventList>(key, historyLoader(partner));
}
