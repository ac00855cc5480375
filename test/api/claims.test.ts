import { describe, expect, it } from "vitest";
import { PartnerDetail } from "../../shared/schemas.ts";
import { ApiError, ClaimResponse, EventList, HandoverResponse, PartnerList } from "../../shared/api.ts";
import { loadMirrorRecord } from "../../worker/mirror/job.ts";
import {
  act,
  call,
  COORDINATOR,
  db,
  expectError,
  bodyOf,
  makeAffiliate,
  makeClaim,
  makePartner,
  signIn,
} from "./helpers.ts";

async function setup() {
  const a = await makeAffiliate({ reps: ["Rep A"] });
  const b = await makeAffiliate({ reps: ["Rep B"] });
  const partner = await makePartner();
  return { a, b, partner };
}

const partnerOf = async (id: string) => bodyOf(await call("GET", `/partners/${id}`), PartnerDetail);

describe("we can take this partner", () => {
  it("a representative's claim is verified; anyone else's is marked unverified", async () => {
    const { a, partner } = await setup();
    expect((await makeClaim(partner, a, "Rep A")).verified).toBe(true);
    const other = await makeAffiliate();
    expect((await makeClaim(partner, other, "Some Volunteer")).verified).toBe(false);
  });

  it("a second affiliate sees that another is already talking to the partner", async () => {
    const { a, b, partner } = await setup();
    await makeClaim(partner, a, "Rep A");
    const res = await call("POST", `/partners/${partner}/claims`, {
      token: await signIn("Rep B"),
      body: { affiliate: b, message: "us too" },
    });
    expect(res.status).toBe(201);
    const body = await bodyOf(res, ClaimResponse);
    expect(body.partner?.interested).toEqual([a, b]);
    expect(body.partner?.claims.map((c) => c.affiliate)).toEqual([a, b]);
  });

  it("refuses a second open claim of the same affiliate, with the existing claim", async () => {
    const { a, partner } = await setup();
    const first = await makeClaim(partner, a, "Rep A");
    const res = await call("POST", `/partners/${partner}/claims`, {
      token: await signIn("Someone Else"),
      body: { affiliate: a },
    });
    const err = await expectError(res, 409, "claim_conflict");
    expect(err.details.claim?.id).toBe(first.id);
  });

  it("counts a claim and its transitions as updates of the partner, for 'recently updated'", async () => {
    const { a, partner } = await setup();
    const other = await makePartner({ name: "Referred Later" });
    const claim = await makeClaim(partner, a, "Rep A");
    expect((await partnerOf(partner)).updatedAt).toBe(claim.createdAt);
    const list = await bodyOf(await call("GET", "/partners?sort=-updated&limit=500"), PartnerList);
    const order = list.partners.map((p) => p.id);
    expect(order.indexOf(partner)).toBeLessThan(order.indexOf(other));
    const withdrawn = await bodyOf(await act("withdraw", claim.id, "Rep A"), ClaimResponse);
    expect((await partnerOf(partner)).updatedAt).toBe(withdrawn.claim.updatedAt);
    expect((await partnerOf(partner)).version).toBe(1);
  });

  it("allows a new claim once the earlier one is withdrawn", async () => {
    const { a, partner } = await setup();
    const first = await makeClaim(partner, a, "Rep A");
    expect((await act("withdraw", first.id, "Rep A")).status).toBe(200);
    await makeClaim(partner, a, "Rep A");
  });

  it("404s for an unknown partner or affiliate", async () => {
    const { a, partner } = await setup();
    const token = await signIn("Rep A");
    await expectError(await call("POST", `/partners/nope-nope/claims`, { token, body: { affiliate: a } }), 404);
    await expectError(
      await call("POST", `/partners/${partner}/claims`, { token, body: { affiliate: "no-such-affiliate" } }),
      404,
    );
  });
});

