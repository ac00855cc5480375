// The talk-page section and the bots exclusion rules, as pure functions.
import { describe, expect, it } from "vitest";
import { digestDue } from "../../shared/notifications.ts";
import type { Event } from "../../shared/schemas.ts";
import { botExclusion } from "../../worker/notify/exclusion.ts";
import {
  deliveredOnPage,
  MAX_LINES,
  noticeLine,
  type RenderContext,
  renderSection,
} from "../../worker/notify/render.ts";

const ctx: RenderContext = {
  directoryTitle: "Content Partnerships Hub/Directory",
  partnerName: (id) => (id === "museum-a" ? "Museum | A {{x}}" : null),
  affiliateName: (id) => (id === "wmde" ? "Wikimedia Deutschland" : null),
  claim: () => ({ affiliate: "wmde", message: "We [[can]] ~~~~ help" }),
};
const ev = (over: Partial<Event>): Event => ({
  seq: 7,
  at: "2026-12-01T10:00:00Z",
  actor: "Alice",
  type: "claim.created",
  partner: "museum-a",
  affiliate: "wmde",
  claim: 1,
  data: {},
  ...over,
});

describe("a notice section", () => {
  it("names the partner with a link into the gadget, the affiliate and the claim's message, all escaped", () => {
    const line = noticeLine(ev({}), ctx);
    expect(line).toContain("[[:Content Partnerships Hub/Directory#p=museum-a|<nowiki>Museum | A {{x}}</nowiki>]]");
    expect(line).toContain("<nowiki>Wikimedia Deutschland</nowiki>");
    expect(line).toContain("<nowiki>We [[can]] ~~~~ help</nowiki>");
  });

  it("carries the reason of a decline and of a hand-over", () => {
    expect(noticeLine(ev({ type: "claim.declined", data: { reason: "Not in scope" } }), ctx)).toContain(
      "Reason: “<nowiki>Not in scope</nowiki>”",
    );
    expect(
      noticeLine(ev({ type: "claim.handed_over", data: { reason: "Closer team", toAffiliate: "wmcz" } }), ctx),
    ).toMatch(/to <nowiki>wmcz<\/nowiki>\. Reason: “<nowiki>Closer team<\/nowiki>”/);
  });

  it("has a dated heading, one line per event, a signature and the marker of the last event", () => {
    const s = renderSection(
      [ev({ seq: 3 }), ev({ seq: 9, type: "claim.accepted" })],
      ctx,
      new Date("2026-12-01T10:00:00Z"),
    );
    expect(s.title).toBe("Content Partnerships Hub: 1 December 2026");
    expect(s.text.split("\n").filter((l) => l.startsWith("* "))).toHaveLength(2);
    expect(s.text.trimEnd()).toMatch(/~~~~$/);
    expect(deliveredOnPage(`old\n${s.text}\nmore`)).toBe(9);
    expect(s.summary).toBe("Content Partnerships Hub: 2 updates");
  });

  it("lists at most MAX_LINES events and counts the rest, its marker covering them all", () => {
    const many = Array.from({ length: MAX_LINES + 5 }, (_, i) => ev({ seq: i + 1 }));
    const s = renderSection(many, ctx, new Date(), { more: 20, upTo: 300 });
    expect(s.text.split("\n").filter((l) => l.startsWith("* "))).toHaveLength(MAX_LINES + 1);
    expect(s.text).toContain("… and 25 more things");
    expect(deliveredOnPage(s.text)).toBe(300);
  });

  it("links no user page (a link would notify that user)", () => {
    expect(renderSection([ev({ actor: "Alice" })], ctx, new Date()).text).not.toMatch(/\[\[:?User:/i);
  });
});

describe("bots exclusion", () => {
  const bot = "Bot@ci";
  it("honours {{nobots}}, deny lists naming the bot or all, and allow lists without it", () => {
    expect(botExclusion("Hi {{nobots}}", bot)).toBe("nobots");
    expect(botExclusion("{{bots|deny=Other, Bot}}", bot)).toBe("bots_deny");
    expect(botExclusion("{{bots|deny=all}}", bot)).toBe("bots_deny");
    expect(botExclusion("{{bots|allow=Other}}", bot)).toBe("bots_allow");
    expect(botExclusion("{{bots|allow=none}}", bot)).toBe("bots_allow");
    expect(botExclusion("{{bots|optout=all}}", bot)).toBe("bots_deny");
  });

  it("lets the bot post where it is allowed or not mentioned", () => {
    expect(botExclusion("", bot)).toBeNull();
    expect(botExclusion("{{bots}}", bot)).toBeNull();
    expect(botExclusion("{{bots|allow=Bot}}", bot)).toBeNull();
    expect(botExclusion("{{bots|deny=OtherBot}}", bot)).toBeNull();
    expect(botExclusion("{{bots|deny=none}}", bot)).toBeNull();
    expect(botExclusion("<nowiki>{{nobots}}</nowiki> <!-- {{nobots}} -->", bot)).toBeNull();
  });
});

describe("when a digest is due", () => {
  const now = new Date("2026-12-08T12:00:00Z");
  it("immediate every run, daily once a day, weekly once a week, none never", () => {
    expect(digestDue("immediate", now.toISOString(), now)).toBe(true);
    expect(digestDue("daily", null, now)).toBe(true);
    expect(digestDue("daily", "2026-12-07T13:00:00Z", now)).toBe(false);
    expect(digestDue("daily", "2026-12-07T12:00:00Z", now)).toBe(true);
    expect(digestDue("weekly", "2026-12-02T12:00:00Z", now)).toBe(false);
    expect(digestDue("weekly", "2026-12-01T12:00:00Z", now)).toBe(true);
    expect(digestDue("none", null, now)).toBe(false);
  });
});
