// Delivery of notices on a real MediaWiki: people's choices, bots exclusion, faults in the middle
// of a run, many recipients at once, and hostile text. Each test has its own hub and people.
// zod schemas get `.openapi()` only when created after @hono/zod-openapi extends zod (as in worker/node/server.ts).
import "@hono/zod-openapi";
import { Window } from "happy-dom";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ClaimRequest } from "../../../shared/api.ts";
import { attachWiki, login, type WikiClient } from "../../../tools/wiki/harness.ts";
import { HOSTILE_STRINGS } from "../mirror/hostile-strings.ts";
import { botEdits, NotifyHub, sectionsOn, unique, uniques } from "./hub.ts";

const wiki = attachWiki(inject("wiki"));
let reader: WikiClient;
let person: WikiClient;

beforeAll(async () => {
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  person = await login(wiki.apiUrl, wiki.admin.username, wiki.admin.password);
});

/** A hub whose coordinators are told of every claim, with `claims` claims on as many partners. */
async function hubWithClaims(coordinators: string[], claims: number) {
  const hub = await NotifyHub.open(wiki, coordinators);
  await hub.affiliate(coordinators[0]!, "wmde", "Wikimedia Deutschland", []);
  const partners: string[] = [];
  for (let i = 0; i < claims; i++) {
    const partner = await hub.partner(coordinators[0]!, `Museum ${i}`);
    partners.push(partner);
    await hub.claim(unique("Claimant"), partner, "wmde");
  }
  return { hub, partners };
}

/** What the outbox status says about `user`. */
async function statusOf(hub: NotifyHub, coordinator: string, user: string) {
  const status = await hub.as<{ recipients: Array<{ user: string; state: string; detail: string; pending: number }> }>(
    coordinator,
    "GET",
    "/notifications/status",
  );
  return status.recipients.find((r) => r.user === user);
}

describe("people's choices", () => {
  it("none posts nothing; daily gathers several events into one section a day; immediate posts each run", async () => {
    const [lead, none, daily, immediate] = uniques("Lead", "None", "Daily", "Immediate");
    const { hub } = await hubWithClaims([lead, none, daily, immediate], 0);
    await hub.as(none, "PUT", "/me/preferences", { notifications: "none" });
    await hub.as(immediate, "PUT", "/me/preferences", { notifications: "immediate" });
    const claimsNow = async (n: number) => {
      for (let i = 0; i < n; i++)
        await hub.claim(unique("Claimant"), await hub.partner(lead, unique("Museum")), "wmde");
    };

    await claimsNow(3);
    await hub.run();
    expect(await sectionsOn(reader, none)).toEqual([]);
    expect(await sectionsOn(reader, daily)).toHaveLength(1);
    // Each claim comes with its partner's referral: both concern a coordinator.
    expect((await sectionsOn(reader, daily))[0]!.match(/^\* /gm)).toHaveLength(6);
    expect(await sectionsOn(reader, immediate)).toHaveLength(1);

    for (let run = 0; run < 3; run++) {
      hub.advance(1);
      await claimsNow(2);
      await hub.run();
    }
    expect(await sectionsOn(reader, none)).toEqual([]);
    expect(await statusOf(hub, lead, none)).toMatchObject({ state: "skipped", detail: "preference_none", pending: 0 });
    expect(await sectionsOn(reader, daily)).toHaveLength(1);
    expect(await sectionsOn(reader, immediate)).toHaveLength(4);
    expect(await statusOf(hub, lead, daily)).toMatchObject({ state: "pending", pending: 12 });

    // A day after the first, one digest with everything since.
    hub.advance(22);
    await hub.run();
    const digests = await sectionsOn(reader, daily);
    expect(digests).toHaveLength(2);
    expect(digests[1]!.match(/^\* /gm)).toHaveLength(12);
  });
});

