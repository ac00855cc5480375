/**
 * Identity, for both runtimes (test/worker/identity.test.ts, test/node/identity.test.ts): each
 * passes an app whose wiki answers `/oauth2/resource/profile` with `profiles[token]`, as the OAuth
 * stand-in answers for real users, and a clock the cases move. The wiki's name is kept as given;
 * roles follow the central id; a block is noticed within 15 minutes of a session's life.
 */
import { describe, expect, it } from "vitest";
import { normaliseUserName } from "../../shared/schemas.ts";
import { partnerInput } from "./helpers.ts";

export interface Profile {
  sub: number;
  username: string;
  blocked?: boolean;
}

/** The wiki's profile endpoint for `profiles`: 401 for a token it does not know. */
export function profileFetch(profiles: Record<string, Profile>): typeof fetch {
  return async (_input, init) => {
    const token = new Headers(init?.headers).get("Authorization")?.replace(/^Bearer /, "") ?? "";
    const profile = profiles[token];
    if (!profile) return new Response("{}", { status: 401 });
    return Response.json({ blocked: false, groups: ["user"], ...profile });
  };
}

/** The app's `request` with the wiki's profiles set per access token. */
export type IdentityApp = (
  profiles: Record<string, Profile>,
  clock: { now: Date },
) => {
  request(path: string, init?: { method?: string; token?: string; body?: unknown }): Response | Promise<Response>;
};

