import { describe, expect, it } from "vitest";
import { ApiError, Health } from "../../shared/api.ts";
import { call, bodyOf } from "./helpers.ts";

describe("GET /health", () => {
  it("answers with status and version", async () => {
    const res = await call("GET", "/health");
    expect(res.status).toBe(200);
    expect(await bodyOf(res, Health)).toMatchObject({ status: "ok", version: expect.any(String) });
  });

  it("answers unknown routes with the error shape", async () => {
    const res = await call("GET", "/no-such-route");
    expect(res.status).toBe(404);
    expect(await bodyOf(res, ApiError)).toMatchObject({ error: { code: "not_found" } });
  });
});