describe("bots exclusion", () => {
  it("skips a talk page with {{nobots}} or a deny list naming the bot, and reports it as skipped", async () => {
    const [coord, nobots, denied, allowedElse, fine] = uniques("Coord", "Nobots", "Denied", "Allowed", "Fine");
    await person.edit(`User talk:${nobots}`, "Please no bots. {{nobots}}", "test");
    await person.edit(`User talk:${denied}`, "{{bots|deny=SomeBot,Bot}}", "test");
    await person.edit(`User talk:${allowedElse}`, "{{bots|allow=OtherBot}}", "test");
    await person.edit(`User talk:${fine}`, "{{bots|deny=OtherBot}} hello", "test");
    const { hub } = await hubWithClaims([coord, nobots, denied, allowedElse, fine], 1);
    const run = await hub.run();
    expect(Object.fromEntries(run.skipped.map((s) => [s.user, s.reason]))).toEqual({
      [nobots]: "nobots",
      [denied]: "bots_deny",
      [allowedElse]: "bots_allow",
    });
    expect(run.posted.map((p) => p.user).sort()).toEqual([coord, fine].sort());
    for (const user of [nobots, denied, allowedElse]) {
      expect(await sectionsOn(reader, user)).toEqual([]);
      expect(await botEdits(reader, `User talk:${user}`)).toEqual([]);
      expect(await statusOf(hub, coord, user)).toMatchObject({ state: "skipped" });
    }
    expect(await statusOf(hub, coord, nobots)).toMatchObject({ detail: "nobots" });
  });

  it("skips users in the category Opted-out of message delivery", async () => {
    const [coord, optedOut] = [unique("Coord"), unique("Opted")];
    await person.edit(`User:${optedOut}`, "[[Category:Opted-out of message delivery]]", "test");
    const { hub } = await hubWithClaims([coord, optedOut], 1);
    const run = await hub.run();
    expect(run.skipped).toEqual([{ user: optedOut, reason: "opted_out_category" }]);
    expect(await sectionsOn(reader, optedOut)).toEqual([]);
  });
});

describe("faults in the middle of a run", () => {
  /** The bot's fetch, with `hook` run before every request of an edit (it may throw, or send first). */
  const hooked =
    (hook: (body: URLSearchParams, send: () => Promise<Response>) => Promise<Response>) =>
    (input: RequestInfo | URL, init?: RequestInit) => {
      const body = new URLSearchParams(init?.body ? String(init.body) : "");
      const send = () => fetch(input, init);
      return body.get("action") === "edit" ? hook(body, send) : send();
    };

  it("a wiki that goes down mid-run: the next run delivers each section exactly once", async () => {
    const coords = ["One", "Two", "Three", "Four"].map((n) => unique(`Coord ${n}`));
    const { hub } = await hubWithClaims(coords, 2);
    let edits = 0;
    const first = await hub.run({
      clientOptions: {
        fetch: hooked(async (_body, send) => {
          if (++edits > 2) throw new TypeError("fetch failed: connection refused");
          return send();
        }),
      },
    });
    expect(first.posted).toHaveLength(2);
    expect(first.failed.length).toBe(2);
    const failed = first.failed.map((f) => f.user);
    expect(await statusOf(hub, coords[0]!, failed[0]!)).toMatchObject({ state: "failed" });
    expect((await statusOf(hub, coords[0]!, failed[0]!))!.detail).toMatch(/connection refused|network/i);

    const second = await hub.run();
    expect(second.posted.map((p) => p.user).sort()).toEqual([...failed].sort());
    expect((await hub.run()).posted).toEqual([]);
    for (const c of coords) {
      const sections = await sectionsOn(reader, c);
      expect(sections, c).toHaveLength(1);
    }
  });

  it("an edit whose answer is lost is found on the page by the next run and not sent again", async () => {
    const [coord] = [unique("Coord Lost")];
    const { hub } = await hubWithClaims([coord], 1);
    const first = await hub.run({
      clientOptions: {
        maxRetries: 0,
        fetch: hooked(async (_body, send) => {
          await send();
          throw new TypeError("fetch failed: socket hang up");
        }),
      },
    });
    expect(first.failed.map((f) => f.user)).toEqual([coord]);
    expect(await sectionsOn(reader, coord)).toHaveLength(1);
    const second = await hub.run();
    expect(second.posted).toEqual([]);
    expect(await sectionsOn(reader, coord)).toHaveLength(1);
    expect(await statusOf(hub, coord, coord)).toMatchObject({ state: "sent", pending: 0 });
  });

  it("a person editing the talk page between the bot's read and its edit: one section, and their text kept", async () => {
    const coord = unique("Coord Busy");
    await person.edit(`User talk:${coord}`, "Welcome!", "test");
    const { hub } = await hubWithClaims([coord], 1);
    let interfered = false;
    const run = await hub.run({
      clientOptions: {
        fetch: hooked(async (body, send) => {
          if (!interfered && body.get("title") === `User talk:${coord}`) {
            interfered = true;
            const page = await person.readPage(`User talk:${coord}`);
            await person.edit(`User talk:${coord}`, `${page!.content}\n\nA reply typed meanwhile.`, "test");
          }
          return send();
        }),
      },
    });
    expect(interfered).toBe(true);
    const next = await hub.run();
    expect([...run.posted, ...next.posted].map((p) => p.user)).toEqual([coord]);
    const text = (await reader.readPage(`User talk:${coord}`))!.content;
    expect(text).toContain("A reply typed meanwhile.");
    expect(text).toContain("Welcome!");
    expect(await sectionsOn(reader, coord)).toHaveLength(1);
  });
});

