// Sign-in with Wikimedia OAuth 2 against the real test wiki with the OAuth 2 stand-in, and the
// backend on Node: the gadget's OAuth code (oauth4webapi) runs here with an in-memory window.
import { randomBytes } from "node:crypto";
import { startBackend, TEST_SESSION_SECRET } from "./oauth-backend.ts"; // first: it loads @hono/zod-openapi before the schemas
import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOAuthSignIn } from "../../gadget/src/auth/oauth-provider.ts";
import {
  authorizationUrl,
  exchangeAuthorizationResponse,
  type OAuthClientOptions,
} from "../../gadget/src/auth/oauth.ts";
import { SignInError } from "../../gadget/src/auth/sign-in-error.ts";
import { issueSession, SESSION_AUDIENCE, SESSION_ISSUER } from "../../worker/auth/session.ts";
import type { RunningServer } from "../../worker/node/server.ts";
import { newPassword, setStandInClock, startWiki, type WikiHandle } from "../../tools/wiki/harness.ts";
import { fakeWindow, webSession } from "./oauth-flow.ts";

const CLIENT_ID = "partnerhub-test";
const HUB_PATH = "/index.php/Content_Partnerships_Hub";
const TOKEN_TTL = 600;
const PASSWORD = newPassword();
const COORDINATOR = "Hub Coordinator";

let wiki: WikiHandle;
let backend: RunningServer;

beforeAll(async () => {
  wiki = await startWiki({
    oauthStandIn: {
      clients: [{ id: CLIENT_ID, name: "partnerhub (test)", redirectPaths: [HUB_PATH] }],
      tokenTtl: TOKEN_TTL,
    },
  });
  backend = await startBackend(wiki.scriptUrl, [COORDINATOR]);
  for (const name of [COORDINATOR, "Alice Rep", "Bob Plain", "Carol Blocked", "Dave Tokens"])
    await wiki.createUser(name, PASSWORD);
});

afterAll(async () => {
  await backend?.close();
  await wiki?.stop();
});

const hubUrl = () => `${wiki.scriptUrl}${HUB_PATH}`;
const clientOptions = (win: ReturnType<typeof fakeWindow>): OAuthClientOptions => ({
  clientId: CLIENT_ID,
  scriptUrl: wiki.scriptUrl,
  redirectUri: hubUrl(),
  storage: win.storage,
});

/** The gadget's round trip up to the wiki's answer: the authorization URL, then the user's Allow. */
async function approvedAnswer(user: string, win = fakeWindow(hubUrl())) {
  const url = await authorizationUrl(clientOptions(win));
  const web = await webSession(wiki.apiUrl, user, PASSWORD);
  return { win, answer: await web.authorize(url.toString()), web };
}

/** A wiki access token for `user`, through the gadget's code. */
async function accessToken(user: string): Promise<string> {
  const { win, answer } = await approvedAnswer(user);
  return exchangeAuthorizationResponse(clientOptions(win), answer);
}

const api = (method: string, path: string, token?: string, body?: unknown) =>
  fetch(`${backend.url}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const session = async (accessToken: string) => api("POST", "/session", undefined, { accessToken });
async function signedIn(user: string): Promise<{ token: string; user: { id: string; name: string } }> {
  const res = await session(await accessToken(user));
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; user: { id: string; name: string } };
}
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const tokenRequest = (fields: Record<string, string>) =>
  fetch(`${wiki.scriptUrl}/rest.php/oauth2/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: CLIENT_ID,
      redirect_uri: hubUrl(),
      ...fields,
    }).toString(),
  });

