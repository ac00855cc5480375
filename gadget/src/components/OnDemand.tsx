/**
 * A view that lives in the on-demand forms module (coordinator, representative and editing
 * views): loaded through ResourceLoader the first time it is shown, so that browsing never
 * downloads it.
 */
import { loadForms, type FormsViewName } from "../forms/load.ts";
import { useStore } from "../state/context.ts";
import { useAsync } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";

export function OnDemand({ view, partner }: { view: FormsViewName; partner?: string }) {
  const store = useStore();
  const [forms] = useAsync(() => loadForms(store.config.formsModule, store.host.using), []);
  if (forms.status === "error") return <ErrorMessage error={forms.error} />;
  if (forms.status !== "ready") return <Message>{store.i18n.t("partnerhub-loading-view")}</Message>;
  const View = forms.value.views[view];
  return <View store={store} partner={partner ?? null} />;
}
