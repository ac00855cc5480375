import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app.ts";
import { workerDeps, type WorkerEnv } from "../../worker/index.ts";
import { tableLimiter } from "../../worker/storage/rate.ts";
import { expectError, makeAffiliate, makePartner, partnerInput, signIn, snapshot } from "../api/helpers.ts";

describe("write limits", () => {
  it("answers 429 with Retry-After past the per-user limit, and counts users separately", async () => {
    let now = new Date("2026-11-26T10:00:05Z");
    const app = createApp({
      getDeps: (e) => {
        const d = workerDeps(e as WorkerEnv);
        return { ...d, now: () => now, limiter: tableLimiter(d.db, 3, () => now) };
      },
    });
    const post = async (user: string) =>
      app.request(
        "http://127.0.0.1/api/v1/partners",
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${await signIn(user)}` },
          body: JSON.stringify(partnerInput()),
        },
        env,
      );
    for (let i = 0; i < 3; i++) expect((await post("Busy Bee")).status).toBe(201);
    const before = await snapshot();
    const limited = await post("Busy Bee");
    await expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("55");
    expect(await snapshot()).toBe(before);
    expect((await post("Calm Person")).status).toBe(201);
    now = new Date("2026-11-26T10:01:01Z");
    expect((await post("Busy Bee")).status).toBe(201);
  });

  it("holds for claims, which count the limit in their one batch: past it, 429 and nothing written", async () => {
    const now = new Date("2026-11-26T10:00:05Z");
    const app = createApp({
      getDeps: (e) => {
        const d = workerDeps(e as WorkerEnv);
        return { ...d, now: () => now, limiter: tableLimiter(d.db, 2, () => now) };
      },
    });
    const affiliate = await makeAffiliate();
    const partners = [await makePartner(), await makePartner(), await makePartner()];
    const token = await signIn("Claim Bee");
    const claim = (partner: string) =>
      app.request(
        `http://127.0.0.1/api/v1/partners/${partner}/claims`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ affiliate, message: "We can" }),
        },
        env,
      );
    expect((await claim(partners[0]!)).status).toBe(201);
    expect((await claim(partners[1]!)).status).toBe(201);
    const before = await snapshot();
    const limited = await claim(partners[2]!);
    await expectError(limited, 429, "rate_limited");
    expect(await snapshot()).toBe(before);
  });
});
