// The browsing module of the test hub page: no OAuth code here, only the decision to load it.
import { createBackend } from "../../../gadget/src/api/backend.ts";
import { hasAuthorizationResponse, wikiEndpoints } from "../../../gadget/src/auth/oauth-return.ts";
import type { SignInModule } from "./sign-in-module.ts";

/** The part of MediaWiki's `mw` this page uses (the gadget itself is typed by types-mediawiki). */
declare const mw: {
  config: { get(name: string): unknown };
  loader: { using(module: string): PromiseLike<unknown> };
  util: { getUrl(title: string): string };
};

const SESSION_KEY = "partnerhub-session";
const CONSENT_KEY = "partnerhub-consent";

const mount = document.getElementById("partnerhub-app");
if (mount) {
  const backendUrl = mount.getAttribute("data-backend") ?? "";
  const clientId = mount.getAttribute("data-oauth-client-id") ?? "";
  const show = (html: string) => (mount.innerHTML = html);
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

  const signIn = () =>
    mw.loader.using("ext.gadget.partnerhub-oauth").then(() => {
      const module = (window as unknown as { partnerhubOAuth: SignInModule }).partnerhubOAuth;
      const endpoints = wikiEndpoints({
        server: String(mw.config.get("wgServer")),
        scriptPath: String(mw.config.get("wgScriptPath")),
        articleUrl: mw.util.getUrl(String(mw.config.get("wgPageName"))),
        href: location.href,
      });
      return module.createOAuthSignIn({
        clientId,
        ...endpoints,
        storage: sessionStorage,
        backendUrl,
        hasConsented: () => localStorage.getItem(CONSENT_KEY) === backendUrl,
        location,
        history,
      })();
    });

  const render = () => {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (raw) {
      const session = JSON.parse(raw) as { token: string; user: { name: string } };
      show(
        `<p id="partnerhub-user">Signed in as ${escapeHtml(session.user.name)}</p><button id="partnerhub-signout">Sign out</button>`,
      );
      document.getElementById("partnerhub-signout")!.onclick = () => {
        createBackend({ baseUrl: backendUrl, getToken: () => null })
          .deleteSession(session.token)
          .then(() => {
            sessionStorage.removeItem(SESSION_KEY);
            render();
          });
      };
      return;
    }
    show(`<button id="partnerhub-signin">Sign in</button>`);
    document.getElementById("partnerhub-signin")!.onclick = () => {
      show(
        `<p id="partnerhub-consent">Signing in connects this page to the hub's service at ${escapeHtml(new URL(backendUrl).host)}, ` +
          `which is not run by this wiki. It stores your wiki user name with what you do in the hub; no password and no Wikimedia token.</p>` +
          `<button id="partnerhub-consent-continue">Continue</button>`,
      );
      document.getElementById("partnerhub-consent-continue")!.onclick = () => {
        localStorage.setItem(CONSENT_KEY, backendUrl);
        void signIn();
      };
    };
  };

  if (hasAuthorizationResponse(new URL(location.href))) {
    show(`<p id="partnerhub-signing-in">Signing in…</p>`);
    Promise.resolve(signIn()).then(
      (session) => {
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
        render();
      },
      (error: { code?: string; message?: string }) =>
        show(`<p id="partnerhub-error">${escapeHtml(`${error.code ?? "error"}: ${error.message ?? ""}`)}</p>`),
    );
  } else {
    render();
  }
}
