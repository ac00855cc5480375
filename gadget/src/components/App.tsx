/** The app: tabs for the views, the user's sign-in state, and the view for the current route. */
import { useEffect } from "preact/hooks";
import type { View } from "../directory/query.ts";
import type { MessageKey } from "../i18n/index.ts";
import { StoreContext, useStore } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { Directory } from "./Directory.tsx";
import { MyMatches } from "./MyMatches.tsx";
import { PartnerView } from "./PartnerView.tsx";
import { ReferForm } from "./ReferForm.tsx";
import { ImportPage } from "./ImportPage.tsx";
import { ReviewQueue } from "./ReviewQueue.tsx";
import { SignInButton } from "./SignInButton.tsx";

export function App({ store }: { store: Store }) {
  useEffect(() => {
    void store.load();
    void store.loadMe();
    const onHash = () => store.syncFromLocation();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <div class="partnerhub" lang={store.i18n.lang} dir={store.i18n.dir}>
        <Header />
        <div class="partnerhub-main">
          <CurrentView />
        </div>
      </div>
    </StoreContext.Provider>
  );
}

function tabsFor(store: Store): Array<[View, MessageKey]> {
  const tabs: Array<[View, MessageKey]> = [
    ["directory", "partnerhub-tab-directory"],
    ["refer", "partnerhub-tab-refer"],
  ];
  if (store.me.value?.affiliates.some((a) => a.status === "verified")) tabs.push(["mine", "partnerhub-tab-mine"]);
  if (store.me.value?.roles.coordinator)
    tabs.push(["review", "partnerhub-tab-review"], ["import", "partnerhub-tab-import"]);
  return tabs;
}

function Header() {
  const store = useStore();
  const { i18n, route, session } = store;
  const current = route.value.view === "partner" ? "directory" : route.value.view;
  return (
    <div class="partnerhub-header">
      <div class="cdx-tabs partnerhub-tabs">
        <div class="cdx-tabs__header">
          <div class="cdx-tabs__list" role="tablist">
            {tabsFor(store).map(([view, key]) => (
              <button
                key={view}
                type="button"
                role="tab"
                class="cdx-tabs__list__item"
                aria-selected={current === view}
                onClick={() => store.navigate({ view })}
              >
                {i18n.t(key)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div class="partnerhub-user">
        {session.value ? (
          <>
            <span>{i18n.t("partnerhub-signed-in-as", session.value.user.name)}</span>
            <button type="button" class="cdx-button cdx-button--weight-quiet" onClick={() => store.signOut()}>
              {i18n.t("partnerhub-signout")}
            </button>
          </>
        ) : (
          <SignInButton />
        )}
      </div>
    </div>
  );
}

function CurrentView() {
  const { route } = useStore();
  const { view, partner } = route.value;
  if (view === "partner" && partner) return <PartnerView id={partner} />;
  if (view === "refer") return <ReferForm />;
  if (view === "review") return <ReviewQueue />;
  if (view === "mine") return <MyMatches />;
  if (view === "import") return <ImportPage />;
  return <Directory />;
}