describe("transitions", () => {
  it("interested → lead → progress → completed, the partner's status following", async () => {
    const { a, partner } = await setup();
    const claim = await makeClaim(partner, a, "Rep A");
    expect((await partnerOf(partner)).status).toBe("open");
    const accepted = await bodyOf(await act("accept", claim.id, COORDINATOR), ClaimResponse);
    expect(accepted.claim).toMatchObject({ status: "lead", version: 2 });
    expect(await partnerOf(partner)).toMatchObject({ status: "matched", lead: { claim: claim.id, affiliate: a } });
    for (const stage of ["contacted", "agreement", "delivering"]) {
      const res = await act("progress", claim.id, "Rep A", { stage, note: `now ${stage}` });
      expect(res.status).toBe(200);
      expect((await bodyOf(res, ClaimResponse)).claim).toMatchObject({ stage, stageNote: `now ${stage}` });
    }
    const backwards = await act("progress", claim.id, "Rep A", { stage: "contacted" });
    await expectError(backwards, 409, "claim_conflict");
    const done = await bodyOf(await act("complete", claim.id, "Rep A"), ClaimResponse);
    expect(done.claim).toMatchObject({ status: "completed", stage: "done" });
    expect((await partnerOf(partner)).status).toBe("done");
    const late = await makeAffiliate();
    await expectError(
      await call("POST", `/partners/${partner}/claims`, { token: await signIn("Late"), body: { affiliate: late } }),
      409,
      "conflict",
    );
  });

  it("a done partner takes no new lead, even from a claim made before it was done", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    expect((await act("accept", ca.id, COORDINATOR)).status).toBe(200);
    expect((await act("complete", ca.id, "Rep A")).status).toBe(200);
    const err = await expectError(await act("accept", cb.id, COORDINATOR), 409, "conflict");
    expect(err.details.status).toBe("done");
    expect(await partnerOf(partner)).toMatchObject({ status: "done", lead: null });
  });

  it("decline and withdraw end an interested claim; release opens the partner again", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    expect(
      (await bodyOf(await act("decline", cb.id, COORDINATOR, { reason: "no capacity" }), ClaimResponse)).claim.status,
    ).toBe("declined");
    expect((await bodyOf(await act("accept", ca.id, COORDINATOR), ClaimResponse)).claim.status).toBe("lead");
    expect(
      (await bodyOf(await act("release", ca.id, "Rep A", { reason: "no staff this year" }), ClaimResponse)).claim
        .status,
    ).toBe("released");
    expect((await partnerOf(partner)).status).toBe("open");
    const again = await makeClaim(partner, a, "Rep A");
    expect((await bodyOf(await act("withdraw", again.id, "Rep A"), ClaimResponse)).claim.status).toBe("withdrawn");
  });

  it("refuses every transition that does not apply, answering 409 with the current claim", async () => {
    const { a, partner } = await setup();
    const claim = await makeClaim(partner, a, "Rep A");
    const refusedWhileInterested = ["release", "complete"];
    for (const action of refusedWhileInterested) {
      const err = await expectError(await act(action, claim.id, COORDINATOR), 409, "claim_conflict");
      expect(err.details.claim?.status).toBe("interested");
    }
    await expectError(await act("progress", claim.id, COORDINATOR, { stage: "contacted" }), 409);
    await act("accept", claim.id, COORDINATOR);
    for (const action of ["accept", "decline", "withdraw"]) {
      const err = await expectError(await act(action, claim.id, COORDINATOR), 409, "claim_conflict");
      expect(err.details.claim?.status).toBe("lead");
    }
    await act("complete", claim.id, COORDINATOR);
    for (const action of ["accept", "decline", "withdraw", "release", "complete"]) {
      const err = await expectError(await act(action, claim.id, COORDINATOR), 409, "claim_conflict");
      expect(err.details.claim?.status).toBe("completed");
    }
  });

  it("refuses a second lead for the same partner", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    await act("accept", ca.id, COORDINATOR);
    const err = await expectError(await act("accept", cb.id, COORDINATOR), 409, "claim_conflict");
    expect(err.message).toContain(a);
  });

  it("refuses a transition on a stale version", async () => {
    const { a, partner } = await setup();
    const claim = await makeClaim(partner, a, "Rep A");
    await expectError(await act("accept", claim.id, COORDINATOR, { version: 5 }), 409, "claim_conflict");
    expect((await act("accept", claim.id, COORDINATOR, { version: 1 })).status).toBe(200);
  });

  it("404s for an unknown claim", async () => {
    await expectError(await act("accept", 999999, COORDINATOR), 404, "not_found");
  });
});

