/**
 * A failure as the browsing bundle words it. Browsing before sign-in has no backend to fail
 * (nothing is sent to it), so what fails there is the page itself: a module or the mirror
 * could not be read, said with one sentence. The full wording of the API's codes and
 * parameters (components/ErrorMessage.tsx, with its messages) ships with the on-demand
 * modules: each registers it when it loads, and from then on this defers to it. Every backend
 * error comes from code in a module, so it is always worded in full.
 */
import { useStore } from "../state/context.ts";
import type { FullErrorView } from "../modules/load.ts";
import { Message } from "./Message.tsx";

// A plain variable, not a signal: the modules take no copy of signals, and no error needs
// re-wording when a module arrives (the errors the full wording is for come from module code,
// which has loaded, and registered it, before any such error exists).
let fullView: FullErrorView | null = null;

/** Called when a module that carries the full wording has loaded (modules/load.ts). */
export function wordErrorsFully(view: FullErrorView): void {
  fullView ??= view;
}

export function BriefError({ error }: { error: unknown }) {
  const store = useStore();
  const Full = fullView;
  if (Full) return <Full store={store} error={error} />;
  return <Message type="error">{store.i18n.t("partnerhub-error-gadget")}</Message>;
}
