/**
 * What the gadget's role views need from the API beyond the basics: a user's own claims in
 * every state (`GET /me/claims`), and refusing a request to represent an affiliate (`DELETE`
 * on a request that was never verified), each with who may and may not.
 */
import { describe, expect, it } from "vitest";
import { Affiliate } from "../../shared/schemas.ts";
import { EventList, MyClaims, RoleResult } from "../../shared/api.ts";
import {
  act,
  call,
  COORDINATOR,
  expectError,
  bodyOf,
  makeAffiliate,
  makeClaim,
  makePartner,
  signIn,
} from "./helpers.ts";

// A coordinator's view of the feed: pending requests are not shown to everyone.
const eventsOf = async (affiliate: string) =>
  (await bodyOf(await call("GET", "/events?limit=1000", { token: await signIn(COORDINATOR) }), EventList)).events
    .filter((e) => e.affiliate === affiliate)
    .map((e) => `${e.type} by ${e.actor}`);

const ask = async (affiliate: string, user: string) =>
  call("POST", `/affiliates/${affiliate}/representatives`, { token: await signIn(user), body: { username: user } });
const remove = async (affiliate: string, user: string, by: string) =>
  call("DELETE", `/affiliates/${affiliate}/representatives/${encodeURIComponent(user)}`, { token: await signIn(by) });
const standing = async (affiliate: string) =>
  (
    await bodyOf(await call("GET", `/affiliates/${affiliate}`, { token: await signIn(COORDINATOR) }), Affiliate)
  ).representatives.map((r) => `${r.user}:${r.status}`);

describe("GET /me/claims", () => {
  it("lists the caller's own claims in every state, the latest first, and nobody else's", async () => {
    const affiliate = await makeAffiliate({ reps: ["Mine Rep"] });
    const other = await makeAffiliate({ reps: ["Other Rep"] });
    const first = await makeClaim(await makePartner(), affiliate, "Mine Rep");
    const second = await makeClaim(await makePartner(), affiliate, "Mine Rep");
    await makeClaim(await makePartner(), other, "Other Rep");
    expect((await act("withdraw", first.id, "Mine Rep", { version: first.version })).status).toBe(200);

    const res = await call("GET", "/me/claims", { token: await signIn("Mine Rep") });
    expect(res.status).toBe(200);
    const { claims } = await bodyOf(res, MyClaims);
    expect(claims.map((c) => [c.id, c.status])).toEqual([
      [first.id, "withdrawn"],
      [second.id, "interested"],
    ]);
  });

  it("is empty for someone who never claimed, and needs a session", async () => {
    expect(await bodyOf(await call("GET", "/me/claims", { token: await signIn("Never Claimed") }), MyClaims)).toEqual({
      claims: [],
    });
    await expectError(await call("GET", "/me/claims"), 401, "unauthorized");
  });
});

describe("refusing a request to represent an affiliate", () => {
  it("a representative of the affiliate refuses a request: it is gone and the event says refused", async () => {
    const affiliate = await makeAffiliate({ reps: ["Keeper"] });
    expect(await bodyOf(await ask(affiliate, "Hopeful"), RoleResult)).toEqual({ user: "Hopeful", status: "requested" });
    expect((await remove(affiliate, "Hopeful", "Keeper")).status).toBe(204);
    expect(await standing(affiliate)).toEqual(["Keeper:verified"]);
    expect((await eventsOf(affiliate)).slice(-2)).toEqual([
      "representative.requested by Hopeful",
      "representative.refused by Keeper",
    ]);
    // Refused is not barred: the user may ask again.
    expect(await bodyOf(await ask(affiliate, "Hopeful"), RoleResult)).toEqual({ user: "Hopeful", status: "requested" });
  });

  it("a coordinator refuses a request; removing a verified representative stays a removal", async () => {
    const affiliate = await makeAffiliate({ reps: ["Verified One"] });
    await ask(affiliate, "Asker");
    expect((await remove(affiliate, "Asker", COORDINATOR)).status).toBe(204);
    expect((await remove(affiliate, "Verified One", COORDINATOR)).status).toBe(204);
    expect(await standing(affiliate)).toEqual([]);
    expect((await eventsOf(affiliate)).slice(-2)).toEqual([
      `representative.refused by ${COORDINATOR}`,
      `representative.removed by ${COORDINATOR}`,
    ]);
  });

  it("the user withdraws their own request (a removal, not a refusal)", async () => {
    const affiliate = await makeAffiliate();
    await ask(affiliate, "Changed Mind");
    expect((await remove(affiliate, "Changed Mind", "Changed Mind")).status).toBe(204);
    expect((await eventsOf(affiliate)).at(-1)).toBe("representative.removed by Changed Mind");
  });

  it("refuses others: a representative of another affiliate, a plain user, anonymous and blocked", async () => {
    const affiliate = await makeAffiliate({ reps: ["Home Rep"] });
    const elsewhere = await makeAffiliate({ reps: ["Elsewhere Rep"] });
    expect(elsewhere).not.toBe(affiliate);
    await ask(affiliate, "Waiting User");
    await expectError(await remove(affiliate, "Waiting User", "Elsewhere Rep"), 403, "forbidden");
    await expectError(await remove(affiliate, "Waiting User", "Passer By"), 403, "forbidden");
    await expectError(
      await call("DELETE", `/affiliates/${affiliate}/representatives/Waiting%20User`, {
        token: await signIn("Blocked Person", { blocked: true }),
      }),
      403,
    );
    await expectError(await call("DELETE", `/affiliates/${affiliate}/representatives/Waiting%20User`), 401);
    expect(await standing(affiliate)).toEqual(["Home Rep:verified", "Waiting User:requested"]);
  });

  it("answers 404 for a request that does not exist", async () => {
    const affiliate = await makeAffiliate({ reps: ["Lone Rep"] });
    await expectError(await remove(affiliate, "Nobody Asked", "Lone Rep"), 404, "not_found");
  });
});
