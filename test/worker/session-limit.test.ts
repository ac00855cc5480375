import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app.ts";
import type { Deps } from "../../worker/context.ts";
import { workerDeps, type WorkerEnv } from "../../worker/index.ts";
import { tableLimiter } from "../../worker/storage/rate.ts";
import { expectError } from "../api/helpers.ts";

describe("POST /session limits", () => {
  const profileFetch = async () =>
    new Response(JSON.stringify({ sub: 7, username: "Sign In Person", blocked: false }), {
      headers: { "Content-Type": "application/json" },
    });
  const appWith = (change: (d: Deps) => Partial<Deps>, bindings: Record<string, unknown> = {}) =>
    createApp({
      getDeps: (e) => {
        const d = workerDeps({ ...(e as WorkerEnv), ...bindings });
        return { ...d, fetch: profileFetch, ...change(d) };
      },
    });
  const post = (app: ReturnType<typeof createApp>, ip: string | null) =>
    app.request(
      "http://127.0.0.1/api/v1/session",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(ip === null ? {} : { "CF-Connecting-IP": ip }) },
        body: JSON.stringify({ accessToken: "wiki-access-token" }),
      },
      env,
    );

  it("answers 429 with Retry-After past the per-address limit, and counts addresses separately", async () => {
    const now = new Date("2026-11-26T10:00:20Z");
    const app = appWith((d) => ({ now: () => now, sessionLimiter: tableLimiter(d.db, 2, () => now) }));
    expect((await post(app, "198.51.100.1")).status).toBe(200);
    expect((await post(app, "198.51.100.1")).status).toBe(200);
    const limited = await post(app, "198.51.100.1");
    const error = await expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("40");
    expect(error.details).toEqual({ retryAfter: 40 });
    expect((await post(app, "198.51.100.2")).status).toBe(200);
  });

  it("does not limit per address where CF-Connecting-IP is missing (no shared bucket for everyone)", async () => {
    const now = new Date("2026-11-26T10:00:20Z");
    const app = appWith((d) => ({ now: () => now, sessionLimiter: tableLimiter(d.db, 2, () => now) }));
    for (let i = 0; i < 5; i++) expect((await post(app, null)).status).toBe(200);
  });

  it("uses the SESSION_LIMITER binding where it is declared", async () => {
    const keys: string[] = [];
    const binding = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: keys.length < 2 }) };
    const app = appWith(() => ({}), { SESSION_LIMITER: binding });
    expect((await post(app, "203.0.113.9")).status).toBe(200);
    const limited = await post(app, "203.0.113.9");
    await expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect(keys).toEqual(["session:203.0.113.9", "session:203.0.113.9"]);
  });
});