export function identityCases(makeApp: IdentityApp) {
  const profiles: Record<string, Profile> = { "t-coord": { sub: 1, username: "Coord One" } };
  const clock = { now: new Date() };
  const app = makeApp(profiles, clock);
  const send = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
    app.request(path, init);
  async function oauthSignIn(token: string): Promise<{ token: string; user: { id: string; name: string } }> {
    const res = await send("/session", { method: "POST", body: { accessToken: token } });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json() as Promise<{ token: string; user: { id: string; name: string } }>;
  }
  const me = async (token: string) =>
    (await (await send("/me", { token })).json()) as {
      user: { id: string; name: string };
      roles: { coordinator: boolean; canWrite: boolean };
      affiliates: Array<{ affiliate: string; status: string }>;
    };

  describe("who a user is", () => {
    it("keeps the wiki's name exactly as given: ßabine is not SSabine and gets none of SSabine's roles", async () => {
      profiles["t-ss"] = { sub: 1001, username: "SSabine" };
      profiles["t-sz"] = { sub: 1002, username: "ßabine" };
      const coord = await oauthSignIn("t-coord");
      const affiliate = `identity-${crypto.randomUUID().slice(0, 6)}`;
      const made = await send("/affiliates", {
        method: "POST",
        token: coord.token,
        body: { id: affiliate, name: "Identity Affiliate", kind: "chapter", wikiPage: "m:Identity" },
      });
      expect(made.status).toBe(201);
      const verified = await send(`/affiliates/${affiliate}/representatives`, {
        method: "POST",
        token: coord.token,
        body: { username: "SSabine" },
      });
      expect(verified.status).toBe(200);

      const sabine = await oauthSignIn("t-sz");
      expect(sabine.user).toEqual({ id: "1002", name: "ßabine", blocked: false });
      expect((await me(sabine.token)).affiliates).toEqual([]);
      const ss = await oauthSignIn("t-ss");
      expect((await me(ss.token)).affiliates.map((a) => `${a.affiliate}:${a.status}`)).toEqual([
        `${affiliate}:verified`,
      ]);
    });

    it("keeps roles across a global rename: they follow the central id, and the current name is shown", async () => {
      profiles["t-before"] = { sub: 2001, username: "Old Name" };
      const coord = await oauthSignIn("t-coord");
      const affiliate = `rename-${crypto.randomUUID().slice(0, 6)}`;
      await send("/affiliates", {
        method: "POST",
        token: coord.token,
        body: { id: affiliate, name: "Rename Affiliate", kind: "chapter", wikiPage: "m:Rename" },
      });
      await send(`/affiliates/${affiliate}/representatives`, {
        method: "POST",
        token: coord.token,
        body: { username: "Old Name" },
      });
      await oauthSignIn("t-before"); // binds the role to id 2001
      profiles["t-after"] = { sub: 2001, username: "New Name" };
      const renamed = await oauthSignIn("t-after");
      expect(renamed.user.name).toBe("New Name");
      expect((await me(renamed.token)).affiliates.map((a) => a.affiliate)).toEqual([affiliate]);
      const shown = (await (await send(`/affiliates/${affiliate}`, { token: coord.token })).json()) as {
        representatives: Array<{ user: string }>;
      };
      expect(shown.representatives.map((r) => r.user)).toEqual(["New Name"]);
      // Someone who takes the old name later is somebody else.
      profiles["t-usurper"] = { sub: 2002, username: "Old Name" };
      expect((await me((await oauthSignIn("t-usurper")).token)).affiliates).toEqual([]);
    });
  });

  describe("a block during a session", () => {
    it("is noticed within 15 minutes: writes are refused from the next check on", async () => {
      profiles["t-later-blocked"] = { sub: 3001, username: "Later Blocked" };
      const session = await oauthSignIn("t-later-blocked");
      expect((await me(session.token)).roles).toMatchObject({ canWrite: true });
      profiles["t-later-blocked"] = { sub: 3001, username: "Later Blocked", blocked: true };
      // Within the check's 15 minutes the earlier answer holds (no wiki request per API call)…
      clock.now = new Date(clock.now.getTime() + 10 * 60_000);
      expect((await me(session.token)).roles).toMatchObject({ canWrite: true });
      // …and past them the wiki is asked again.
      clock.now = new Date(clock.now.getTime() + 6 * 60_000);
      expect((await me(session.token)).roles).toMatchObject({ canWrite: false });
      const write = await send("/partners", { method: "POST", token: session.token, body: {} });
      expect(write.status).toBe(403);
    });

    it("holds for claims, which are made in one round trip: refused once the check is due and the wiki says blocked", async () => {
      // Sessions start now (a token issued in the future is refused).
      clock.now = new Date();
      profiles["t-claim-blocked"] = { sub: 3003, username: "Claim Later Blocked" };
      const coord = await oauthSignIn("t-coord");
      const affiliate = `identity-${crypto.randomUUID().slice(0, 6)}`;
      const made = await send("/affiliates", {
        method: "POST",
        token: coord.token,
        body: { id: affiliate, name: "Claiming Affiliate", kind: "chapter", wikiPage: "m:Claiming" },
      });
      expect(made.status).toBe(201);
      const session = await oauthSignIn("t-claim-blocked");
      const refer = async () => {
        const res = await send("/partners", { method: "POST", token: coord.token, body: partnerInput() });
        expect(res.status, await res.clone().text()).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      const claim = async (partner: string) =>
        send(`/partners/${partner}/claims`, { method: "POST", token: session.token, body: { affiliate, message: "" } });
      const first = await refer();
      profiles["t-claim-blocked"] = { sub: 3003, username: "Claim Later Blocked", blocked: true };
      clock.now = new Date(clock.now.getTime() + 10 * 60_000);
      const firstClaim = await claim(first);
      expect(firstClaim.status, await firstClaim.clone().text()).toBe(201);
      clock.now = new Date(clock.now.getTime() + 6 * 60_000);
      const second = await refer();
      expect((await claim(second)).status).toBe(403);
      const detail = (await (await send(`/partners/${second}`)).json()) as { claims: unknown[] };
      expect(detail.claims).toEqual([]);
    });

    it("ends the session when the wiki no longer accepts its access token", async () => {
      profiles["t-expiring"] = { sub: 3002, username: "Expiring Token" };
      const session = await oauthSignIn("t-expiring");
      delete profiles["t-expiring"];
      clock.now = new Date(clock.now.getTime() + 16 * 60_000);
      expect((await send("/me", { token: session.token })).status).toBe(401);
    });
  });

  describe("names as a person types them (dev login, forms, COORDINATORS)", () => {
    it("turn underscores into spaces and upper-case a first letter only where that gives one character", () => {
      expect(normaliseUserName("dev_user")).toBe("Dev user");
      expect(normaliseUserName("ßabine")).toBe("ßabine");
      expect(normaliseUserName("ŉono")).toBe("ŉono"); // would become two characters
      expect(normaliseUserName("ﬁona")).toBe("ﬁona"); // a ligature stays
      expect(normaliseUserName("éva  _x")).toBe("Éva x");
      expect(normaliseUserName("𐐨ost")).toBe("𐐀ost"); // outside the BMP, one character
    });

    it("signs in through the dev login with that name", async () => {
      const res = await send("/session/dev", { method: "POST", body: { username: "ßabine_dev" } });
      expect(((await res.json()) as { user: { name: string } }).user.name).toBe("ßabine dev");
    });
  });
}