describe("signing in from the hub page", () => {
  it("sends the user to the wiki, then trades the answer for a backend session under their wiki name", async () => {
    const win = fakeWindow(hubUrl());
    const signIn = createOAuthSignIn({
      ...clientOptions(win),
      backendUrl: backend.url,
      hasConsented: () => true,
      location: win.location,
      history: win.history,
    });
    void signIn(); // navigates away: never resolves
    await expect.poll(() => win.assigned.length).toBe(1);
    const web = await webSession(wiki.apiUrl, "Alice Rep", PASSWORD);
    win.location.href = (await web.authorize(win.assigned[0]!)).toString();
    expect(win.location.href).toMatch(/[?&]code=.+&state=/);

    const s = await signIn();
    expect(win.location.href).toBe(hubUrl()); // the code left the address before it was used
    expect(s.user.name).toBe("Alice Rep");
    const users = await (
      await fetch(`${wiki.apiUrl}?action=query&list=users&ususers=Alice%20Rep&format=json&formatversion=2`)
    ).json();
    expect(s.user.id).toBe(String((users as { query: { users: Array<{ userid: number }> } }).query.users[0]!.userid));
    const me = await (await api("GET", "/me", s.token)).json();
    expect(me).toMatchObject({ user: { name: "Alice Rep" }, roles: { canWrite: true } });
    expect([...win.items.keys()]).toEqual([]); // neither the verifier nor the wiki token is kept
  });

  it("does not contact the backend before consent", async () => {
    const { win, answer } = await approvedAnswer("Bob Plain");
    win.location.href = answer.toString();
    const contacted: string[] = [];
    const signIn = createOAuthSignIn({
      ...clientOptions(win),
      backendUrl: backend.url,
      hasConsented: () => false,
      location: win.location,
      history: win.history,
      fetch: async (input, init) => (contacted.push(String(input)), fetch(input, init)),
    });
    await expect(signIn()).rejects.toMatchObject({ code: "consent_required" });
    expect(contacted).toEqual([]);
  });

  it("reports Cancel on the wiki as oauth_denied", async () => {
    const win = fakeWindow(hubUrl());
    const url = await authorizationUrl(clientOptions(win));
    const answer = await (await webSession(wiki.apiUrl, "Bob Plain", PASSWORD)).authorize(url.toString(), "cancel");
    expect(answer.searchParams.get("error")).toBe("access_denied");
    await expect(exchangeAuthorizationResponse(clientOptions(win), answer)).rejects.toMatchObject({
      code: "oauth_denied",
    });
  });
});

