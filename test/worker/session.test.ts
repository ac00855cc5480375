import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { Me, SessionResponse } from "../../shared/api.ts";
import { createApp } from "../../worker/app.ts";
import { issueSession, SESSION_AUDIENCE, SESSION_ISSUER } from "../../worker/auth/session.ts";
import type { Deps } from "../../worker/context.ts";
import { workerDeps, type WorkerEnv } from "../../worker/index.ts";
import { call, expectError, bodyOf } from "../api/helpers.ts";

/** A key nobody configured: tokens signed with it must be refused. */
const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

const SECRET = (env as unknown as { SESSION_SECRET: string }).SESSION_SECRET;

function appWith(change: (d: Deps) => Deps) {
  return createApp({ getDeps: (e) => change(workerDeps(e as WorkerEnv)) });
}

describe("POST /session/dev", () => {
  it("issues a session that /me accepts", async () => {
    const res = await call("POST", "/session/dev", { body: { username: "dev_user" } });
    expect(res.status).toBe(200);
    const session = await bodyOf(res, SessionResponse);
    expect(session.user).toEqual({ id: "dev:Dev user", name: "Dev user", blocked: false });
    const me = await bodyOf(await call("GET", "/me", { token: session.token }), Me);
    expect(me).toMatchObject({
      user: { name: "Dev user" },
      roles: { coordinator: false, canWrite: true },
      affiliates: [],
    });
  });

  it("is refused when the deployment does not enable it", async () => {
    const app = appWith((d) => ({ ...d, config: { ...d.config, devLogin: false } }));
    const res = await app.request(
      "http://127.0.0.1/api/v1/session/dev",
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "x" }),
      },
      env,
    );
    await expectError(res, 404, "not_found");
  });

  it("is refused from anywhere but loopback", async () => {
    await expectError(
      await call("POST", "/session/dev", { body: { username: "x" }, base: "https://partnerhub.example.org/api/v1" }),
      403,
      "forbidden",
    );
    await expectError(
      await call("POST", "/session/dev", { body: { username: "x" }, headers: { "CF-Connecting-IP": "203.0.113.7" } }),
      403,
      "forbidden",
    );
    const ok = await call("POST", "/session/dev", {
      body: { username: "x" },
      headers: { "CF-Connecting-IP": "127.0.0.1" },
    });
    expect(ok.status).toBe(200);
  });
});

describe("session tokens", () => {
  const now = new Date();
  it("refuses an expired session", async () => {
    const { token } = await issueSession(
      SECRET,
      { id: "1", name: "Old", blocked: false },
      "oauth",
      60,
      new Date(now.getTime() - 3_600_000),
    );
    await expectError(await call("GET", "/me", { token }), 401, "unauthorized");
  });

  it("refuses a token signed with another secret", async () => {
    const { token } = await issueSession(randomHex(32), { id: "1", name: "Forger", blocked: false }, "oauth", 600, now);
    await expectError(await call("GET", "/me", { token }), 401);
  });

  it("refuses a token of another audience or issuer", async () => {
    const iat = Math.floor(now.getTime() / 1000);
    const base = { sub: "1", name: "Other", blk: false, src: "oauth", iat, exp: iat + 600, jti: "j" };
    for (const claims of [
      { ...base, aud: "another-app", iss: SESSION_ISSUER },
      { ...base, aud: SESSION_AUDIENCE, iss: "someone-else" },
    ]) {
      const token = await sign(claims, SECRET, "HS256");
      await expectError(await call("GET", "/me", { token }), 401);
    }
  });

  it("refuses alg=none", async () => {
    const enc = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const iat = Math.floor(now.getTime() / 1000);
    const token = `${enc({ alg: "none", typ: "JWT" })}.${enc({ sub: "1", name: "X", src: "dev", aud: SESSION_AUDIENCE, iss: SESSION_ISSUER, exp: iat + 600, jti: "j" })}.`;
    await expectError(await call("GET", "/me", { token }), 401);
  });

  it("/me without a session is 401", async () => {
    await expectError(await call("GET", "/me"), 401, "unauthorized");
  });
});

describe("POST /session (Wikimedia OAuth 2)", () => {
  const profileApp = (profile: unknown, status = 200) =>
    appWith((d) => ({
      ...d,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input instanceof Request ? input.url : input);
        expect(url).toBe(`${d.config.wikiScriptUrl}/rest.php/oauth2/resource/profile`);
        expect(new Headers(init?.headers).get("Authorization")).toBe("Bearer wiki-access-token");
        expect(new Headers(init?.headers).get("User-Agent")).toMatch(
          /^partnerhub\/\S+ \(https:\/\/meta\.wikimedia\.org\//,
        );
        return new Response(JSON.stringify(profile), { status, headers: { "Content-Type": "application/json" } });
      },
    }));
  const post = (app: ReturnType<typeof appWith>) =>
    app.request(
      "http://127.0.0.1/api/v1/session",
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ accessToken: "wiki-access-token" }),
      },
      env,
    );

  it("trades a valid access token for a session under the wiki's user name and id", async () => {
    const res = await post(
      profileApp({ sub: 4242, username: "wiki person", blocked: false, groups: ["user"], editcount: 12 }),
    );
    expect(res.status).toBe(200);
    const s = await bodyOf(res, SessionResponse);
    // As the wiki gave it: no re-normalising (a wiki with a lower-case first letter keeps it).
    expect(s.user).toEqual({ id: "4242", name: "wiki person", blocked: false });
  });

  it("refuses blocked users", async () => {
    await expectError(await post(profileApp({ sub: 1, username: "Vandal", blocked: true })), 403, "forbidden");
  });

  it("refuses hidden users: hiding is a block with hideuser, which the profile reports as blocked", async () => {
    await expectError(
      await post(profileApp({ sub: 2, username: "Hidden", blocked: true, groups: ["user"] })),
      403,
      "forbidden",
    );
  });

  it("refuses a token the wiki does not accept", async () => {
    await expectError(await post(profileApp({ error: "invalid_token" }, 401)), 401, "unauthorized");
  });

  it("refuses a token that cannot be one (a control character) as invalid, without asking the wiki", async () => {
    const res = await call("POST", "/session", { body: { accessToken: "abc\u0000def" } });
    await expectError(res, 422, "validation_failed");
  });
});
