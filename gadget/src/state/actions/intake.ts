/**
 * Intake actions: the duplicate check while a referral is typed, merging a partner into
 * another, importing a list. Each applies its answer to the store.
 */
import type { DuplicateList, ImportPreview, ImportRequest } from "../../../../shared/api.ts";
import type { Partner, PartnerDetail } from "../../../../shared/schemas.ts";
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
  const q = Object.entries(probe)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join("&");
  return store.read<DuplicateList>(DUPLICATES, (b) => b.intake("GET", `/partners/duplicates?${q}`));
}

/** `POST /partners/{id}/merge`: the survivor is applied; the merged one leaves the directory at once. */
export async function mergePartner(store: Store, from: Partner, into: string): Promise<PartnerDetail> {
  const survivor = await store.write((b) =>
    b.intake("POST", `/partners/${encodeURIComponent(from.id)}/merge`, { into, version: from.version }),
  );
  // The merged one leaves the list, and its id leads to the survivor from now on.
  const d = store.directory.value;
  if (d.status === "ready") {
    const partners = d.value.partners.filter((p) => p.id !== from.id);
    const merged = { ...d.value.merged, [from.id]: survivor.id };
    store.directory.value = { status: "ready", value: { ...d.value, partners, merged } };
  }
  store.applyPartner(survivor);
  return survivor;
}

/** `POST /partners/import`: a preview, or with `dryRun: false` the commit; then the directory catches up. */
export async function importList(store: Store, body: ImportRequest): Promise<ImportPreview> {
  const preview = await store.write((b) => b.intake("POST", "/partners/import", body));
  if (preview.committed) await store.catchUp();
  return preview;
}
