import { describe, expect, it } from "vitest";
import {
  acceptsClaims,
  canProgress,
  CLAIM_ACTIONS,
  isOpenClaim,
  isReleasable,
  partnerAllows,
  type PartnerStep,
  isStale,
  mayAct,
  nextStatus,
  partnerStatus,
  type ClaimAction,
} from "../../shared/claim-machine.ts";
import { CLAIM_STATUSES, PARTNER_STATUSES, STAGES, type ClaimStatus } from "../../shared/vocabulary.ts";

/** The whole transition table, written out: every (status, action) pair not listed is refused. */
const ALLOWED: Partial<Record<ClaimStatus, Partial<Record<ClaimAction, ClaimStatus>>>> = {
  interested: { withdraw: "withdrawn", accept: "lead", decline: "declined" },
  lead: { release: "released", complete: "completed", progress: "lead", handover: "released" },
};

describe("nextStatus", () => {
  for (const status of CLAIM_STATUSES) {
    for (const action of CLAIM_ACTIONS) {
      const expected = ALLOWED[status]?.[action] ?? null;
      it(`${status} + ${action} → ${expected ?? "refused"}`, () => {
        expect(nextStatus(status, action)).toBe(expected);
      });
    }
  }

  it("final states take no action at all", () => {
    for (const status of ["completed", "withdrawn", "declined", "released"] as const) {
      expect(CLAIM_ACTIONS.map((a) => nextStatus(status, a)).every((s) => s === null)).toBe(true);
      expect(isOpenClaim(status)).toBe(false);
    }
  });
});

describe("canProgress", () => {
  it("moves forward or repeats, never back", () => {
    for (const [i, from] of STAGES.entries()) {
      for (const [j, to] of STAGES.entries()) expect(canProgress(from, to)).toBe(j >= i);
    }
    for (const to of STAGES) expect(canProgress(null, to)).toBe(true);
  });
});

describe("mayAct", () => {
  const base = { canWrite: true, isCoordinator: false, representsAffiliate: false, isClaimant: false };
  it("coordinators may do everything; blocked users nothing", () => {
    for (const a of CLAIM_ACTIONS) {
      expect(mayAct({ ...base, isCoordinator: true }, a)).toBe(true);
      expect(mayAct({ ...base, isCoordinator: true, canWrite: false }, a)).toBe(false);
    }
  });
  it("accept, decline and hand over are the coordinators' alone", () => {
    for (const a of ["accept", "decline", "handover"] as const) {
      expect(mayAct({ ...base, representsAffiliate: true, isClaimant: true }, a)).toBe(false);
    }
  });
  it("the claimant and the affiliate's representatives manage the claim; strangers do not", () => {
    for (const a of ["withdraw", "release", "complete", "progress"] as const) {
      expect(mayAct({ ...base, isClaimant: true }, a)).toBe(true);
      expect(mayAct({ ...base, representsAffiliate: true }, a)).toBe(true);
      expect(mayAct(base, a)).toBe(false);
    }
  });
});

describe("partnerStatus", () => {
  it("derives open, matched, done and closed", () => {
    expect(partnerStatus(false, [])).toBe("open");
    expect(partnerStatus(false, ["interested", "withdrawn", "released"])).toBe("open");
    expect(partnerStatus(false, ["interested", "lead"])).toBe("matched");
    expect(partnerStatus(false, ["completed", "declined"])).toBe("done");
    expect(partnerStatus(true, ["lead"])).toBe("closed");
    expect(acceptsClaims("open") && acceptsClaims("matched")).toBe(true);
    expect(acceptsClaims("done") || acceptsClaims("closed")).toBe(false);
  });
});

describe("which partner takes which step", () => {
  // Rows: the step; columns: open, matched, done, closed.
  const table: Record<PartnerStep, [boolean, boolean, boolean, boolean]> = {
    claim: [true, true, false, false],
    accept: [true, true, false, false],
    handover: [true, true, false, false],
    progress: [true, true, true, false],
    complete: [true, true, true, false],
    withdraw: [true, true, true, true],
    decline: [true, true, true, true],
    release: [true, true, true, true],
  };
  it("a closed partner takes no claim, accept, hand-over, progress or completion; a done one no new lead", () => {
    for (const [step, row] of Object.entries(table) as [PartnerStep, boolean[]][]) {
      expect(PARTNER_STATUSES.map((s) => partnerAllows(s, step))).toEqual(row);
    }
    expect(Object.keys(table).sort()).toEqual(["claim", ...CLAIM_ACTIONS].sort());
  });
});

describe("the stale clock", () => {
  const t = "2026-01-01T00:00:00.000Z";
  it("is stale from exactly N days on, releasable after the grace period", () => {
    expect(isStale(t, new Date("2026-03-01T23:59:59Z"), 60)).toBe(false);
    expect(isStale(t, new Date("2026-03-02T00:00:00Z"), 60)).toBe(true);
    expect(isReleasable(t, new Date("2026-01-14T23:59:59Z"), 14)).toBe(false);
    expect(isReleasable(t, new Date("2026-01-15T00:00:00Z"), 14)).toBe(true);
  });
});
