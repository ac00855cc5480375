// Who hears of each event type: the table of DESIGN's "Notifications", as a specification.
import { describe, expect, it } from "vitest";
import type { Affiliate, Event } from "../../shared/schemas.ts";
import { EVENT_TYPES, type EventType } from "../../shared/vocabulary.ts";
import { type RecipientContext, recipientsOf } from "../../worker/notify/recipients.ts";

const T = "2026-01-01T00:00:00Z";
const affiliate = (id: string, countries: string[], languages: string[], capabilities: Affiliate["capabilities"]) =>
  ({
    id,
    name: id,
    kind: "chapter",
    wikiPage: id,
    countries,
    languages,
    capabilities,
    representatives: [],
    createdAt: T,
    updatedAt: T,
    version: 1,
  }) satisfies Affiliate;

const REPS: Record<string, string[]> = {
  wmde: ["De Rep", "Alice"],
  wmcz: ["Cz Rep One", "Cz Rep Two"],
  wmfr: ["Fr Rep"],
  wmpl: ["Pl Rep"],
};
const CLAIMS: Record<number, { claimedBy: string; affiliate: string }> = {
  1: { claimedBy: "Alice", affiliate: "wmde" },
  2: { claimedBy: "Claimant Cz", affiliate: "wmcz" },
  3: { claimedBy: "Fr Rep", affiliate: "wmfr" },
};

const ctx: RecipientContext = {
  coordinators: ["Coord One", "Coord Two"],
  representatives: (a) => REPS[a] ?? [],
  claim: (id) => CLAIMS[id] ?? null,
  partner: (id) =>
    ({
      "museum-berlin": { country: "DE", languages: ["de"], offers: ["images"], referredBy: "Referrer" },
      "prague-photos": { country: "CZ", languages: ["cs"], offers: ["images"], referredBy: "Referrer" },
    })[id] ?? null,
  affiliates: [
    affiliate("wmde", ["DE"], ["de"], ["images", "data"]),
    affiliate("wmcz", ["CZ"], ["cs"], ["images"]),
    affiliate("wmfr", ["FR"], ["fr"], ["images"]),
    affiliate("wmpl", ["PL"], ["pl"], ["training"]),
  ],
  talkingTo: (p) => (p === "museum-berlin" ? ["wmde", "wmcz", "wmfr"] : []),
};

let seq = 0;
const event = (type: EventType, actor: string, over: Partial<Event> = {}): Event => ({
  seq: ++seq,
  at: T,
  actor,
  type,
  partner: "museum-berlin",
  affiliate: null,
  claim: null,
  data: {},
  ...over,
});

/** user → reason, for the talk page; and the names shown in "For you" only. */
function told(e: Event) {
  const all = recipientsOf(e, ctx);
  return {
    talk: Object.fromEntries(all.filter((r) => r.talk).map((r) => [r.user, r.reason])),
    feedOnly: all.filter((r) => !r.talk).map((r) => r.user),
  };
}

