import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ApiError,
  apiGet,
  attachWiki,
  createClient,
  login,
  newPassword,
  startWiki,
  type WikiClient,
  type WikiHandle,
} from "../../tools/wiki/harness.ts";

const wiki = attachWiki(inject("wiki"));

/** A title no other test (or earlier run on a persistent wiki) has used. */
const unique = (prefix: string) => `${prefix} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("the shared test wiki", () => {
  let bot: WikiClient;
  beforeAll(async () => {
    bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  });

  it("is MediaWiki 1.43 with Gadgets, Echo and ParserFunctions", async () => {
    const answer = await apiGet(wiki.apiUrl, { action: "query", meta: "siteinfo", siprop: "general|extensions" });
    const query = answer.query as {
      general: { generator: string; server: string };
      extensions: Array<{ name: string }>;
    };
    expect(query.general.generator).toMatch(/^MediaWiki 1\.43\./);
    expect(query.general.server).toBe(wiki.scriptUrl);
    expect(query.extensions.map((extension) => extension.name)).toEqual(
      expect.arrayContaining(["Gadgets", "Echo", "ParserFunctions"]),
    );
  });

  it("lets the bot log in with its BotPassword and edit as a bot", async () => {
    expect(wiki.bot.botPassword).toMatch(/^[0-9a-w]{32,}$/);
    const title = unique("Harness edit");
    const result = await bot.edit(title, "Hello from the bot.", "harness test", {
      assert: "bot",
      bot: true,
      maxlag: 5,
    });
    expect(result.result).toBe("Success");
    expect(await bot.readPage(title)).toEqual({ content: "Hello from the bot.", revid: result.newrevid });

    const contributions = await apiGet(wiki.apiUrl, {
      action: "query",
      list: "recentchanges",
      rctitle: title,
      rcprop: "user|flags",
    });
    expect((contributions.query as { recentchanges: unknown[] }).recentchanges).toEqual([
      expect.objectContaining({ user: "Bot", bot: true }),
    ]);
  });

  it("refuses assert=bot for a client that is not logged in", async () => {
    const anonymous = createClient(wiki.apiUrl);
    await expect(anonymous.edit(unique("Harness anon"), "x", "x", { assert: "bot" })).rejects.toMatchObject({
      code: "assertbotfailed",
    });
  });

  it("parses wikitext with ParserFunctions", async () => {
    const html = await bot.parse("'''bold''' {{#if: yes | then | else}}");
    expect(html).toContain("<b>bold</b>");
    expect(html).toContain("then");
    expect(html).not.toContain("else");
  });

  it("loads a categories= gadget defined through the API only on views of pages in that category", async () => {
    const marker = unique("gadget-marker").replace(/\W/g, "_");
    await bot.edit("MediaWiki:Gadget-x.js", `mw.config.set("${marker}", true);`, "gadget code", { assert: "bot" });
    await bot.edit(
      "MediaWiki:Gadgets-definition",
      "== partnerhub ==\n* x[ResourceLoader|default|categories=Hub pages|actions=view]|x.js\n",
      "gadget definition",
      { assert: "bot" },
    );
    const hubPage = unique("Hub page");
    const otherPage = unique("Other page");
    await bot.edit(hubPage, "Directory.\n[[Category:Hub pages]]", "hub page", { assert: "bot" });
    await bot.edit(otherPage, "Nothing here.", "other page", { assert: "bot" });

    expect(pageModules(await fetchHtml(wiki, hubPage))).toContain("ext.gadget.x");
    expect(pageModules(await fetchHtml(wiki, otherPage))).not.toContain("ext.gadget.x");
    expect(pageModules(await fetchHtml(wiki, hubPage, "edit"))).not.toContain("ext.gadget.x");

    // The code that load.php serves is ours, validated and not replaced by a parse error.
    const script = await fetchText(
      `${wiki.scriptUrl}/load.php?modules=ext.gadget.x&only=scripts&lang=en&skin=vector-2022`,
    );
    expect(script).toContain(marker);
    expect(script).not.toMatch(/Parse error/i);
  });

  it("validates gadget code at ES2016: an ES2017 async arrow is replaced by a parse error", async () => {
    await bot.edit("MediaWiki:Gadget-es2017.js", "const f = async () => 1;", "too new", { assert: "bot" });
    await bot.edit(
      "MediaWiki:Gadgets-definition",
      "== partnerhub ==\n* es2017[ResourceLoader|hidden]|es2017.js\n",
      "gadget definition",
      { assert: "bot" },
    );
    const script = await fetchText(
      `${wiki.scriptUrl}/load.php?modules=ext.gadget.es2017&only=scripts&lang=en&skin=vector-2022`,
    );
    expect(script).toMatch(/Parse error/i);
  });

  it("answers maxlag while setLag() simulates replication lag", async () => {
    await wiki.setLag(10);
    try {
      const error = await bot.edit(unique("Harness lag"), "x", "x", { maxlag: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: "maxlag", status: 200 });
      expect((error as ApiError).retryAfter).toBeGreaterThan(0);
    } finally {
      await wiki.setLag(0);
    }
    const result = await bot.edit(unique("Harness lag"), "x", "x", { maxlag: 5 });
    expect(result.result).toBe("Success");
  });

  it("creates ordinary users who can log in, edit, and be blocked", async () => {
    const name = unique("Partner").replace(/[^A-Za-z0-9 ]/g, "");
    const password = newPassword();
    await wiki.createUser(name, password);
    const user = await login(wiki.apiUrl, name, password);
    const title = unique("User edit");
    expect((await user.edit(title, "mine", "user edit", { assert: "user" })).result).toBe("Success");

    await wiki.blockUser(name, { reason: "harness test" });
    await expect(user.edit(title, "again", "blocked edit", { assert: "user" })).rejects.toMatchObject({
      code: "blocked",
    });
    const blocks = await apiGet(wiki.apiUrl, { action: "query", list: "blocks", bkusers: name });
    expect((blocks.query as { blocks: unknown[] }).blocks).toHaveLength(1);

    await wiki.unblockUser(name);
    expect((await user.edit(title, "again", "unblocked edit", { assert: "user" })).result).toBe("Success");
  });

  it("does not rate-limit new users (load tests make many edits a minute)", async () => {
    const name = unique("Busy").replace(/[^A-Za-z0-9 ]/g, "");
    const password = newPassword();
    await wiki.createUser(name, password);
    const user = await login(wiki.apiUrl, name, password);
    const rights = await user.get({ action: "query", meta: "userinfo", uiprop: "rights" });
    expect((rights.query as { userinfo: { rights: string[] } }).userinfo.rights).toContain("noratelimit");
    // Without noratelimit, a new user got "ratelimited" at the 46th edit within a minute.
    const title = unique("Busy page");
    for (let i = 1; i <= 50; i++) {
      expect((await user.edit(title, `edit ${i}`, `edit ${i}`)).result).toBe("Success");
    }
  });

  it("puts users into the groups asked for, and refuses unknown groups", async () => {
    const name = unique("Sysop").replace(/[^A-Za-z0-9 ]/g, "");
    await wiki.createUser(name, newPassword(), { groups: ["sysop"] });
    const users = await apiGet(wiki.apiUrl, { action: "query", list: "users", ususers: name, usprop: "groups" });
    expect((users.query as { users: Array<{ groups: string[] }> }).users[0]?.groups).toContain("sysop");
    await expect(
      wiki.createUser(unique("Nobody").replace(/[^A-Za-z0-9 ]/g, ""), newPassword(), { groups: ["no-such-group"] }),
    ).rejects.toThrow(/not a valid group/);
  });
});

describe("a wiki with a lowered $wgMaxArticleSize", () => {
  let small: WikiHandle;
  beforeAll(async () => {
    small = await startWiki({ maxArticleSizeKiB: 1 });
  });
  afterAll(async () => {
    await small?.stop();
  });

  it("answers contenttoobig above the limit and accepts what fits", async () => {
    const bot = await login(small.apiUrl, small.bot.botUsername, small.bot.botPassword);
    expect((await bot.edit("Fits", "a".repeat(1000), "fits")).result).toBe("Success");
    await expect(bot.edit("Too big", "a".repeat(1025), "too big")).rejects.toMatchObject({ code: "contenttoobig" });
  });

  it("is a separate wiki on its own port and folder", () => {
    expect(small.port).not.toBe(wiki.port);
    expect(small.dir).not.toBe(wiki.dir);
  });
});

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

function fetchHtml(target: { scriptUrl: string }, title: string, action = "view"): Promise<string> {
  return fetchText(`${target.scriptUrl}/index.php?title=${encodeURIComponent(title)}&action=${action}`);
}

/** The modules a page asks ResourceLoader to load (RLPAGEMODULES in the page's head). */
function pageModules(html: string): string[] {
  const list = /RLPAGEMODULES=(\[[^\]]*\])/.exec(html)?.[1];
  if (!list) throw new Error("no RLPAGEMODULES in the page");
  return JSON.parse(list) as string[];
}
