/** CORS, ETags, pagination, filters, the CSV export, the OpenAPI document, the event feed. */
import { describe, expect, it } from "vitest";
import { Affiliate } from "../../shared/schemas.ts";
import { CoordinatorList, EventList, Me, MirrorStatus, PartnerList, RoleResult } from "../../shared/api.ts";
import { csvCell, csvDocument } from "../../worker/export/csv.ts";
import {
  act,
  call,
  COORDINATOR,
  expectError,
  bodyOf,
  OpenApiDocument,
  makeAffiliate,
  makeClaim,
  makePartner,
  signIn,
} from "./helpers.ts";

describe("CORS", () => {
  it("allows the configured wiki origin, also on errors and preflights", async () => {
    const origin = "https://meta.wikimedia.org";
    const ok = await call("GET", "/health", { headers: { Origin: origin } });
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    const err = await call("GET", "/partners/nope-nope", { headers: { Origin: origin } });
    expect(err.status).toBe(404);
    expect(err.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    const unauth = await call("POST", "/partners", { headers: { Origin: origin }, body: {} });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    const pre = await call("OPTIONS", "/partners", {
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get("Access-Control-Allow-Methods")).toContain("PATCH");
    expect(pre.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
  });

  it("does not allow other origins", async () => {
    const res = await call("GET", "/health", { headers: { Origin: "https://evil.example" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("GET /partners", () => {
  it("filters, counts, sorts and pages with a cursor, without gaps or repeats", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        await makePartner({
          name: `Paging ${tag} ${String.fromCharCode(71 - i)}`,
          kind: i % 2 ? "library" : "archive",
          country: i < 4 ? "FR" : "IT",
          languages: ["fr"],
        }),
      );
    }
    const all = await bodyOf(await call("GET", `/partners?q=${tag}&limit=100`), PartnerList);
    expect(all.total).toBe(7);
    const names: string[] = all.partners.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PartnerList = await bodyOf(
        await call("GET", `/partners?q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ""}`),
        PartnerList,
      );
      expect(page.total).toBe(7);
      seen.push(...page.partners.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.partners.map((p) => p.id));

    const libraries = await bodyOf(await call("GET", `/partners?q=${tag}&kind=library&country=FR`), PartnerList);
    expect(libraries.partners.every((p) => p.kind === "library" && p.country === "FR")).toBe(true);
    expect(libraries.total).toBe(2);
    const desc = await bodyOf(await call("GET", `/partners?q=${tag}&sort=-name&limit=2`), PartnerList);
    expect(desc.partners[0]?.name).toBe(names.at(-1));
  });

  it("filters by derived status and by language prefix", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const affiliate = await makeAffiliate();
    const matched = await makePartner({ name: `Status ${tag} matched`, languages: ["pt-BR"] });
    await makePartner({ name: `Status ${tag} open`, languages: ["es"] });
    const claim = await makeClaim(matched, affiliate, "Status Tester");
    await act("accept", claim.id, COORDINATOR);
    const m = await bodyOf(await call("GET", `/partners?q=${tag}&status=matched`), PartnerList);
    expect(m.partners.map((p) => p.id)).toEqual([matched]);
    const pt = await bodyOf(await call("GET", `/partners?q=${tag}&language=pt`), PartnerList);
    expect(pt.partners.map((p) => p.id)).toEqual([matched]);
  });

  it("answers 304 to a matching If-None-Match, and a new ETag after a change", async () => {
    const first = await call("GET", "/partners?limit=5");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await call("GET", "/partners?limit=5", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    await makePartner({ name: "Aaaa first in line" });
    const changed = await call("GET", "/partners?limit=5", { headers: { "If-None-Match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });
});

describe("CSV export", () => {
  it("quotes cells and neutralises formulas", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const f of ["+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(f).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(["a", "b"])).toBe("a; b");
    expect(csvDocument(["a"], [["line\nbreak"]])).toBe('a\r\n"line\nbreak"\r\n');
  });

  it("gives the public columns to everyone and contacts only to coordinators", async () => {
    await makePartner({ name: "=cmd|' /C calc'!A0" });
    const pub = await call("GET", "/export/partners.csv");
    expect(pub.headers.get("Content-Type")).toContain("text/csv");
    const text = await pub.text();
    expect(text.split("\r\n")[0]).not.toContain("contact_email");
    expect(text).not.toContain("erika@example.org");
    expect(text).toContain("'=cmd|' /C calc'!A0");
    expect(text).not.toMatch(/(^|,)=cmd/m);
    const coord = await (await call("GET", "/export/partners.csv", { token: await signIn(COORDINATOR) })).text();
    expect(coord.split("\r\n")[0]).toContain("contact_email");
    expect(coord).toContain("erika@example.org");
  });
});

describe("GET /events", () => {
  it("lists events in order after a sequence number", async () => {
    const affiliate = await makeAffiliate();
    const partner = await makePartner();
    const mark = (await bodyOf(await call("GET", "/events?after=0&limit=1"), EventList)).last;
    await makeClaim(partner, affiliate, "Event Watcher");
    const feed = await bodyOf(await call("GET", `/events?after=${mark}`), EventList);
    expect(feed.events.map((e) => e.type)).toEqual(["claim.created"]);
    expect(feed.events[0]).toMatchObject({ seq: mark + 1, actor: "Event Watcher", partner, affiliate });
    expect(feed.last).toBe(mark + 1);
  });

  it("gives a partner's latest events first with order=desc", async () => {
    const affiliate = await makeAffiliate();
    const partner = await makePartner();
    const claim = await makeClaim(partner, affiliate, "Event Watcher");
    await act("withdraw", claim.id, "Event Watcher");
    const newest = await bodyOf(await call("GET", `/events?partner=${partner}&order=desc&limit=2`), EventList);
    expect(newest.events.map((e) => e.type)).toEqual(["claim.withdrawn", "claim.created"]);
    await expectError(await call("GET", "/events?order=sideways"), 422);
  });
});

describe("GET /openapi.json", () => {
  it("documents every route of the API with its schemas", async () => {
    const doc = await bodyOf(await call("GET", "/openapi.json"), OpenApiDocument);
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    for (const p of [
      "/health",
      "/session",
      "/session/dev",
      "/me",
      "/partners",
      "/partners/{id}",
      "/partners/{id}/claims",
      "/claims/{id}/accept",
      "/claims/{id}/withdraw",
      "/claims/{id}/decline",
      "/claims/{id}/release",
      "/claims/{id}/complete",
      "/claims/{id}/progress",
      "/claims/{id}/handover",
      "/affiliates",
      "/affiliates/{id}",
      "/affiliates/{id}/representatives",
      "/events",
      "/export/partners.csv",
      "/mirror/status",
      "/mirror/run",
    ]) {
      expect(paths).toContain(p);
    }
    expect(doc.components.schemas).toHaveProperty("Partner");
    expect(doc.components.schemas).toHaveProperty("Error");
    expect(doc.paths["/partners"]?.post?.requestBody).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/PartnerInput" } } },
    });
  });
});

describe("GET /mirror/status", () => {
  it("reports lag as the events not yet on the wiki", async () => {
    await makePartner();
    const status = await bodyOf(await call("GET", "/mirror/status"), MirrorStatus);
    expect(status.configured).toBe(false);
    expect(status.lastEvent).toBe(0);
    expect(status.lag).toBe(status.latestEvent);
    expect(status.lag).toBeGreaterThan(0);
  });
});

describe("affiliates, representatives and coordinators", () => {
  it("a user asks to represent, a representative verifies them, and claims become verified", async () => {
    const affiliate = await makeAffiliate({ reps: ["Senior Rep"] });
    const ask = await call("POST", `/affiliates/${affiliate}/representatives`, {
      token: await signIn("Newbie"),
      body: { username: "Newbie" },
    });
    expect(await bodyOf(ask, RoleResult)).toEqual({ user: "Newbie", status: "requested" });
    const publicView = await bodyOf(await call("GET", `/affiliates/${affiliate}`), Affiliate);
    expect(publicView.representatives.map((r) => r.user)).toEqual(["Senior Rep"]);
    const repView = await bodyOf(
      await call("GET", `/affiliates/${affiliate}`, { token: await signIn("Senior Rep") }),
      Affiliate,
    );
    expect(repView.representatives.map((r) => `${r.user}:${r.status}`)).toEqual([
      "Newbie:requested",
      "Senior Rep:verified",
    ]);
    const verify = await call("POST", `/affiliates/${affiliate}/representatives`, {
      token: await signIn("Senior Rep"),
      body: { username: "Newbie" },
    });
    expect(await bodyOf(verify, RoleResult)).toEqual({ user: "Newbie", status: "verified" });
    const claim = await makeClaim(await makePartner(), affiliate, "Newbie");
    expect(claim.verified).toBe(true);
    const types = (await bodyOf(await call("GET", "/events?limit=1000"), EventList)).events
      .filter((e) => e.affiliate === affiliate)
      .map((e) => e.type);
    // The public feed leaves out the pending request (test/api/event-audience.test.ts).
    expect(types).toEqual(["affiliate.created", "representative.verified", "representative.verified", "claim.created"]);
  });

  it("coordinators add coordinators; configured ones cannot be removed through the API", async () => {
    const coord = await signIn(COORDINATOR);
    expect(
      (await call("POST", "/coordinators", { token: coord, body: { username: "second_coordinator" } })).status,
    ).toBe(204);
    const me = await bodyOf(await call("GET", "/me", { token: await signIn("Second coordinator") }), Me);
    expect(me.roles.coordinator).toBe(true);
    const list = await bodyOf(await call("GET", "/coordinators"), CoordinatorList);
    expect(list.coordinators).toContainEqual({ user: "Second coordinator", source: "added" });
    await expectError(await call("DELETE", `/coordinators/${encodeURIComponent(COORDINATOR)}`, { token: coord }), 409);
    expect((await call("DELETE", "/coordinators/Second%20coordinator", { token: coord })).status).toBe(204);
    expect(
      (await bodyOf(await call("GET", "/me", { token: await signIn("Second coordinator") }), Me)).roles.coordinator,
    ).toBe(false);
  });

  it("edits an affiliate under If-Match", async () => {
    const affiliate = await makeAffiliate();
    const coord = await signIn(COORDINATOR);
    await expectError(await call("PATCH", `/affiliates/${affiliate}`, { token: coord, body: { name: "X" } }), 428);
    const res = await call("PATCH", `/affiliates/${affiliate}`, {
      token: coord,
      body: { capabilities: ["course"] },
      headers: { "If-Match": '"1"' },
    });
    expect(await bodyOf(res, Affiliate)).toMatchObject({ capabilities: ["course"], version: 2 });
    await expectError(
      await call("PATCH", `/affiliates/${affiliate}`, {
        token: coord,
        body: { name: "Y" },
        headers: { "If-Match": '"1"' },
      }),
      412,
    );
  });
});
