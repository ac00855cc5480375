/**
 * The intake module (`ext.gadget.partnerhub-intake`): the coordinators' Import page and "Merge
 * into…" dialog, and the referral form's duplicate check and Wikidata look-up, loaded through ResourceLoader (or whatever `using` the host gives) the first
 * time one is shown, so that browsing never downloads them. A bundle of its own, beside the
 * forms module, so that either can move without the other.
 */
import type { ComponentType } from "preact";
import type { PartnerDetail } from "../../../shared/schemas.ts";
import type { Store } from "../state/store.ts";
import type { DuplicatePanelProps } from "./DuplicatePanel.tsx";
import type { WikidataLookupProps } from "./WikidataLookup.tsx";

/** An intake view gets the app's store as a prop: context objects do not cross bundles. */
export interface IntakeModule {
  ImportPage: ComponentType<{ store: Store }>;
  MergeDialog: ComponentType<{ store: Store; partner: PartnerDetail; onClose: () => void }>;
  /** "Is it one of these?" in the referral form, checked as it is typed. */
  DuplicatePanel: ComponentType<DuplicatePanelProps & { store: Store }>;
  /** The referral form's Wikidata look-up, which fills the form from a chosen item. */
  WikidataLookup: ComponentType<WikidataLookupProps & { store: Store }>;
}

type WithIntake = { partnerhubIntake?: IntakeModule };

export async function loadIntake(
  moduleName: string,
  using: (name: string) => PromiseLike<unknown>,
): Promise<IntakeModule> {
  const w = window as unknown as WithIntake;
  if (!w.partnerhubIntake) await using(moduleName);
  if (!w.partnerhubIntake) throw new Error(`${moduleName} did not register`);
  return w.partnerhubIntake;
}
