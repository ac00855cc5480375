/**
 * The client address on both runtimes, as far as the runtime vouches for it: the dev login needs a
 * real loopback client (not a `Host` header, not a missing address), and without an address the
 * per-address sign-in limit does not apply rather than putting every caller into one bucket.
 */
import { describe, expect, it } from "vitest";
import { call, expectError } from "./helpers.ts";

const devLogin = (opts: { from?: string | null; host?: string; base?: string }) =>
  call("POST", "/session/dev", {
    body: { username: "Loopback Tester" },
    from: opts.from,
    base: opts.base,
    headers: opts.host ? { Host: opts.host } : {},
  });

describe("POST /session/dev and the client address", () => {
  it("accepts a loopback client (IPv4, IPv6 and IPv4-mapped) addressed to a loopback host", async () => {
    for (const from of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await devLogin({ from })).status, from).toBe(200);
    }
  });

  it("refuses when the runtime cannot tell who is asking, whatever the Host header says", async () => {
    await expectError(await devLogin({ from: null }), 403, "forbidden");
    await expectError(await devLogin({ from: null, base: "http://localhost/api/v1", host: "localhost" }), 403);
  });

  it("refuses a client that is not on loopback, and a loopback client addressed to another host", async () => {
    await expectError(await devLogin({ from: "203.0.113.7" }), 403, "forbidden");
    await expectError(await devLogin({ from: "127.0.0.1", base: "https://partnerhub.example.org/api/v1" }), 403);
  });
});

describe("POST /session without a client address", () => {
  it("does not put all such callers into one rate-limit bucket", async () => {
    // The wiki behind WIKI_SCRIPT_URL is unreachable in this suite: each attempt reaches it (502),
    // none is refused by the per-address limit (429), far past SESSIONS_PER_MINUTE (10).
    for (let i = 0; i < 15; i++) {
      const res = await call("POST", "/session", { body: { accessToken: `token-${i}` }, from: null });
      expect(res.status, `attempt ${i + 1}`).not.toBe(429);
    }
  });
});
