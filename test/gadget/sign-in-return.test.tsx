/**
 * Coming back from the wiki's authorization page (issue 14, bugs 2 and 3): to the same view
 * and language, and with the right message when the user pressed Cancel there.
 */
import { waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resumeOAuthSignIn } from "../../gadget/src/auth/oauth-hookup.ts";
import { createOAuthSignIn } from "../../gadget/src/auth/oauth-provider.ts";
import { setSignInProvider } from "../../gadget/src/auth/session.ts";
import { installMessages } from "../../gadget/preview/mw-messages.ts";
import { mount } from "../../gadget/src/main.tsx";
import { fakeBackend, json, me, on, renderApp } from "./fixtures.tsx";

const HUB = "http://127.0.0.1/wiki/Hub";

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

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

  it("puts back the address sign-in began at as soon as the wiki answers, even when the answer is a refusal", async () => {
    const win = { href: `${HUB}?error=access_denied&state=s1` };
    window.sessionStorage.setItem("partnerhub-oauth-return", `${HUB}?uselang=de#p=museum&q=photo&country=DE`);
    const signIn = createOAuthSignIn({
      clientId: "client",
      scriptUrl: "http://127.0.0.1/w",
      redirectUri: HUB,
      storage: window.sessionStorage,
      backendUrl: "http://127.0.0.1:8787",
      hasConsented: () => true,
      location: { href: win.href, assign: () => {} },
      history: { state: null, replaceState: (_s, _t, url) => void (win.href = String(url)) },
    });
    await expect(signIn()).rejects.toMatchObject({ code: "oauth_invalid_response" });
    expect(win.href).toBe(`${HUB}?uselang=de#p=museum&q=photo&country=DE`);
    expect(window.sessionStorage.getItem("partnerhub-oauth-return")).toBeNull();
  });

  it("follows the address back to the same partner, query and filters once signed in", async () => {
    const { store } = renderApp({ fetch: fakeBackend(on("GET", "/me", () => json(200, me("Ben")))).fetch });
    const reloads: number[] = [];
    const location = { href: `${HUB}?code=abc&state=xyz`, reload: () => reloads.push(1) };
    setSignInProvider(async () => {
      // What the provider does: the address where sign-in began, back in place.
      location.href = `${HUB}#p=museum&q=photo&country=DE`;
      window.location.hash = "#p=museum&q=photo&country=DE";
      return { token: "t", expiresAt: "2999-01-01T00:00:00Z", user: me("Ben").user };
    });
    expect(await resumeOAuthSignIn(store, location)).toBe(true);
    expect(store.route.value).toMatchObject({ view: "partner", partner: "museum" });
    expect(store.route.value.query).toMatchObject({ q: "photo", facets: { country: ["DE"] } });
    expect(store.session.value?.user.name).toBe("Ben");
    expect(reloads).toEqual([]);
  });

  it("loads the page again in the language sign-in began in", async () => {
    const { store } = renderApp({ fetch: fakeBackend(on("GET", "/me", () => json(200, me("Ben")))).fetch });
    const reloads: number[] = [];
    const location = { href: `${HUB}?code=abc&state=xyz`, reload: () => reloads.push(1) };
    setSignInProvider(async () => {
      location.href = `${HUB}?uselang=ar#view=refer`;
      return { token: "t", expiresAt: "2999-01-01T00:00:00Z", user: me("Ben").user };
    });
    await resumeOAuthSignIn(store, location);
    expect(reloads).toEqual([1]);
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
    const stub = {
      config: { get: (k: string) => config[k] ?? null },
      Api: class {
        get = () => new Promise(() => {});
      },
      util: { getUrl: (t: string) => `/wiki/${t}` },
      notify,
      loader: {
        using: async () => {
          vi.resetModules();
          await import("../../gadget/src/modules/signin.ts");
        },
      },
    };
    installMessages(stub, "en");
    vi.stubGlobal("mw", stub);
    expect(await mount(document)).toBe(true);
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(notify.mock.calls[0]?.[0]).toBe("Sign-in was cancelled on the wiki.");
  });
});
