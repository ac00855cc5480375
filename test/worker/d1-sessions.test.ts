/**
 * Reads through D1's Sessions API: every answer carries the session's bookmark, a client that
 * sends it back continues from there, and a bookmark D1 cannot use is treated as none.
 */
import { describe, expect, it } from "vitest";
import { call, partnerInput, signIn } from "../api/helpers.ts";

const BOOKMARK = "X-D1-Bookmark";

describe("D1 sessions and bookmarks", () => {
  it("returns a bookmark on reads and writes, and takes one back", async () => {
    const read = await call("GET", "/partners");
    expect(read.headers.get(BOOKMARK)).toBeTruthy();
    const token = await signIn("Bookmark Writer");
    const write = await call("POST", "/partners", { token, body: partnerInput() });
    expect(write.status).toBe(201);
    const afterWrite = write.headers.get(BOOKMARK)!;
    expect(afterWrite).toBeTruthy();
    const { id } = await write.json<{ id: string }>();
    const again = await call("GET", `/partners/${id}`, { headers: { [BOOKMARK]: afterWrite } });
    expect(again.status).toBe(200);
    expect(again.headers.get(BOOKMARK)! >= afterWrite).toBe(true);
  });

  it("exposes the header to the wiki's pages through CORS", async () => {
    const res = await call("GET", "/partners", { headers: { Origin: "https://meta.wikimedia.org" } });
    expect(res.headers.get("Access-Control-Expose-Headers")?.toLowerCase()).toContain("x-d1-bookmark");
  });

  it("answers normally when the bookmark is not one D1 gave out", async () => {
    const res = await call("GET", "/partners", { headers: { [BOOKMARK]: "not-a-bookmark" } });
    expect(res.status).toBe(200);
  });
});
