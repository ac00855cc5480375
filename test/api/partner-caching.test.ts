/** `GET /partners/{id}` depends on who asks: no shared cache keeps it, and the two views never share an ETag. */
import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { call, COORDINATOR, bodyOf, makePartner, signIn } from "./helpers.ts";

const varies = (res: Response) => (res.headers.get("Vary") ?? "").split(/\s*,\s*/).map((v) => v.toLowerCase());

describe("GET /partners/{id} caching", () => {
  it("is private, varies on Authorization, and tags the private view apart from the public one", async () => {
    const id = await makePartner();
    const anonymous = await call("GET", `/partners/${id}`);
    const coordinator = await call("GET", `/partners/${id}`, { token: await signIn(COORDINATOR) });
    const stranger = await call("GET", `/partners/${id}`, { token: await signIn("Passer By") });
    expect((await bodyOf(anonymous, PartnerDetail)).contact).toBeUndefined();
    expect((await bodyOf(coordinator, PartnerDetail)).contact).toBeDefined();
    for (const res of [anonymous, coordinator, stranger]) {
      expect(res.headers.get("Cache-Control")).toMatch(/\b(private|no-store)\b/);
      expect(varies(res)).toContain("authorization");
    }
    expect(coordinator.headers.get("ETag")).not.toBe(anonymous.headers.get("ETag"));
    // The same public view has the same tag, whoever asks.
    expect(stranger.headers.get("ETag")).toBe(anonymous.headers.get("ETag"));
  });

  it("takes either view's ETag as If-Match for an edit", async () => {
    const id = await makePartner();
    const token = await signIn(COORDINATOR);
    const etag = (await call("GET", `/partners/${id}`, { token })).headers.get("ETag")!;
    const edited = await call("PATCH", `/partners/${id}`, {
      token,
      body: { summary: "Edited" },
      headers: { "If-Match": etag },
    });
    expect(edited.status).toBe(200);
    const publicTag = (await call("GET", `/partners/${id}`)).headers.get("ETag")!;
    const again = await call("PATCH", `/partners/${id}`, {
      token,
      body: { summary: "Again" },
      headers: { "If-Match": publicTag },
    });
    expect(again.status).toBe(200);
  });

  it("the CSV export varies on Authorization too (coordinators get contacts)", async () => {
    const res = await call("GET", "/export/partners.csv");
    expect(varies(res)).toContain("authorization");
  });
});