describe("what the wiki refuses", () => {
  it("sends a user who is not logged in to Special:UserLogin and back", async () => {
    const url = await authorizationUrl(clientOptions(fakeWindow(hubUrl())));
    const first = await fetch(url, { redirect: "manual" });
    const page = await fetch(first.headers.get("Location")!, { redirect: "manual" });
    expect(page.status).toBe(302);
    const login = new URL(page.headers.get("Location")!);
    expect(login.searchParams.get("title")).toBe("Special:UserLogin");
    expect(login.searchParams.get("returnto")).toBe("Special:OAuthStandIn");
    expect(login.searchParams.get("returntoquery")).toContain("code_challenge_method=S256");
  });

  it("refuses an unknown client, a foreign redirect URI and a plain PKCE method", async () => {
    const url = await authorizationUrl(clientOptions(fakeWindow(hubUrl())));
    const variant = async (name: string, value: string) => {
      const u = new URL(url);
      u.searchParams.set(name, value);
      const res = await fetch(u, { redirect: "manual" });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await variant("client_id", "someone-else")).toEqual({ status: 401, error: "invalid_client" });
    expect(await variant("redirect_uri", "https://evil.example/")).toEqual({ status: 401, error: "invalid_client" });
    expect(await variant("code_challenge_method", "plain")).toEqual({ status: 400, error: "invalid_request" });
  });

  it("refuses a PKCE mismatch, and the right verifier still works afterwards", async () => {
    const { win, answer } = await approvedAnswer("Bob Plain");
    const pending = JSON.parse(win.items.get("partnerhub-oauth-pending")!) as { verifier: string };
    const code = answer.searchParams.get("code")!;
    const wrong = await tokenRequest({ code, code_verifier: "x".repeat(43) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });

    win.items.set(
      "partnerhub-oauth-pending",
      JSON.stringify({ ...JSON.parse(win.items.get("partnerhub-oauth-pending")!), verifier: "y".repeat(43) }),
    );
    await expect(exchangeAuthorizationResponse(clientOptions(win), answer)).rejects.toMatchObject({
      code: "oauth_exchange_failed",
    });

    const right = await tokenRequest({ code, code_verifier: pending.verifier });
    expect(right.status).toBe(200);
  });

  it("refuses a reused code and revokes the token it gave", async () => {
    const { win, answer } = await approvedAnswer("Bob Plain");
    const pending = JSON.parse(win.items.get("partnerhub-oauth-pending")!) as { verifier: string };
    const token = await exchangeAuthorizationResponse(clientOptions(win), answer);
    expect((await session(token)).status).toBe(200);

    const again = await tokenRequest({ code: answer.searchParams.get("code")!, code_verifier: pending.verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({
      error: "invalid_grant",
      error_description: "Authorization code has been revoked",
    });
    const refused = await session(token);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe("unauthorized");
    // The gadget itself never tries a code twice: the pending sign-in is gone.
    await expect(exchangeAuthorizationResponse(clientOptions(win), answer)).rejects.toMatchObject({
      code: "oauth_invalid_response",
    });
  });

  it("refuses an expired code and an expired access token", async () => {
    try {
      const { win, answer } = await approvedAnswer("Dave Tokens");
      await setStandInClock(wiki.dir, 61);
      await expect(exchangeAuthorizationResponse(clientOptions(win), answer)).rejects.toMatchObject({
        code: "oauth_exchange_failed",
      });
      await setStandInClock(wiki.dir, 0);

      const token = await accessToken("Dave Tokens");
      expect((await session(token)).status).toBe(200);
      await setStandInClock(wiki.dir, TOKEN_TTL + 1);
      const refused = await session(token);
      expect(refused.status).toBe(401);
      expect(await errorCode(refused)).toBe("unauthorized");
    } finally {
      await setStandInClock(wiki.dir, 0);
    }
  });

  it("refuses a blocked user, as the wiki reports now, and accepts them once unblocked", async () => {
    const token = await accessToken("Carol Blocked");
    const profile = () =>
      fetch(`${wiki.scriptUrl}/rest.php/oauth2/resource/profile`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.json());
    expect(await profile()).toMatchObject({
      username: "Carol Blocked",
      blocked: false,
      groups: expect.arrayContaining(["user"]),
    });
    await wiki.blockUser("Carol Blocked", { reason: "oauth test" });
    try {
      expect(await profile()).toMatchObject({ blocked: true });
      const refused = await session(token);
      expect(refused.status).toBe(403);
      expect(await errorCode(refused)).toBe("forbidden");
    } finally {
      await wiki.unblockUser("Carol Blocked");
    }
    expect((await session(token)).status).toBe(200);
  });
});

describe("the gadget's check of the wiki's answer", () => {
  it("refuses an answer with the wrong state, and forgets the pending sign-in", async () => {
    const { win, answer } = await approvedAnswer("Bob Plain");
    const forged = new URL(answer);
    forged.searchParams.set("state", "someone-elses-state");
    const error = await exchangeAuthorizationResponse(clientOptions(win), forged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ code: "oauth_invalid_response" });
    expect(win.items.has("partnerhub-oauth-pending")).toBe(false);
    // The genuine answer can no longer be used from this tab either.
    await expect(exchangeAuthorizationResponse(clientOptions(win), answer)).rejects.toMatchObject({
      code: "oauth_invalid_response",
    });
  });

  it("refuses an answer when no sign-in was started in this tab", async () => {
    const { answer } = await approvedAnswer("Bob Plain");
    await expect(exchangeAuthorizationResponse(clientOptions(fakeWindow(hubUrl())), answer)).rejects.toMatchObject({
      code: "oauth_invalid_response",
    });
  });
});

describe("backend sessions", () => {
  it("refuses forged, expired, other-audience and signed-out sessions, and a wiki token used as one", async () => {
    const now = new Date();
    const real = await signedIn("Bob Plain");
    const forged = await issueSession(randomBytes(32).toString("hex"), real.user as never, "oauth", 600, now);
    const expired = await issueSession(
      TEST_SESSION_SECRET,
      { ...real.user, blocked: false },
      "oauth",
      60,
      new Date(now.getTime() - 3_600_000),
    );
    const iat = Math.floor(now.getTime() / 1000);
    const otherAudience = await sign(
      {
        sub: real.user.id,
        name: real.user.name,
        blk: false,
        src: "oauth",
        aud: "another-app",
        iss: SESSION_ISSUER,
        iat,
        exp: iat + 600,
        jti: "x",
      },
      TEST_SESSION_SECRET,
      "HS256",
    );
    const otherIssuer = await sign(
      {
        sub: real.user.id,
        name: real.user.name,
        blk: false,
        src: "oauth",
        aud: SESSION_AUDIENCE,
        iss: "someone",
        iat,
        exp: iat + 600,
        jti: "y",
      },
      TEST_SESSION_SECRET,
      "HS256",
    );
    const wikiToken = await accessToken("Bob Plain");
    for (const token of [forged.token, expired.token, otherAudience, otherIssuer, wikiToken]) {
      const res = await api("GET", "/me", token);
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe("unauthorized");
    }
    expect((await api("GET", "/me", real.token)).status).toBe(200);
    expect((await api("DELETE", "/session", real.token)).status).toBe(204);
    expect((await api("GET", "/me", real.token)).status).toBe(401);
  });
});

describe("roles", () => {
  it("lets a representative act for their affiliate and not for another; marks unverified claims", async () => {
    const coord = await signedIn(COORDINATOR);
    const alice = await signedIn("Alice Rep");
    const bob = await signedIn("Bob Plain");
    const affiliate = (id: string) => ({
      id,
      name: `Wikimedia ${id}`,
      kind: "chapter",
      wikiPage: `Wikimedia ${id}`,
      countries: ["DE"],
      languages: ["de"],
      capabilities: ["images"],
    });
    for (const id of ["oauth-ours", "oauth-theirs"])
      expect((await api("POST", "/affiliates", coord.token, affiliate(id))).status).toBe(201);

    const ask = await api("POST", "/affiliates/oauth-ours/representatives", alice.token, { username: "Alice Rep" });
    expect(await ask.json()).toMatchObject({ status: "requested" });
    const verify = await api("POST", "/affiliates/oauth-ours/representatives", coord.token, { username: "Alice Rep" });
    expect(await verify.json()).toMatchObject({ status: "verified" });

    const partner = await api("POST", "/partners", bob.token, {
      name: "Museum of Sign-in",
      kind: "museum",
      country: "DE",
      languages: ["de"],
      offers: ["images"],
      projects: ["commons"],
      funding: "none",
      summary: "A test museum.",
      asks: ["digitise photographs"],
      links: [],
      contact: { name: "Erika Mustermann", email: "erika@example.org", notes: "" },
    });
    expect(partner.status).toBe(201);
    const partnerId = ((await partner.json()) as { id: string }).id;
    const claim = async (token: string, affiliateId: string) => {
      const res = await api("POST", `/partners/${partnerId}/claims`, token, {
        affiliate: affiliateId,
        message: "We can",
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { claim: { id: number; verified: boolean; claimedBy?: string } }).claim;
    };
    const bobOurs = await claim(bob.token, "oauth-ours");
    const bobTheirs = await claim(bob.token, "oauth-theirs");
    expect(bobOurs.verified).toBe(false);
    expect(bobTheirs.verified).toBe(false);

    expect((await api("POST", `/claims/${bobOurs.id}/withdraw`, alice.token, {})).status).toBe(200);
    const notHers = await api("POST", `/claims/${bobTheirs.id}/withdraw`, alice.token, {});
    expect(notHers.status).toBe(403);
    expect(await errorCode(notHers)).toBe("forbidden");

    const hers = await claim(alice.token, "oauth-ours");
    expect(hers.verified).toBe(true);
  });
});
