/**
 * A view that lives in the on-demand forms module (coordinator, representative and editing
 * views): loaded through ResourceLoader the first time it is shown, so that browsing never
 * downloads it.
 */
import { useEffect, useState } from "preact/hooks";
import { loadForms, type FormsModule, type FormsViewName } from "../forms/load.ts";
import type { AsyncState } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";

export function OnDemand({ view, partner }: { view: FormsViewName; partner?: string }) {
  const store = useStore();
  const [forms, setForms] = useState<AsyncState<FormsModule>>({ status: "loading" });
  useEffect(() => {
    loadForms(store.config.formsModule, store.host.using).then(
      (value) => setForms({ status: "ready", value }),
      (error: unknown) => setForms({ status: "error", error }),
    );
  }, []);
  if (forms.status === "error") return <ErrorMessage error={forms.error} />;
  if (forms.status !== "ready") return <Message>{store.i18n.t("partnerhub-loading-view")}</Message>;
  const View = forms.value.views[view];
  return <View store={store} partner={partner ?? null} />;
}
