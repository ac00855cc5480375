/**
 * The parts of the on-demand intake module (`ext.gadget.partnerhub-intake`, modules/intake.ts)
 * that other views place inside themselves, beside its Import view: "Merge into…" on a partner
 * (in the editing tools), and the referral form's duplicate check and Wikidata look-up. Each
 * gets the app's store as a prop: context objects do not cross bundles.
 */
import type { ComponentType } from "preact";
import type { Partner } from "../../../shared/schemas.ts";
import type { Store } from "../state/store.ts";
import type { DuplicatePanelProps } from "./DuplicatePanel.tsx";
import type { WikidataLookupProps } from "./WikidataLookup.tsx";

type WithStore<P> = ComponentType<P & { store: Store }>;

export interface IntakeParts {
  MergeDialog: WithStore<{ partner: Partner; onClose: () => void }>;
  /** "Is it one of these?" in the referral form, checked as it is typed. */
  DuplicatePanel: WithStore<DuplicatePanelProps>;
  /** The referral form's Wikidata look-up, which fills the form from a chosen item. */
  WikidataLookup: WithStore<WikidataLookupProps>;
}
