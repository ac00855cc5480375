/**
 * The forms module is a bundle of its own: its copy of StoreContext is not the app's. Each
 * view is handed the app's store as a prop and provides it to everything inside, and
 * registers the module's English messages (translations came with the language modules).
 */
import type { ComponentType } from "preact";
import { StoreContext } from "../../state/context.ts";
import { FORMS_ENGLISH } from "../i18n/index.ts";
import type { FormsViewProps } from "../load.ts";

export const provided =
  (View: ComponentType<{ partner: string | null }>): ComponentType<FormsViewProps> =>
  ({ store, partner }) => {
    store.i18n.add(FORMS_ENGLISH);
    return (
      <StoreContext.Provider value={store}>
        <View partner={partner} />
      </StoreContext.Provider>
    );
  };
