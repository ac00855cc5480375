/** The app: tabs for the views, the user's sign-in state, and the view for the current route. */
import { useEffect, useRef } from "preact/hooks";
import type { View } from "../directory/query.ts";
import type { MessageKey } from "../i18n/index.ts";
import { prefetchWhenIdle } from "../modules/load.ts";
import { StoreContext, useStore } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { Directory } from "./Directory.tsx";
import { Message } from "./Message.tsx";
import { OnDemand } from "./OnDemand.tsx";
import { SignInButton } from "./SignInButton.tsx";

export function App({ store }: { store: Store }) {
  useEffect(() => {
    void store.start();
    void store.loadMe();
    const onHash = () => store.syncFromLocation();
    window.addEventListener("hashchange", onHash);
    // The partner page is what a reader opens next: fetched once the first paint is done.
    prefetchWhenIdle(store, ["partner"]);
    return () => window.removeEventListener("hashchange", onHash);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <div class="partnerhub" lang={store.i18n.lang} dir={store.i18n.dir}>
        <Header />
        <Notice />
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
  const me = store.me.value;
  const represents = me?.affiliates.some((a) => a.status === "verified") ?? false;
  if (me) tabs.push(["claims", "partnerhub-tab-claims"]);
  if (represents) tabs.push(["mine", "partnerhub-tab-mine"]);
  if (represents || me?.roles.coordinator) tabs.push(["representatives", "partnerhub-tab-representatives"]);
  if (me?.roles.coordinator)
    tabs.push(
      ["review", "partnerhub-tab-review"],
      ["import", "partnerhub-tab-import"],
      ["admin", "partnerhub-tab-admin"],
    );
  if (store.session.value) tabs.push(["foryou", "partnerhub-tab-foryou"]);
  return tabs;
}

function Header() {
  const store = useStore();
  const { i18n, route, session } = store;
  const view = route.value.view;
  const current = view === "partner" || view === "edit" ? "directory" : view === "notifications" ? "foryou" : view;
  const notifications = store.notifications.value;
  const unseen = notifications?.unseen() ?? 0;
  useEffect(() => {
    if (session.value) void store.backendClient().then(() => store.notifications.peek()?.loadFeed());
  }, [session.value?.user.name]);
  // Signed in, the views this user's tabs open are fetched ahead when the browser is idle (the
  // account module's are already loading: the backend client comes with it).
  const coordinator = store.me.value?.roles.coordinator;
  useEffect(() => {
    if (coordinator !== undefined)
      prefetchWhenIdle(store, coordinator ? ["forms", "coordinator", "edit", "intake"] : ["forms"]);
  }, [coordinator]);
  // On a phone the tab row scrolls sideways: keep the current tab in view.
  const tablist = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const selected = tablist.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (selected && typeof selected.scrollIntoView === "function")
      selected.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [current]);
  return (
    <div class="partnerhub-header">
      <div class="cdx-tabs partnerhub-tabs">
        <div class="cdx-tabs__header">
          <div class="cdx-tabs__list" role="tablist" ref={tablist}>
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
                {view === "foryou" && unseen > 0 && (
                  <span class="partnerhub-tab-count" title={i18n.t("partnerhub-foryou-unseen", unseen)}>
                    {" "}
                    {i18n.number(unseen)}
                  </span>
                )}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div class="partnerhub-user">
        {session.value ? (
          <>
            <span>{i18n.bdi("partnerhub-signed-in-as", session.value.user.name)}</span>
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
  const store = useStore();
  const { view, partner } = store.route.value;
  if (view === "partner" && partner) return <OnDemand view="partner" partner={partner} />;
  if (view === "refer" && !store.session.value)
    return (
      <Message>
        {store.i18n.t("partnerhub-refer-sign-in")} <SignInButton />
      </Message>
    );
  if (view === "foryou" || view === "notifications") return <OnDemand view="foryou" />;
  if (view === "edit" && partner) return <OnDemand view="edit" partner={partner} />;
  if (view === "refer" || view === "review" || view === "mine" || view === "claims") return <OnDemand view={view} />;
  if (view === "representatives" || view === "admin" || view === "import") return <OnDemand view={view} />;
  return <Directory />;
}

/** What the last action of a view that is not about one partner did, until the next one or a change of view. */
function Notice() {
  const { notice } = useStore();
  const n = notice.value;
  if (!n || n.partner !== null) return null;
  return (
    <div class="partnerhub-notice">
      <Message type="success">{n.text}</Message>
    </div>
  );
}
