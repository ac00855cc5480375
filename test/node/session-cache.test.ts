/**
 * readSession keeps the verdict on a token's signature (the HMAC check was the largest cost of a
 * signed-in request): what it keeps must never make a token good that the check would refuse.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { issueSession, readSession } from "../../worker/auth/session.ts";

const SECRET = "a".repeat(64);
const user = { id: "dev:Cache user", name: "Cache user", blocked: false };

afterEach(() => {
  vi.useRealTimers();
});

describe("readSession after it verified a token once", () => {
  it("still refuses the token once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-03-01T12:00:00Z");
    vi.setSystemTime(start);
    const { token } = await issueSession(SECRET, user, "dev", 60, start);
    expect((await readSession(SECRET, token))?.user).toEqual(user);
    vi.setSystemTime(new Date(start.getTime() + 59_000));
    expect((await readSession(SECRET, token))?.user).toEqual(user);
    vi.setSystemTime(new Date(start.getTime() + 60_000));
    expect(await readSession(SECRET, token)).toBeNull();
  });

  it("accepts it only under the secret that signed it", async () => {
    const { token } = await issueSession(SECRET, user, "dev", 600, new Date());
    expect(await readSession(SECRET, token)).not.toBeNull();
    expect(await readSession("b".repeat(64), token)).toBeNull();
  });

  it("refuses the token with its claims changed", async () => {
    const { token } = await issueSession(SECRET, user, "dev", 600, new Date());
    expect(await readSession(SECRET, token)).not.toBeNull();
    const [header, claims, signature] = token.split(".") as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), blk: true }),
    ).toString("base64url");
    expect(await readSession(SECRET, `${header}.${forged}.${signature}`)).toBeNull();
  });

  it("gives every request the same unchangeable session", async () => {
    const { token } = await issueSession(SECRET, user, "dev", 600, new Date());
    const first = await readSession(SECRET, token);
    const again = await readSession(SECRET, token);
    expect(again).toEqual(first);
    expect(Object.isFrozen(again) && Object.isFrozen(again?.user)).toBe(true);
  });
});
