/** What the on-demand intake module offers the app: its views, each given the app's store. */
import type { ComponentType } from "preact";
import { StoreContext } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { INTAKE_ENGLISH } from "./i18n.ts";
import { DuplicatePanel } from "./DuplicatePanel.tsx";
import { ImportPage } from "./ImportPage.tsx";
import type { IntakeModule } from "./load.ts";
import { MergeDialog } from "./MergeDialog.tsx";
import { WikidataLookup } from "./WikidataLookup.tsx";

/** The module's copy of StoreContext is not the app's: each view provides the store it is handed. */
const provided =
  <P extends object>(View: ComponentType<P>): ComponentType<P & { store: Store }> =>
  ({ store, ...props }) => {
    store.i18n.add(INTAKE_ENGLISH);
    return (
      <StoreContext.Provider value={store}>
        <View {...(props as P)} />
      </StoreContext.Provider>
    );
  };

export const intake: IntakeModule = {
  ImportPage: provided(ImportPage),
  MergeDialog: provided(MergeDialog),
  DuplicatePanel: provided(DuplicatePanel),
  WikidataLookup: provided(WikidataLookup),
};
