/**
 * A view that lives in an on-demand module (modules/load.ts): loaded through ResourceLoader
 * the first time it is shown, so that browsing never downloads it.
 */
import { useEffect, useState } from "preact/hooks";
import { loadModule, VIEW_MODULE, type ConsentProps, type OnDemandModule, type OnDemandView } from "../modules/load.ts";
import type { AsyncState } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";

export function OnDemand({ view, partner, consent }: { view: OnDemandView; partner?: string; consent?: ConsentProps }) {
  const store = useStore();
  const [module, setModule] = useState<AsyncState<OnDemandModule>>({ status: "loading" });
  useEffect(() => {
    loadModule(store, VIEW_MODULE[view]).then(
      (value) => setModule({ status: "ready", value }),
      (error: unknown) => setModule({ status: "error", error }),
    );
  }, [view]);
  if (module.status === "error") return <ErrorMessage error={module.error} />;
  const View = module.status === "ready" ? module.value.views?.[view] : undefined;
  if (!View) return <Message>{store.i18n.t("partnerhub-loading-view")}</Message>;
  return <View store={store} partner={partner ?? null} consent={consent} />;
}
