/**
 * Entry of the gadget. Mounts only where the page has `#partnerhub-app`
 * (the mirror's directory page); anywhere else it does nothing.
 */
import { effect } from "@preact/signals";
import { render } from "preact";
import { resumeIfReturning } from "./auth/oauth-hookup.ts";
import { setSignInProvider } from "./auth/session.ts";
import { App } from "./components/App.tsx";
import { readConfig } from "./config.ts";
import { idbStore } from "./directory/cache.ts";
import { MIRROR_TABLE, takeOverRows } from "./directory/takeover.ts";
import { createI18n, loadLanguage } from "./i18n/index.ts";
import { exposeRuntime } from "./runtime.ts";
import { createStore } from "./state/store.ts";
import "./styles/gadget.css";

export const MOUNT_ID = "partnerhub-app";
/** The mirror's "this page is generated" notice: folded away while the app runs (on a phone it filled the first screen). */
const MIRROR_NOTICE = ".partnerhub-mirror-notice";
const USER_AGENT = "partnerhub-gadget/0.1 (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub)";
/** How long the notice's fold and a sign-in return wait for the user's language before going on in the fallback. */
const LANGUAGE_WAIT_MS = 3000;

export function mount(doc: Document = document): Promise<boolean> {
  const el = doc.getElementById(MOUNT_ID);
  if (!el || typeof mw === "undefined") return Promise.resolve(false);
  const language = loadLanguage(LANGUAGE_WAIT_MS);
  const rows = takeOverRows(doc);
  const store = createStore({
    config: readConfig(el, mw.config.get("wgPartnerhub")),
    i18n: createI18n(mw.config.get("wgUserLanguage") || "en"),
    wikiApi: new mw.Api({ ajax: { headers: { "Api-User-Agent": USER_AGENT } } }),
    using: (name) => mw.loader.using(name),
    location: window.location,
    userAgent: USER_AGENT,
    cache: idbStore(),
    takenRows: rows,
  });
  // The wiki's read and the browser's copy start now, beside the user's language (not after it).
  void store.start();
  if (store.config.devLogin && store.config.backendUrl) {
    setSignInProvider(({ username }) => store.write((b) => b.devSession(username ?? "")));
  }
  exposeRuntime();
  // The app at once: the mirror's rows are searchable now, worded in English until the user's
  // language has arrived, then drawn again in it (the same elements: what is typed and the
  // focus stay).
  el.textContent = "";
  render(<App store={store} />, el);
  return language.then(() => {
    // Until the directory has loaded, the app's search filters the mirror's rows in place; then
    // the app takes the table's place and the notice folds away (not before: at the first paint
    // the table stays where it is, see styles/first.css). Left displayed, thousands of rows below
    // the app made every keystroke and sort 2-4 times slower (layout), for a table that says the same.
    const done = effect(() => {
      if (store.directory.value.status !== "ready") return;
      for (const table of doc.querySelectorAll<HTMLElement>(MIRROR_TABLE)) table.style.display = "none";
      for (const notice of doc.querySelectorAll<HTMLElement>(MIRROR_NOTICE))
        foldNotice(doc, notice, store.i18n.t("partnerhub-page-notice-summary"));
      queueMicrotask(() => done());
    });
    // Back from the wiki's authorization page with ?code=&state=: finish signing in.
    resumeIfReturning(store);
    return true;
  });
}

function foldNotice(doc: Document, notice: HTMLElement, summaryText: string): void {
  if (notice.parentElement?.classList.contains("partnerhub-mirror-notice-fold")) return;
  const fold = doc.createElement("details");
  fold.className = "partnerhub-mirror-notice-fold";
  const summary = doc.createElement("summary");
  summary.textContent = summaryText;
  notice.replaceWith(fold);
  fold.append(summary, notice);
}

void mount();
