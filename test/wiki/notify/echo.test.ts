// Notices as the people concerned see them on a real MediaWiki with Echo: a section on their
// talk page and one Echo notification about it; nothing for the person who acted.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { attachWiki, login, type WikiClient } from "../../../tools/wiki/harness.ts";
import { botEdits, echoOf, NotifyHub, sectionsOn, unique, uniques, wikiAccounts } from "./hub.ts";

const wiki = attachWiki(inject("wiki"));
let reader: WikiClient;

beforeAll(async () => {
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
});

/** Echo's new notifications about the person's own talk page (edit-user-talk). */
async function talkNotices(client: WikiClient, user: string) {
  return (await echoOf(client)).filter((n) => n.type === "edit-user-talk" && n.title?.full === `User talk:${user}`);
}

describe("notices on the wiki, through Echo", () => {
  it("a claim by Alice for Wikimedia Deutschland: each coordinator gets exactly one Echo notification, Alice none", async () => {
    const [c1, c2, alice] = [unique("Coord A"), unique("Coord B"), unique("Alice")];
    const people = await wikiAccounts(wiki, [c1, c2, alice]);
    const hub = await NotifyHub.open(wiki, [c1, c2], { MIRROR_PAGE_PREFIX: "Content Partnerships Hub/Directory" });
    await hub.affiliate(c1, "wmde", "Wikimedia Deutschland", []);
    const partner = await hub.partner(c1, "Museum für Naturkunde");
    // The referral is a coordinator's own: c2 hears of it, and both of the claim.
    await hub.claim(alice, partner, "wmde", "We digitise herbaria");

    const run = await hub.run();
    expect(run.failed).toEqual([]);
    expect(run.posted.map((p) => p.user).sort()).toEqual([c1, c2].sort());

    for (const c of [c1, c2]) {
      const notices = await talkNotices(people.get(c)!, c);
      expect(notices, c).toHaveLength(1);
      expect(notices[0]!.agent?.name).toBe("Bot");
      const [section] = await sectionsOn(reader, c);
      expect(section).toContain("Museum für Naturkunde");
      expect(section).toContain("Wikimedia Deutschland");
      expect(section).toContain(`[[:Content Partnerships Hub/Directory#p=${partner}|`);
      expect(section).toContain("We digitise herbaria");
      const [edit] = await botEdits(reader, `User talk:${c}`);
      expect(edit!.minor).toBe(false);
    }
    expect(await echoOf(people.get(alice)!)).toEqual([]);
    expect(await reader.readPage(`User talk:${alice}`)).toBeNull();

    // A rerun has nothing new to say: no second section, no second notification.
    expect((await hub.run()).posted).toEqual([]);
    expect(await talkNotices(people.get(c1)!, c1)).toHaveLength(1);
  });

  it("decisions reach the claimant and the affiliate's representatives with the reason; the actor never", async () => {
    const [coord, alice, rep, czRep, czClaimant] = uniques("Coord", "Alice", "Rep", "Cz Rep", "Cz Claimant");
    const people = await wikiAccounts(wiki, [coord, alice, rep]);
    const hub = await NotifyHub.open(wiki, [coord], { MIRROR_PAGE_PREFIX: "Content Partnerships Hub/Directory" });
    for (const who of [coord, alice, rep, czRep, czClaimant])
      await hub.as(who, "PUT", "/me/preferences", { notifications: "immediate" });
    await hub.affiliate(coord, "wmde", "Wikimedia Deutschland", [rep]);
    await hub.affiliate(coord, "wmcz", "Wikimedia Česká republika", [czRep], { countries: ["CZ"] });
    const partner = await hub.partner(coord, "Stadtmuseum");
    const claim = await hub.claim(alice, partner, "wmde");
    const other = await hub.claim(czClaimant, partner, "wmcz");
    await hub.run(); // the coordinator hears of the claims

    const step = async (act: () => Promise<unknown>, told: string[], text: RegExp) => {
      await act();
      const run = await hub.run();
      expect(run.failed).toEqual([]);
      expect(run.posted.map((p) => p.user).sort()).toEqual([...told].sort());
      for (const user of told) expect((await sectionsOn(reader, user)).at(-1), user).toMatch(text);
    };
    await step(
      () => hub.act(coord, claim, "accept"),
      [alice, rep],
      /accepted the claim of <nowiki>Wikimedia Deutschland/,
    );
    await step(
      () => hub.as(coord, "POST", `/claims/${claim}/handover`, { to: other, reason: "Closer to the museum" }),
      [alice, rep, czRep, czClaimant],
      /handed this partner over .*Reason: “<nowiki>Closer to the museum<\/nowiki>”/,
    );
    // The representative of the new lead acts: the claimant hears of it, the actor does not.
    await step(() => hub.act(czRep, other, "release", { reason: "No capacity" }), [czClaimant], /No capacity/);
    const again = await hub.claim(alice, partner, "wmde");
    await hub.run();
    await step(
      () => hub.act(coord, again, "decline", { reason: "Not this year" }),
      [alice, rep],
      /declined .*Not this year/,
    );
    const third = await hub.claim(rep, partner, "wmde");
    await hub.run();
    await step(() => hub.act(coord, third, "accept"), [rep], /accepted/);
    await step(() => hub.act(rep, third, "complete"), [], /./);

    expect((await sectionsOn(reader, coord)).join("\n")).not.toMatch(/accepted the claim|declined|handed/);
    // Alice, signed in on the wiki, has one Echo notification per section on her talk page.
    const sections = await sectionsOn(reader, alice);
    expect(sections).toHaveLength(3);
    expect(await talkNotices(people.get(alice)!, alice)).toHaveLength(3);
  });

  it("a partner referred in Czechia offering images reaches the Czech affiliate's representatives, not another affiliate", async () => {
    const [coord, referrer, cz1, cz2, fr] = uniques("Coord", "Referrer", "Cz One", "Cz Two", "Fr Rep");
    const hub = await NotifyHub.open(wiki, [coord]);
    await hub.affiliate(coord, "wmcz", "Wikimedia Czech Republic", [cz1, cz2], {
      countries: ["CZ"],
      languages: ["cs"],
      capabilities: ["images"],
    });
    await hub.affiliate(coord, "wmfr", "Wikimédia France", [fr], {
      countries: ["FR"],
      languages: ["fr"],
      capabilities: ["training"],
    });
    await hub.run();
    await hub.partner(referrer, "Pražský fotoarchiv", { country: "CZ", languages: ["cs"], offers: ["images"] });
    hub.advance(25);
    const run = await hub.run();
    expect(run.posted.map((p) => p.user).sort()).toEqual([coord, cz1, cz2].sort());
    for (const user of [cz1, cz2]) expect((await sectionsOn(reader, user)).at(-1)).toContain("Pražský fotoarchiv");
    // The French affiliate heard only of its own representative's verification.
    expect((await sectionsOn(reader, fr)).join("\n")).not.toContain("Pražský");
    expect(run.posted.map((p) => p.user)).not.toContain(fr);
    expect(await sectionsOn(reader, referrer)).toEqual([]);
  });
});