describe("many recipients", () => {
  it("60 recipients in one run: 60 edits, one per page, none minor", async () => {
    const coords = Array.from({ length: 60 }, (_, i) => unique(`Coord ${i}`));
    const { hub } = await hubWithClaims(coords, 2);
    const run = await hub.run();
    expect(run.failed).toEqual([]);
    expect(run.posted).toHaveLength(60);
    expect(new Set(run.posted.map((p) => p.user)).size).toBe(60);
    for (const c of coords) {
      const edits = await botEdits(reader, `User talk:${c}`);
      expect(edits, c).toHaveLength(1);
      expect(edits[0]!.minor).toBe(false);
    }
  });
});

describe("hostile text", () => {
  it("arrives on the talk page as text: no link, template, category or markup of its own", async () => {
    const coord = unique("Coord Hostile");
    const hub = await NotifyHub.open(wiki, [coord], { MIRROR_PAGE_PREFIX: "Content Partnerships Hub/Directory" });
    await hub.as(coord, "PUT", "/me/preferences", { notifications: "immediate" });
    const AFFILIATES = 12;
    for (let a = 0; a < AFFILIATES; a++) await hub.affiliate(coord, `aff-${a}`, `Affiliate ${a}`, []);
    const accepted = HOSTILE_STRINGS.filter(
      (h) => ClaimRequest.safeParse({ affiliate: "aff-0", message: h }).success && h.trim() !== "",
    );
    expect(accepted.length).toBeGreaterThan(200);
    // Immediate notices, a run per hundred claims: each section lists all of its lines.
    const messages: string[] = [];
    let partner = "";
    for (const [i, h] of accepted.entries()) {
      if (i % AFFILIATES === 0) partner = await hub.partner(coord, `Museum ${i}`);
      await hub.claim(unique("Claimant"), partner, `aff-${i % AFFILIATES}`, h);
      messages.push(ClaimRequest.parse({ affiliate: "aff-0", message: h }).message);
      if (messages.length % 100 === 0 || i === accepted.length - 1)
        expect((await hub.run()).posted.map((p) => p.user)).toEqual([coord]);
    }

    const parsed = (
      await reader.get({
        action: "parse",
        page: `User talk:${coord}`,
        prop: "text|categories|templates|links|externallinks|images",
      })
    ).parse as {
      text: string;
      categories: unknown[];
      templates: unknown[];
      links: Array<{ title: string }>;
      externallinks: unknown[];
      images: unknown[];
    };
    expect(parsed.categories).toEqual([]);
    expect(parsed.templates).toEqual([]);
    expect(parsed.externallinks).toEqual([]);
    expect(parsed.images).toEqual([]);
    expect(new Set(parsed.links.map((l) => l.title))).toEqual(
      new Set(["Content Partnerships Hub/Directory", "User:Bot", "User talk:Bot"]),
    );
    const { document } = new Window();
    document.body.innerHTML = parsed.text;
    // The list items of the sections (not those of the table of contents).
    const items = [...document.querySelectorAll(".mw-parser-output > ul > li")];
    expect(items).toHaveLength(messages.length);
    const shown = (s: string) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, "\uFFFD");
    for (const [i, li] of items.entries()) {
      for (const el of li.querySelectorAll("*")) expect(["BR", "A"], el.outerHTML).toContain(el.tagName);
      const copy = li.cloneNode(true) as typeof li;
      for (const br of copy.querySelectorAll("br")) br.replaceWith("\n");
      const text = copy.textContent ?? "";
      const said = text.slice(text.indexOf("Message: “") + "Message: “".length, text.lastIndexOf("”"));
      expect(said, JSON.stringify(messages[i])).toBe(shown(messages[i]!));
    }
  });
});
