/** Merging partners: what moves, what is refused, and how the merged id answers afterwards. */
import { describe, expect, it } from "vitest";
import { EventList, PartnerList } from "../../shared/api.ts";
import { PartnerDetail } from "../../shared/schemas.ts";
import { API_BASE } from "../../shared/api-base.ts";
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
  snapshot,
} from "./helpers.ts";

const merge = async (from: string, into: string, version: number, by = COORDINATOR) =>
  call("POST", `/partners/${from}/merge`, { token: await signIn(by), body: { into, version } });

const versionOf = async (id: string) =>
  (await bodyOf(await call("GET", `/partners/${id}`), PartnerDetail)).version as number;

describe("POST /partners/{id}/merge", () => {
  it("moves claims, combines links, asks and notes, and records one partner.merged event", async () => {
    const [a1, a2] = [await makeAffiliate({ reps: ["Rep Merge A"] }), await makeAffiliate({ reps: ["Rep Merge B"] })];
    const from = await makePartner({
      name: "Merge Source Museum",
      confirmNew: true,
      asks: ["scan 300 maps"],
      links: [{ label: "Case study", url: "https://example.org/case/source" }],
      website: "https://merge-source.example",
      contact: { name: "", email: "", notes: "Met at the conference" },
    });
    const into = await makePartner({
      name: "Merge Target Museum",
      confirmNew: true,
      asks: ["train 10 curators"],
      contact: { name: "Erika", email: "erika@example.org", notes: "Prefers mornings" },
    });
    const c1 = await makeClaim(from, a1, "Rep Merge A");
    const c2 = await makeClaim(into, a2, "Rep Merge B");
    const res = await merge(from, into, await versionOf(from));
    expect(res.status).toBe(200);
    const survivor = await bodyOf(
      await call("GET", `/partners/${into}`, { token: await signIn(COORDINATOR) }),
      PartnerDetail,
    );
    expect(survivor.claims.map((c: { id: number }) => c.id).sort()).toEqual([c1.id, c2.id].sort());
    expect(survivor.interested.sort()).toEqual([a1, a2].sort());
    expect(survivor.asks).toEqual(["train 10 curators", "scan 300 maps"]);
    expect(survivor.links).toEqual([{ label: "Case study", url: "https://example.org/case/source" }]);
    expect(survivor.website).toBe("https://merge-source.example");
    expect(survivor.contact?.notes).toBe("Prefers mornings\n\nMet at the conference");

    const history = await bodyOf(await call("GET", `/events?partner=${into}`), EventList);
    const types = history.events.map((e) => `${e.type}:${e.partner}`);
    expect(types).toEqual(
      expect.arrayContaining([`partner.referred:${from}`, `partner.referred:${into}`, `claim.created:${from}`]),
    );
    const merged = history.events.filter((e: { type: string }) => e.type === "partner.merged");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ partner: into, data: { from, into } });
  });

  it("answers the merged id with a 301 naming the survivor, and leaves it out of the directory", async () => {
    const from = await makePartner({ name: "Redirect Source Archive", confirmNew: true });
    const into = await makePartner({ name: "Redirect Target Archive", confirmNew: true });
    expect((await merge(from, into, 1)).status).toBe(200);
    const res = await call("GET", `/partners/${from}`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(`${API_BASE}/partners/${into}`);
    const err = await expectError(res, 301, "partner_merged");
    expect(err.params).toEqual({ partner: from, into });
    const list = await bodyOf(
      await call("GET", `/partners?q=${encodeURIComponent("Redirect Source Archive")}`),
      PartnerList,
    );
    expect(list.partners.map((p: { id: string }) => p.id)).not.toContain(from);
    const mirror = await loadMirrorRecord(db);
    expect(mirror.merged?.[from]).toBe(into);
    expect(mirror.partners.map((p) => p.id)).not.toContain(from);
  });

  it("points partners merged earlier into the merged one at the new survivor", async () => {
    const a = await makePartner({ name: "Chain Alpha Library", confirmNew: true });
    const b = await makePartner({ name: "Chain Beta Library", confirmNew: true });
    const c = await makePartner({ name: "Chain Gamma Library", confirmNew: true });
    expect((await merge(a, b, 1)).status).toBe(200);
    expect((await merge(b, c, await versionOf(b))).status).toBe(200);
    const res = await call("GET", `/partners/${a}`, { redirect: "manual" });
    expect(res.headers.get("Location")).toBe(`${API_BASE}/partners/${c}`);
  });

  it("refuses a clash of open claims from one affiliate with a clear 409 and changes nothing", async () => {
    const aff = await makeAffiliate({ reps: ["Rep Clash"] });
    const from = await makePartner({ name: "Clash Source Society", confirmNew: true });
    const into = await makePartner({ name: "Clash Target Society", confirmNew: true });
    const x = await makeClaim(from, aff, "Rep Clash");
    const y = await makeClaim(into, aff, "Rep Clash");
    const before = await snapshot();
    const err = await expectError(await merge(from, into, await versionOf(from)), 409, "merge_conflict");
    expect(err.params).toEqual({ reason: "same_affiliate", affiliate: aff, claim: y.id, mergedClaim: x.id });
    expect(await snapshot()).toBe(before);
    // Settled by withdrawing one, the merge goes through.
    expect((await act("withdraw", x.id, "Rep Clash", { version: x.version })).status).toBe(200);
    expect((await merge(from, into, await versionOf(from))).status).toBe(200);
  });

  it("refuses two leads, a stale version, itself, and anyone but a coordinator", async () => {
    const [a1, a2] = [await makeAffiliate(), await makeAffiliate()];
    const from = await makePartner({ name: "Lead Source Company", confirmNew: true });
    const into = await makePartner({ name: "Lead Target Company", confirmNew: true });
    for (const [p, a] of [
      [from, a1],
      [into, a2],
    ] as const) {
      const c = await makeClaim(p, a, "Someone Keen");
      expect((await act("accept", c.id, COORDINATOR, { version: c.version })).status).toBe(200);
    }
    const v = await versionOf(from);
    expect((await expectError(await merge(from, into, v), 409, "merge_conflict")).params.reason).toBe("two_leads");
    await expectError(await merge(from, into, v + 5), 412, "version_mismatch");
    await expectError(await merge(from, from, v), 409, "merge_conflict");
    await expectError(await merge(from, into, v, "Plain User"), 403, "forbidden");
  });

  it("makes one merge of concurrent merges of the same pair, either way round", async () => {
    const from = await makePartner({ name: "Concurrent Source Gallery", confirmNew: true });
    const into = await makePartner({ name: "Concurrent Target Gallery", confirmNew: true });
    const answers = await Promise.all([
      merge(from, into, 1),
      merge(from, into, 1),
      merge(into, from, 1),
      merge(from, into, 1),
      merge(into, from, 1),
    ]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expect([409, 412, 301]).toContain(r.status);
    const events = await bodyOf(await call("GET", "/events?after=0&limit=1000"), EventList);
    const merges = events.events.filter(
      (e) => e.type === "partner.merged" && [from, into].includes(String(e.data.from)),
    );
    expect(merges).toHaveLength(1);
  });
});