describe("who hears of an event", () => {
  it("a new claim: each coordinator and the other affiliates talking to the partner, never the claimant", () => {
    const { talk, feedOnly } = told(event("claim.created", "Alice", { affiliate: "wmde", claim: 1 }));
    expect(talk).toEqual({
      "Coord One": "coordinator",
      "Coord Two": "coordinator",
      "Cz Rep One": "other_affiliate",
      "Cz Rep Two": "other_affiliate",
      "Fr Rep": "other_affiliate",
    });
    expect(feedOnly).toEqual(["Referrer"]);
  });

  it("a coordinator's own claim does not tell that coordinator", () => {
    const { talk } = told(event("claim.created", "Coord One", { affiliate: "wmpl", claim: 9, partner: "x" }));
    expect(talk).toEqual({ "Coord Two": "coordinator" });
  });

  it("an acceptance: the claimant and the claim affiliate's verified representatives, not the coordinator who accepted", () => {
    const { talk, feedOnly } = told(event("claim.accepted", "Coord One", { affiliate: "wmde", claim: 1 }));
    expect(talk).toEqual({ Alice: "claimant", "De Rep": "representative" });
    expect(feedOnly).toEqual(["Referrer"]);
  });

  for (const type of ["claim.declined", "claim.released", "claim.completed"] as const) {
    it(`${type}: the claimant and the representatives of that claim's affiliate, without the actor`, () => {
      expect(told(event(type, "Coord Two", { affiliate: "wmcz", claim: 2, data: { reason: "r" } })).talk).toEqual({
        "Claimant Cz": "claimant",
        "Cz Rep One": "representative",
        "Cz Rep Two": "representative",
      });
      // A representative who acts is not told about their own action; the others are.
      expect(told(event(type, "Cz Rep One", { affiliate: "wmcz", claim: 2 })).talk).toEqual({
        "Claimant Cz": "claimant",
        "Cz Rep Two": "representative",
      });
    });
  }

  it("a hand-over: both sides, the released lead and the new one", () => {
    const { talk } = told(
      event("claim.handed_over", "Coord One", { affiliate: "wmde", claim: 1, data: { to: 2, reason: "closer" } }),
    );
    expect(talk).toEqual({
      Alice: "claimant",
      "De Rep": "representative",
      "Claimant Cz": "claimant",
      "Cz Rep One": "representative",
      "Cz Rep Two": "representative",
    });
    // Its companion acceptance tells nobody a second time.
    expect(recipientsOf(event("claim.accepted", "Coord One", { claim: 2, data: { handedOverFrom: 1 } }), ctx)).toEqual(
      [],
    );
  });

  it("a stale warning: the lead's claimant and representatives", () => {
    expect(
      told(event("claim.stale_warning", "partnerhub (stale leads)", { claim: 3, data: { step: "stale" } })).talk,
    ).toEqual({
      "Fr Rep": "claimant",
    });
  });

  it("a referral in Czechia offering images: the coordinators and the Czech affiliate's representatives, not an affiliate elsewhere", () => {
    const { talk } = told(event("partner.referred", "Someone", { partner: "prague-photos" }));
    expect(talk).toEqual({
      "Coord One": "coordinator",
      "Coord Two": "coordinator",
      "Cz Rep One": "fits",
      "Cz Rep Two": "fits",
    });
    expect(talk).not.toHaveProperty("Fr Rep");
    expect(talk).not.toHaveProperty("Pl Rep");
  });

  it("a request to represent: the affiliate's verified representatives and the coordinators, not the requester", () => {
    const { talk } = told(
      event("representative.requested", "Newcomer", { affiliate: "wmfr", data: { user: "Newcomer" } }),
    );
    expect(talk).toEqual({ "Fr Rep": "representative", "Coord One": "coordinator", "Coord Two": "coordinator" });
  });

  for (const type of ["representative.verified", "representative.removed"] as const) {
    it(`the answer to a request (${type}): the requester`, () => {
      expect(told(event(type, "Fr Rep", { affiliate: "wmfr", data: { user: "Newcomer" } })).talk).toEqual({
        Newcomer: "requester",
      });
      expect(told(event(type, "Newcomer", { affiliate: "wmfr", data: { user: "Newcomer" } })).talk).toEqual({});
    });
  }

  it("tells nobody of the other event types", () => {
    const quiet = EVENT_TYPES.filter(
      (t) =>
        ![
          "claim.created",
          "claim.accepted",
          "claim.declined",
          "claim.released",
          "claim.completed",
          "claim.handed_over",
          "claim.stale_warning",
          "partner.referred",
          "representative.requested",
          "representative.verified",
          "representative.removed",
        ].includes(t),
    );
    expect(quiet).toContain("claim.progressed");
    for (const type of quiet)
      expect(
        recipientsOf(event(type, "Someone", { affiliate: "wmde", claim: 1, data: { user: "X" } }), ctx),
        type,
      ).toEqual([]);
  });

  it("never lists the actor, whatever the event", () => {
    for (const type of EVENT_TYPES) {
      for (const actor of ["Alice", "Coord One", "Cz Rep One", "Referrer", "Newcomer"]) {
        const all = recipientsOf(
          event(type, actor, {
            affiliate: "wmcz",
            claim: 2,
            partner: "prague-photos",
            data: { to: 1, user: "Newcomer" },
          }),
          ctx,
        );
        expect(
          all.map((r) => r.user),
          `${type} by ${actor}`,
        ).not.toContain(actor);
        expect(new Set(all.map((r) => r.user)).size).toBe(all.length);
      }
    }
  });
});
