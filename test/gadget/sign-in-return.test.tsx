/**
 * Coming back from the wiki's authorization page (issue 14, bugs 2 and 3): to the same view
 * and language, and with the right message when the user pressed Cancel there.
 */
import { waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resumeOAuthSignIn } from "../../gadget/src/auth/oauth-hookup.ts";
import { createOAuthSignIn } from "../../gadget/src/auth/oauth-provider.ts";
import { setSignInProvider } from "../../gadget/src/auth/session.ts";
import { mount } from "../../gadget/src/main.tsx";
import { fakeBackend, json, me, on, renderApp } from "./fixtures.tsx";

const HUB = "http://127.0.0.1/wiki/Hub";

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

/** A place to come back to: an address, a history that records replaceState, a location that records replace. */
function place(href: string) {
  const seen = { replaced: null as string | null, href };
  return {
    seen,
    location: {
      get href() {
        return seen.href;
      },
      replace: (url: string) => {
        seen.replaced = url;
      },
    },
    history: {
      state: null,
      replaceState: (_: unknown, __: string, url?: string | URL | null) => {
        seen.href = String(url);
      },
    },
    storage: window.sessionStorage,
  };
}

describe("signing in through the wiki", () => {
  it("remembers where sign-in began before leaving for the wiki", async () => {
    const assigned: string[] = [];
    const signIn = createOAuthSignIn({
      clientId: "client",
      scriptUrl: "http://127.0.0.1/w",
      redirectUri: HUB,
      storage: window.sessionStorage,
      backendUrl: "http://127.0.0.1:8787",
      hasConsented: () => true,
      location: { href: `${HUB}?uselang=de#p=museum&q=photo`, assign: (u) => assigned.push(u) },
      history: window.history,
    });
    void signIn();
    await waitFor(() => expect(assigned).toHaveLength(1));
    expect(window.sessionStorage.getItem("partnerhub-oauth-return")).toBe(`${HUB}?uselang=de#p=museum&q=photo`);
  });

  it("comes back to the same partner, query and filters", async () => {
    const f = fakeBackend(on("GET", "/me", () => json(200, me("Ben"))));
    const { store } = renderApp({ fetch: f.fetch });
    setSignInProvider(async () => ({ token: "t", expiresAt: "2999-01-01T00:00:00Z", user: me("Ben").user }));
    window.sessionStorage.setItem("partnerhub-oauth-return", `${HUB}#p=museum&q=photo&country=DE`);
    const back = place(`${HUB}?code=abc&state=xyz`);
    back.history.replaceState = (_: unknown, __: string, url?: string | URL | null) => {
      back.seen.href = String(url);
      window.location.hash = new URL(String(url)).hash;
    };
    expect(await resumeOAuthSignIn(store, back)).toBe(true);
    expect(back.seen.href).toBe(`${HUB}#p=museum&q=photo&country=DE`);
    expect(store.route.value).toMatchObject({ view: "partner", partner: "museum" });
    expect(store.route.value.query).toMatchObject({ q: "photo", facets: { country: ["DE"] } });
    expect(store.session.value?.user.name).toBe("Ben");
  });

  it("comes back in the language sign-in began in", async () => {
    const { store } = renderApp({ fetch: fakeBackend(on("GET", "/me", () => json(200, me("Ben")))).fetch });
    setSignInProvider(async () => ({ token: "t", expiresAt: "2999-01-01T00:00:00Z", user: me("Ben").user }));
    window.sessionStorage.setItem("partnerhub-oauth-return", `${HUB}?uselang=ar#view=refer`);
    const back = place(`${HUB}?code=abc&state=xyz`);
    await resumeOAuthSignIn(store, back);
    expect(back.seen.replaced).toBe(`${HUB}?uselang=ar#view=refer`);
    expect(window.sessionStorage.getItem("partnerhub-session")).not.toBeNull();
  });

  it("says that sign-in was cancelled when the user pressed Cancel on the wiki", async () => {
    // The sign-in code is a second bundle loaded on demand: its SignInError is another class than the app's.
    window.history.replaceState(null, "", "/wiki/Hub?error=access_denied&state=s1");
    window.sessionStorage.setItem(
      "partnerhub-oauth-pending",
      JSON.stringify({ verifier: "v".repeat(43), state: "s1", redirectUri: `${window.location.origin}/wiki/Hub` }),
    );
    window.localStorage.setItem("partnerhub-consent", "http://127.0.0.1:8787");
    document.body.innerHTML = `<div id="partnerhub-app"></div>`;
    const notify = vi.fn();
    const config: Record<string, unknown> = {
      wgPartnerhub: { backendUrl: "http://127.0.0.1:8787", oauthClientId: "client" },
      wgServer: window.location.origin,
      wgScriptPath: "/w",
      wgPageName: "Hub",
      wgUserLanguage: "en",
    };
    vi.stubGlobal("mw", {
      config: { get: (k: string) => config[k] ?? null },
      Api: class {
        get = () => new Promise(() => {});
      },
      util: { getUrl: (t: string) => `/wiki/${t}` },
      notify,
      loader: {
        using: async () => {
          vi.resetModules();
          await import("../../gadget/src/forms/index.ts");
        },
      },
    });
    expect(mount(document)).toBe(true);
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(notify.mock.calls[0]?.[0]).toBe("Sign-in was cancelled on the wiki.");
  });
});
