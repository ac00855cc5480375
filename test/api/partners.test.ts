import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { EventList } from "../../shared/api.ts";
import {
  call,
  COORDINATOR,
  expectError,
  bodyOf,
  makeAffiliate,
  makeClaim,
  makePartner,
  partnerInput,
  signIn,
  act,
} from "./helpers.ts";

describe("POST /partners (refer a partner)", () => {
  it("creates a partner with a slug from its name, records the referrer and an event", async () => {
    const token = await signIn("Alice Referrer");
    const res = await call("POST", "/partners", {
      token,
      body: partnerInput({ name: "Muzeum Śląskie w Katowicach", country: "PL", languages: ["pl"] }),
    });
    expect(res.status).toBe(201);
    const p = await bodyOf(res, PartnerDetail);
    expect(p).toMatchObject({
      id: "muzeum-slaskie-w-katowicach",
      status: "open",
      referredBy: { user: "Alice Referrer" },
      version: 1,
      lead: null,
      interested: [],
    });
    expect(p.contact).toEqual({ name: "Erika Mustermann", email: "erika@example.org", notes: "prefers mornings" });
    expect(res.headers.get("ETag")).toBe('"1-private"'); // the referrer's view holds the contact
    const events = await bodyOf(await call("GET", `/events?partner=${p.id}`), EventList);
    expect(events.events.map((e) => e.type)).toEqual(["partner.referred"]);
    expect(JSON.stringify(events)).not.toContain("erika@example.org");
  });

  it("gives a second partner of the same name its own id when the referrer confirms it is new", async () => {
    const a = await makePartner({ name: "Same Name Library" });
    const b = await makePartner({ name: "Same Name Library", confirmNew: true });
    expect(a).toBe("same-name-library");
    expect(b).toBe("same-name-library-2");
  });

  it("refuses the same Wikidata item twice, naming the existing partner", async () => {
    const first = await makePartner({ wikidata: "Q190804" });
    const res = await call("POST", "/partners", {
      token: await signIn("Bob"),
      body: partnerInput({ wikidata: "Q190804" }),
    });
    const err = await expectError(res, 409, "conflict");
    expect(err.details).toEqual({ partner: first });
  });

  it("refuses anonymous and blocked users", async () => {
    await expectError(await call("POST", "/partners", { body: partnerInput() }), 401, "unauthorized");
    const blocked = await signIn("Blocked Person", { blocked: true });
    await expectError(await call("POST", "/partners", { token: blocked, body: partnerInput() }), 403, "forbidden");
  });
});

describe("GET /partners/{id}", () => {
  it("shows the contact only to coordinators, the referrer and the lead's representatives", async () => {
    const affiliate = await makeAffiliate({ reps: ["Lead Rep"] });
    const other = await makeAffiliate({ reps: ["Other Rep"] });
    const id = await makePartner({}, "The Referrer");
    const claim = await makeClaim(id, affiliate, "Lead Rep");
    await makeClaim(id, other, "Other Rep");
    expect((await act("accept", claim.id, COORDINATOR)).status).toBe(200);

    const seen = async (user: string | null) => {
      const res = await call("GET", `/partners/${id}`, { token: user ? await signIn(user) : null });
      expect(res.status).toBe(200);
      return (await bodyOf(res, PartnerDetail)).contact !== undefined;
    };
    expect(await seen(null)).toBe(false);
    expect(await seen("Random User")).toBe(false);
    expect(await seen("Other Rep")).toBe(false);
    expect(await seen("Lead Rep")).toBe(true);
    expect(await seen("The Referrer")).toBe(true);
    expect(await seen(COORDINATOR)).toBe(true);
  });

  it("answers 404 in the error shape for an unknown partner", async () => {
    await expectError(await call("GET", "/partners/no-such-partner"), 404, "not_found");
  });
});

describe("PATCH /partners/{id}", () => {
  it("requires If-Match, refuses a stale version with 412, applies a current one", async () => {
    const token = await signIn("Editor Referrer");
    const id = await makePartner({}, "Editor Referrer");
    await expectError(
      await call("PATCH", `/partners/${id}`, { token, body: { summary: "new" } }),
      428,
      "precondition_required",
    );
    await expectError(
      await call("PATCH", `/partners/${id}`, { token, body: { summary: "new" }, headers: { "If-Match": '"7"' } }),
      412,
      "version_mismatch",
    );
    const ok = await call("PATCH", `/partners/${id}`, {
      token,
      body: { summary: "new summary" },
      headers: { "If-Match": '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(await bodyOf(ok, PartnerDetail)).toMatchObject({ summary: "new summary", version: 2 });
    expect(ok.headers.get("ETag")).toBe('"2-private"');
    await expectError(
      await call("PATCH", `/partners/${id}`, { token, body: { summary: "again" }, headers: { "If-Match": '"1"' } }),
      412,
    );
  });

  it("lets only coordinators and the referrer edit", async () => {
    const id = await makePartner({}, "Owner Referrer");
    await expectError(
      await call("PATCH", `/partners/${id}`, {
        token: await signIn("Stranger"),
        body: { summary: "x" },
        headers: { "If-Match": '"1"' },
      }),
      403,
      "forbidden",
    );
    const res = await call("PATCH", `/partners/${id}`, {
      token: await signIn(COORDINATOR),
      body: { funding: "can_pay" },
      headers: { "If-Match": '"1"' },
    });
    expect(res.status).toBe(200);
  });
});

describe("closing and reopening", () => {
  it("a closed partner takes no claims; reopened it does", async () => {
    const affiliate = await makeAffiliate();
    const id = await makePartner();
    const coord = await signIn(COORDINATOR);
    const closed = await call("POST", `/partners/${id}/close`, {
      token: coord,
      body: { reason: "institution merged" },
    });
    expect((await bodyOf(closed, PartnerDetail)).status).toBe("closed");
    const refused = await call("POST", `/partners/${id}/claims`, { token: await signIn("Eager"), body: { affiliate } });
    await expectError(refused, 409, "conflict");
    await expectError(await call("POST", `/partners/${id}/close`, { token: coord, body: { reason: "again" } }), 409);
    const reopened = await call("POST", `/partners/${id}/reopen`, { token: coord });
    expect((await bodyOf(reopened, PartnerDetail)).status).toBe("open");
    await makeClaim(id, affiliate, "Eager");
  });
});
