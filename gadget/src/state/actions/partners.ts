/** Partner actions: read one partner's detail, follow a merged id, refer a new one. */
import type { PartnerDetail, PartnerInput } from "../../../../shared/schemas.ts";
import type { Backend } from "../../api/backend.ts";
import type { Store } from "../store.ts";

export const partnerKey = (id: string) => `partner:${id}`;

/**
 * Where a merged partner's id leads now (following merges of merges), or null. Beside the
 * partner page (the partner module) rather than in the store: browsing never needs it.
 */
export function mergedInto(store: Pick<Store, "directory">, id: string): string | null {
  const d = store.directory.value;
  const merged = d.status === "ready" ? (d.value.merged ?? {}) : {};
  let at = merged[id];
  for (let hops = 0; at && merged[at] && hops < 10; hops++) at = merged[at];
  return at ?? null;
}

/** How a view reads a partner (for `useResource`): the detail, applied to the directory's row too. */
export const partnerLoader =
  (store: Store, id: string) =>
  async (b: Backend): Promise<PartnerDetail> => {
    const detail = await b.partner(id);
    store.updatePartner(detail);
    return detail;
  };

/** `POST /partners`: the answer is the new partner; it is in the directory at once. */
export async function referPartner(store: Store, input: PartnerInput): Promise<PartnerDetail> {
  const detail = await store.write((b) => b.refer(input));
  store.applyPartner(detail);
  return detail;
}
