import { describe, expect, it } from "vitest";
import { ChangeCounter, editSummary } from "../../worker/mirror/summary.ts";

const events = (...types: string[]) => types.map((type) => ({ type }));

describe("edit summaries", () => {
  it("says what changed, in a fixed order, with singular and plural", () => {
    const c = new ChangeCounter();
    c.add(events("claim.accepted", "claim.created", "claim.created"));
    expect(c.describe()).toBe("+2 claims, 1 partner matched");
  });

  it("adds pages of events up and leaves silent events out", () => {
    const c = new ChangeCounter();
    c.add(events("partner.referred", "representative.requested"));
    c.add(events("partner.referred", "coordinator.added", "something.new"));
    expect(c.describe()).toBe("+2 partners, 1 other change");
  });

  it("says so when the mirror replaced a person's edit", () => {
    expect(editSummary("+1 claim", { user: "Alice", revid: 42 })).toMatch(
      /^partnerhub mirror: \+1 claim; replaced an edit by Alice \(revision 42\)/,
    );
    expect(editSummary("", null)).toBe("partnerhub mirror: sync with the record");
  });

  it("stays within MediaWiki's 500 characters", () => {
    expect(editSummary("x".repeat(600), { user: "U".repeat(85), revid: 1 }).length).toBeLessThanOrEqual(500);
  });
});
