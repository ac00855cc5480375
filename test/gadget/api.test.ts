import { describe, expect, it } from "vitest";
import { createBackend } from "../../gadget/src/api/backend.ts";
import { readBackend } from "../../gadget/src/api/backend-kit.ts";
import { loadDirectory, readMirror } from "../../gadget/src/api/directory-source.ts";
import { BackendError } from "../../gadget/src/api/errors.ts";
import { getSession, setSignInProvider, signIn, signOut } from "../../gadget/src/auth/session.ts";
import { readConfig } from "../../gadget/src/config.ts";
import { affiliate, apiError, fakeBackend, fakeWiki, json, mirrorPage, on, partner } from "./fixtures.tsx";

const backendWith = (f: ReturnType<typeof fakeBackend>, token: string | null = "tok") =>
  createBackend({ baseUrl: "http://127.0.0.1:8787", getToken: () => token, fetch: f.fetch });

describe("backend client", () => {
  it("sends the session token as a Bearer and an Api-User-Agent", async () => {
    const f = fakeBackend(on("GET", "/me", () => json(200, { ok: true })));
    await backendWith(f).me();
    expect(f.calls[0]?.headers).toMatchObject({ Authorization: "Bearer tok", "Api-User-Agent": expect.any(String) });
  });

  it.each([
    [409, "claim_conflict", "conflict"],
    [403, "forbidden", "forbidden"],
    [422, "validation_failed", "validation"],
    [401, "unauthorized", "unauthorized"],
    [503, "internal", "server"],
  ])("turns %i %s into a typed error (%s)", async (status, code, kind) => {
    const f = fakeBackend(() => apiError(status, code, "the message"));
    const err = await backendWith(f)
      .me()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ kind, code, status, message: "the message" });
  });

  it("reads Retry-After from a 429", async () => {
    const f = fakeBackend(() =>
      json(429, { error: { code: "rate_limited", message: "slow down" } }, { "Retry-After": "17" }),
    );
    await expect(backendWith(f).me()).rejects.toMatchObject({ kind: "rate_limited", retryAfter: 17 });
  });

  it("reports a failed connection as a network error", async () => {
    const backend = createBackend({
      baseUrl: "http://127.0.0.1:1",
      getToken: () => null,
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await expect(backend.me()).rejects.toMatchObject({ kind: "network" });
  });

  it("survives a non-JSON error page", async () => {
    const f = fakeBackend(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(backendWith(f).me()).rejects.toMatchObject({ kind: "server", status: 502 });
  });
});

describe("directory source", () => {
  const a = affiliate({ id: "wmde" });
  const p1 = partner({ id: "one" });
  const p2 = partner({ id: "two" });

  it("reads the mirror's JSON page from the wiki", async () => {
    const wiki = fakeWiki({ "Hub/Directory.json": mirrorPage([p1], [a]) });
    const d = await readMirror(wiki, "Hub/Directory");
    expect(d).toMatchObject({ source: "mirror", partners: [p1], affiliates: [a] });
    expect(wiki.requests[0]).toMatchObject({ action: "query", prop: "revisions", rvslots: "main", formatversion: 2 });
  });

  it("reads a split directory's parts in order", async () => {
    const wiki = fakeWiki({
      "Hub/Directory.json": { ...mirrorPage([], [a]), parts: ["Hub/Directory.json/1", "Hub/Directory.json/2"] },
      "Hub/Directory.json/1": mirrorPage([p1]),
      "Hub/Directory.json/2": mirrorPage([p2]),
    });
    expect((await readMirror(wiki, "Hub/Directory")).partners.map((p) => p.id)).toEqual(["one", "two"]);
    // One part per request: five 2 MiB parts in one answer would pass the API's 8 MiB result limit.
    expect(wiki.requests.map((r) => r.titles)).toEqual([
      "Hub/Directory.json",
      "Hub/Directory.json/1",
      "Hub/Directory.json/2",
    ]);
  });

  it("never asks the backend when not allowed, even if the mirror is missing", async () => {
    const f = fakeBackend();
    await expect(
      loadDirectory({
        source: "mirror",
        api: fakeWiki({}),
        prefix: "X",
        fromBackend: null,
      }),
    ).rejects.toThrow();
    expect(f.calls).toHaveLength(0);
  });

  it("falls back to the backend's pages when allowed", async () => {
    const f = fakeBackend(
      on("GET", /^\/partners\?limit=500$/, () => json(200, { partners: [p1], total: 2, nextCursor: "c1" })),
      on("GET", /cursor=c1/, () => json(200, { partners: [p2], total: 2, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [a] })),
    );
    const d = await loadDirectory({
      source: "mirror",
      api: fakeWiki({}),
      prefix: "X",
      fromBackend: () => readBackend(backendWith(f)),
    });
    expect(d).toMatchObject({ source: "backend", affiliates: [a] });
    expect(d.partners.map((p) => p.id)).toEqual(["one", "two"]);
  });
});

describe("session and configuration", () => {
  it("stores the session in sessionStorage until it expires or the user signs out", async () => {
    setSignInProvider(async () => ({
      token: "t",
      expiresAt: "2999-01-01T00:00:00Z",
      user: { id: "dev:A", name: "A", blocked: false },
    }));
    await signIn();
    expect(getSession()?.token).toBe("t");
    expect(getSession(Date.parse("3000-01-01"))).toBeNull();
    await signIn();
    signOut();
    expect(getSession()).toBeNull();
  });

  it("reads configuration from the wiki and the mount point over defaults", () => {
    const el = document.createElement("div");
    el.setAttribute("data-backend", "https://hub.toolforge.org/");
    const c = readConfig(el, { mirrorPrefix: "P", directorySource: "bogus" });
    expect(c).toMatchObject({
      backendUrl: "https://hub.toolforge.org",
      mirrorPrefix: "P",
      directorySource: "mirror",
      backendReadBeforeSignIn: false,
    });
  });
});