describe("hand over", () => {
  it("moves the lead to another interested claim atomically, with the reason in the log", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    await act("accept", ca.id, COORDINATOR);
    const res = await act("handover", ca.id, COORDINATOR, { to: cb.id, reason: "B works in the partner's language" });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, HandoverResponse);
    expect(body.released).toMatchObject({ id: ca.id, status: "released" });
    expect(body.lead).toMatchObject({ id: cb.id, status: "lead" });
    expect((await partnerOf(partner)).lead).toEqual({ claim: cb.id, affiliate: b, stage: null, staleSince: null });
    const events = (await bodyOf(await call("GET", `/events?partner=${partner}`), EventList)).events;
    expect(events.at(-2)).toMatchObject({
      type: "claim.handed_over",
      claim: ca.id,
      data: { to: cb.id, reason: "B works in the partner's language" },
    });
    expect(events.at(-1)).toMatchObject({ type: "claim.accepted", claim: cb.id });
  });

  it("answers with the partner as it is now, and the mirror knows whom it was handed to and why", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    await act("accept", ca.id, COORDINATOR);
    const body = await bodyOf(
      await act("handover", ca.id, COORDINATOR, { to: cb.id, reason: "closer to the partner" }),
      HandoverResponse,
    );
    expect(body.partner).toMatchObject({ id: partner, lead: { claim: cb.id, affiliate: b } });
    expect(body.partner?.claims.map((c) => [c.id, c.status])).toEqual([
      [ca.id, "released"],
      [cb.id, "lead"],
    ]);
    const record = await loadMirrorRecord(db);
    expect(record.outcomes?.get(ca.id)).toEqual({ reason: "closer to the partner", handedOverTo: b });
  });

  it("requires a reason and an interested claim of the same partner, and changes nothing otherwise", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    await act("accept", ca.id, COORDINATOR);
    await expectError(await act("handover", ca.id, COORDINATOR, { to: cb.id, reason: "" }), 422, "validation_failed");
    const elsewhere = await makeClaim(await makePartner(), b, "Rep B");
    await expectError(await act("handover", ca.id, COORDINATOR, { to: elsewhere.id, reason: "x" }), 422);
    await act("withdraw", cb.id, "Rep B");
    await expectError(await act("handover", ca.id, COORDINATOR, { to: cb.id, reason: "x" }), 409, "claim_conflict");
    expect((await partnerOf(partner)).lead).toEqual({ claim: ca.id, affiliate: a, stage: null, staleSince: null });
  });
});

describe("a closed partner", () => {
  it("takes no new lead: accept and hand over are refused until it is reopened", async () => {
    const { a, b, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    const cb = await makeClaim(partner, b, "Rep B");
    const coord = await signIn(COORDINATOR);
    expect(
      (
        await call("POST", `/partners/${partner}/close`, {
          token: coord,
          body: { reason: "merged into another museum" },
        })
      ).status,
    ).toBe(200);
    const err = await expectError(await act("accept", ca.id, COORDINATOR), 409, "conflict");
    expect(err.details.status).toBe("closed");
    expect((await call("POST", `/partners/${partner}/reopen`, { token: coord })).status).toBe(200);
    expect((await act("accept", ca.id, COORDINATOR)).status).toBe(200);
    expect((await call("POST", `/partners/${partner}/close`, { token: coord, body: { reason: "again" } })).status).toBe(
      200,
    );
    await expectError(await act("handover", ca.id, COORDINATOR, { to: cb.id, reason: "B is closer" }), 409, "conflict");
  });

  it("takes no progress or completion on its lead; reopened, it is matched (not done) and the lead goes on", async () => {
    const { a, partner } = await setup();
    const ca = await makeClaim(partner, a, "Rep A");
    expect((await act("accept", ca.id, COORDINATOR)).status).toBe(200);
    const coord = await signIn(COORDINATOR);
    const close = await call("POST", `/partners/${partner}/close`, { token: coord, body: { reason: "on hold" } });
    expect(close.status).toBe(200);
    const progressed = await expectError(
      await act("progress", ca.id, "Rep A", { stage: "contacted" }),
      409,
      "conflict",
    );
    expect(progressed.details.status).toBe("closed");
    const completed = await expectError(await act("complete", ca.id, "Rep A", { reason: "all done" }), 409, "conflict");
    expect(completed.details.status).toBe("closed");
    expect((await call("POST", `/partners/${partner}/reopen`, { token: coord })).status).toBe(200);
    const reopened = await partnerOf(partner);
    expect(reopened.status).toBe("matched");
    expect(reopened.claims[0]).toMatchObject({ status: "lead", stage: null });
    expect((await act("progress", ca.id, "Rep A", { stage: "contacted" })).status).toBe(200);
  });
});

describe("errors as codes with params", () => {
  it("a claim conflict names the partner and the affiliate by id and by name, for the gadget to word", async () => {
    const { a, partner } = await setup();
    await makeClaim(partner, a, "Rep A");
    const res = await call("POST", `/partners/${partner}/claims`, {
      token: await signIn("Rep A"),
      body: { affiliate: a },
    });
    const body = await bodyOf(res, ApiError);
    expect(res.status).toBe(409);
    const shown = await partnerOf(partner);
    expect(body.error).toMatchObject({
      code: "claim_conflict",
      params: { partner, partnerName: shown.name, affiliate: a, affiliateName: `Wikimedia ${a}`, status: "interested" },
      details: { claim: { affiliate: a } },
    });
  });

  it("a validation failure gives each issue its code, path and limits", async () => {
    const { a, partner } = await setup();
    const res = await call("POST", `/partners/${partner}/claims`, {
      token: await signIn("Rep A"),
      body: { affiliate: a, message: "x".repeat(2001) },
    });
    const err = await expectError(res, 422, "validation_failed");
    expect(err.details.issues).toContainEqual(
      expect.objectContaining({ path: "message", code: "too_big", maximum: 2000 }),
    );
    expect(err.params).toMatchObject({ field: "message" });
  });
});
