/**
 * Each on-demand module is a bundle of its own: its copy of StoreContext is not the app's. Each
 * view is handed the app's store as a prop and provides it to everything inside.
 */
import type { ComponentType } from "preact";
import { wordIssuesWith } from "../i18n/errors.ts";
import { issueLine } from "../i18n/issues.ts";
import { StoreContext } from "../state/context.ts";
import type { ModuleViewProps } from "./load.ts";

// This bundle's error messages word validation issues (the browsing bundle's do not need to).
wordIssuesWith(issueLine);

export const provided =
  (View: ComponentType<Omit<ModuleViewProps, "store">>): ComponentType<ModuleViewProps> =>
  ({ store, ...props }) => (
    <StoreContext.Provider value={store}>
      <View {...props} />
    </StoreContext.Provider>
  );
