import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("smoke", () => {
  it("answers health", async () => {
    const res = await exports.default.fetch("http://127.0.0.1/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
  it("guard aborts a batch when the change before it touched no row", async () => {
    const db = env.DB;
    await expect(
      db.batch([
        db.prepare("UPDATE claim SET version = version + 1 WHERE id = -1"),
        db.prepare("INSERT INTO event (at, actor, type, data) VALUES ('x','y', CASE WHEN changes() = 1 THEN 't' END, '{}')"),
      ]),
    ).rejects.toThrow(/NOT NULL constraint failed: event\.type/);
    const n = await db.prepare("SELECT count(*) AS n FROM event").first<{ n: number }>();
    expect(n?.n).toBe(0);
  });
});
