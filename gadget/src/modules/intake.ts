/**
 * The on-demand intake module (`ext.gadget.partnerhub-intake`): the coordinators' Import page,
 * "Merge into…" with its side-by-side view, and the referral form's duplicate check and
 * Wikidata look-up (gadget/src/intake/). Its own module, so that none of it weighs on browsing
 * or on the other modules, and it can move as one.
 */
import { h, type ComponentType } from "preact";
import { DuplicatePanel } from "../intake/DuplicatePanel.tsx";
import { ImportPage } from "../intake/ImportPage.tsx";
import { MergeDialog } from "../intake/MergeDialog.tsx";
import type { IntakeParts } from "../intake/parts.ts";
import { WikidataLookup } from "../intake/WikidataLookup.tsx";
import { StoreContext } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

/** A part placed in another view: it provides the store it is handed, as `provided` does for views. */
const part =
  <P extends object>(Part: ComponentType<P>): ComponentType<P & { store: Store }> =>
  ({ store, ...props }) =>
    h(StoreContext.Provider, { value: store }, h(Part, props as P));

const parts: IntakeParts = {
  MergeDialog: part(MergeDialog),
  DuplicatePanel: part(DuplicatePanel),
  WikidataLookup: part(WikidataLookup),
};

registerModule("intake", { messages: moduleEnglish(), views: { import: provided(ImportPage) }, intake: parts });
