/**
 * Intake actions: the duplicate check while a referral is typed, merging a partner into
 * another, importing a list. Each applies its answer to the store.
 */
import type { DuplicateList, ImportPreview, ImportRequest } from "../../../../shared/intake-api.ts";
import type { PartnerDetail } from "../../../../shared/schemas.ts";
import type { Store } from "../store.ts";

/** The resource the referral form's duplicate panel shows. */
export const DUPLICATES = "duplicates";

export interface DuplicateProbe {
  name?: string;
  wikidata?: string;
  website?: string;
}

/** One `GET /partners/duplicates` per (debounced) change; a newer check wins over an older answer. */
export function checkDuplicates(store: Store, probe: DuplicateProbe): Promise<void> {
  return store.read<DuplicateList>(DUPLICATES, (b) => b.duplicates(probe));
}

/** `POST /partners/{id}/merge`: the survivor is applied; the merged one leaves the directory at once. */
export async function mergePartner(store: Store, from: PartnerDetail, into: string): Promise<PartnerDetail> {
  const survivor = await store.write((b) => b.merge(from.id, into, from.version));
  store.removePartner(from.id, survivor.id);
  store.applyPartner(survivor);
  return survivor;
}

/** `POST /partners/import`: a preview, or with `dryRun: false` the commit; then the directory catches up. */
export async function importList(store: Store, body: ImportRequest): Promise<ImportPreview> {
  const preview = await store.write((b) => b.importList(body));
  if (preview.committed) await store.catchUp();
  return preview;
}
