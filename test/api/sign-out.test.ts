/** Sign-out on both runtimes: DELETE /session revokes the token until it would have expired. */
import { describe, expect, it } from "vitest";
import { SessionResponse } from "../../shared/api.ts";
import { call, db, expectError, bodyOf } from "./helpers.ts";

const devSession = async (username: string, blocked = false) =>
  (await bodyOf(await call("POST", "/session/dev", { body: { username, blocked } }), SessionResponse)).token;

describe("DELETE /session (sign-out)", () => {
  it("refuses the signed-out token from then on, and only that one", async () => {
    const first = await devSession("Leaving User");
    const second = await devSession("Leaving User");
    expect((await call("GET", "/me", { token: first })).status).toBe(200);

    expect((await call("DELETE", "/session", { token: first })).status).toBe(204);
    const error = await expectError(await call("GET", "/me", { token: first }), 401, "unauthorized");
    expect(error.message).toMatch(/signed out/);
    await expectError(await call("POST", "/partners", { token: first, body: {} }), 401, "unauthorized");
    const claimed = await call("POST", "/partners/any-partner/claims", {
      token: first,
      body: { affiliate: "any-affiliate", message: "" },
    });
    await expectError(claimed, 401, "unauthorized");
    await expectError(await call("DELETE", "/session", { token: first }), 401, "unauthorized");
    expect((await call("GET", "/me", { token: second })).status).toBe(200);
  });

  it("needs a session", async () => {
    await expectError(await call("DELETE", "/session"), 401, "unauthorized");
  });

  it("lets a blocked user sign out", async () => {
    const token = await devSession("Blocked Leaver", true);
    expect((await call("DELETE", "/session", { token })).status).toBe(204);
    await expectError(await call("GET", "/me", { token }), 401);
  });

  it("keeps a revocation only until the token would have expired", async () => {
    await db.prepare("INSERT INTO revoked_session (jti, expires_at) VALUES ('long-gone', 1)").run();
    expect((await call("DELETE", "/session", { token: await devSession("Tidy User") })).status).toBe(204);
    expect(await db.prepare("SELECT 1 FROM revoked_session WHERE jti = 'long-gone'").first()).toBeNull();
  });
});
