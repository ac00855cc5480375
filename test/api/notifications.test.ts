// Notifications through the API: preferences, "For you", the outbox status, stale warnings.
import { describe, expect, it } from "vitest";
import { Feed, NotificationStatus, Preferences } from "../../shared/api.ts";
import { readConfig } from "../../worker/config.ts";
import { runStaleLeads } from "../../worker/jobs/stale.ts";
import { runStaleWarnings } from "../../worker/notify/stale-warnings.ts";
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

const DAY = 86_400_000;
const config = readConfig({
  SESSION_SECRET: "x".repeat(32),
  WIKI_SCRIPT_URL: "http://127.0.0.1:9",
  COORDINATORS: "Coord One,Coord Two",
  STALE_AFTER_DAYS: "60",
  STALE_GRACE_DAYS: "14",
  STALE_WARN_DAYS: "7",
});

const feed = async (user: string) => bodyOf(await call("GET", "/me/feed", { token: await signIn(user) }), Feed);

describe("notification preferences", () => {
  it("are daily until chosen, and keep what a person chooses", async () => {
    const token = await signIn("Pref Person");
    expect(await bodyOf(await call("GET", "/me/preferences", { token }), Preferences)).toEqual({
      notifications: "daily",
    });
    for (const mode of ["immediate", "weekly", "none", "daily"]) {
      const put = await call("PUT", "/me/preferences", { token, body: { notifications: mode } });
      expect(put.status).toBe(200);
      expect(await bodyOf(await call("GET", "/me/preferences", { token }), Preferences)).toEqual({
        notifications: mode,
      });
    }
  });

  it("refuse an unknown value with 422, and anyone signed out with 401", async () => {
    const token = await signIn("Pref Person Two");
    await expectError(
      await call("PUT", "/me/preferences", { token, body: { notifications: "hourly" } }),
      422,
      "validation_failed",
    );
    expect(await bodyOf(await call("GET", "/me/preferences", { token }), Preferences)).toEqual({
      notifications: "daily",
    });
    await expectError(await call("GET", "/me/preferences"), 401);
  });
});

describe("For you", () => {
  it("lists what happened to your claims, newest first, never your own actions, until marked seen", async () => {
    const affiliate = await makeAffiliate({ reps: ["Feed Rep"] });
    const partner = await makePartner({}, "Feed Referrer");
    const claim = await makeClaim(partner, affiliate, "Feed Claimant");
    expect((await feed("Feed Claimant")).items).toEqual([]);

    await act("accept", claim.id, COORDINATOR);
    const mine = await feed("Feed Claimant");
    expect(mine.items.map((i) => [i.event.type, i.reason, i.unseen])).toEqual([["claim.accepted", "claimant", true]]);
    expect(mine.unseen).toBe(1);
    // The representative hears of it too, the referrer sees it in "For you", the coordinator who acted does not.
    expect((await feed("Feed Rep")).items.map((i) => [i.event.type, i.reason])).toEqual([
      ["claim.accepted", "representative"],
      ["partner.referred", "fits"],
      ["representative.verified", "requester"],
    ]);
    expect((await feed("Feed Referrer")).items.map((i) => [i.event.type, i.reason])).toEqual([
      ["claim.accepted", "referrer"],
      ["claim.created", "referrer"],
    ]);
    expect((await feed(COORDINATOR)).items.map((i) => i.event.type)).not.toContain("claim.accepted");

    const seen = await call("POST", "/me/feed/seen", {
      token: await signIn("Feed Claimant"),
      body: { upTo: mine.items[0]!.event.seq },
    });
    expect(seen.status).toBe(200);
    expect((await bodyOf(seen, Feed)).unseen).toBe(0);
    await act("complete", claim.id, "Feed Rep");
    const after = await feed("Feed Claimant");
    expect(after.items.map((i) => [i.event.type, i.unseen])).toEqual([
      ["claim.completed", true],
      ["claim.accepted", false],
    ]);
    expect(after.unseen).toBe(1);
  });
});

describe("the outbox status", () => {
  it("is for coordinators, and shows the coordinators' notices about a new claim as pending", async () => {
    const affiliate = await makeAffiliate();
    const partner = await makePartner();
    await makeClaim(partner, affiliate, "Status Claimant");
    await expectError(await call("GET", "/notifications/status", { token: await signIn("Status Claimant") }), 403);
    // Reading "For you" scans the log, as a run would.
    await feed("Status Claimant");
    const res = await call("GET", "/notifications/status", { token: await signIn(COORDINATOR) });
    expect(res.status).toBe(200);
    const status = await bodyOf(res, NotificationStatus);
    const coordTwo = status.recipients.find((r) => r.user === "Coord Two");
    expect(coordTwo).toMatchObject({ state: "pending" });
    expect(coordTwo!.pending).toBeGreaterThan(0);
    expect(status.recipients.map((r) => r.user)).not.toContain("Status Claimant");
  });
});

describe("stale warnings", () => {
  async function leadAt(rep: string) {
    const affiliate = await makeAffiliate({ reps: [rep] });
    const partner = await makePartner();
    const claim = await makeClaim(partner, affiliate, rep);
    const t0 = Date.now();
    await act("accept", claim.id, COORDINATOR);
    return { claim: claim.id, t0 };
  }
  const warnings = async (user: string) =>
    (await feed(user)).items.filter((i) => i.event.type === "claim.stale_warning").length;

  it("warn STALE_WARN_DAYS before the stale mark and again before release, once each", async () => {
    const { claim, t0 } = await leadAt("Warned Rep");
    const at = (days: number) => new Date(t0 + days * DAY);
    expect((await runStaleWarnings(db, config, at(52))).stale).not.toContain(claim);
    expect((await runStaleWarnings(db, config, at(53.1))).stale).toContain(claim);
    expect((await runStaleWarnings(db, config, at(54))).stale).not.toContain(claim);
    expect(await warnings("Warned Rep")).toBe(1);

    expect((await runStaleLeads(db, config, at(60.1))).marked).toContain(claim);
    expect((await runStaleWarnings(db, config, at(66))).release).not.toContain(claim);
    expect((await runStaleWarnings(db, config, at(67.2))).release).toContain(claim);
    expect((await runStaleWarnings(db, config, at(68))).release).not.toContain(claim);
    expect(await warnings("Warned Rep")).toBe(2);
    const text = (await feed("Warned Rep")).items.map((i) => i.event.actor);
    expect(text).not.toContain("Warned Rep");
  });

  it("send none when the lead records progress in time", async () => {
    // Two leads accepted 50 days ago (the clock set back in the record); one of them records progress now.
    const quiet = await leadAt("Quiet Rep");
    const busy = await leadAt("Busy Rep");
    const ago = new Date(Date.now() - 50 * DAY).toISOString();
    for (const l of [quiet, busy])
      await db.prepare(`UPDATE claim SET lead_since = ?1 WHERE id = ?2`).bind(ago, l.claim).run();
    const progress = await act("progress", busy.claim, "Busy Rep", { stage: "contacted", note: "called them" });
    expect(progress.status).toBe(200);

    const warned = await runStaleWarnings(db, config, new Date(Date.now() + 4 * DAY));
    expect(warned.stale).toContain(quiet.claim);
    expect(warned.stale).not.toContain(busy.claim);
    expect(await warnings("Quiet Rep")).toBe(1);
    expect(await warnings("Busy Rep")).toBe(0);
  });
});
