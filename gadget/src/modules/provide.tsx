/**
 * Each on-demand module is a bundle of its own: its copy of StoreContext is not the app's. Each
 * view is handed the app's store as a prop and provides it to everything inside. Each module
 * also brings the full wording of errors (`FullErrors`).
 */
import type { ComponentType } from "preact";
import { wordErrorsFully } from "../components/BriefError.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { wordIssuesWith } from "../i18n/errors.ts";
import { issueLine } from "../i18n/issues.ts";
import { StoreContext } from "../state/context.ts";
import type { FullErrorView, ModuleViewProps } from "./load.ts";

// This bundle's error messages word validation issues (the browsing bundle's do not need to).
wordIssuesWith(issueLine);

/** The full wording of errors, which each module carries and hands to the browsing bundle (components/BriefError.tsx). */
export const FullErrors: FullErrorView = ({ store, error }) => (
  <StoreContext.Provider value={store}>
    <ErrorMessage error={error} />
  </StoreContext.Provider>
);
// Within this bundle too, a brief error (of a view shared with browsing) is worded in full.
wordErrorsFully(FullErrors);

export const provided =
  (View: ComponentType<Omit<ModuleViewProps, "store">>): ComponentType<ModuleViewProps> =>
  ({ store, ...props }) => (
    <StoreContext.Provider value={store}>
      <View {...props} />
    </StoreContext.Provider>
  );
