/** scripts/deploy-gadget.ts against a real wiki: a dry run changes nothing, --apply installs, a rerun is a no-op. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeDefinition } from "../../scripts/lib/gadget-pages.ts";
import { apiGet, login, startWiki, type WikiHandle } from "../../tools/wiki/harness.ts";

const run = promisify(execFile);
let wiki: WikiHandle;
let dist: string;
let definition: string;

beforeAll(async () => {
  // Its own wiki: other test files edit MediaWiki:Gadgets-definition on the shared one.
  wiki = await startWiki();
  const dir = mkdtempSync(join(tmpdir(), "deploy-gadget-"));
  dist = join(dir, "dist");
  await run("mkdir", ["-p", dist]);
  writeFileSync(join(dist, "partnerhub.js"), "// <nowiki>\nmw.log('partnerhub test build');\n// </nowiki>\n");
  writeFileSync(join(dist, "partnerhub.css"), ".partnerhub { color: inherit; }\n");
  writeFileSync(
    join(dist, "partnerhub-i18n-de.js"),
    '// <nowiki>\nmw.messages.set({"partnerhub-signin":"Anmelden"});\n// </nowiki>\n',
  );
  definition = join(dir, "definition.txt");
  writeFileSync(
    definition,
    "# comment\n* partnerhub[ResourceLoader|categories=Content Partnerships Hub|actions=view]|partnerhub.js|partnerhub.css\n",
  );
  const admin = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  await admin.edit("MediaWiki:Gadgets-definition", "== tools ==\n* other[ResourceLoader]|other.js\n", "another gadget");
}, 120_000);
afterAll(() => wiki?.stop());

const deploy = (...args: string[]) =>
  run(
    process.execPath,
    ["scripts/deploy-gadget.ts", "--api", wiki.apiUrl, "--dist", dist, "--definition", definition, ...args],
    {
      env: { ...process.env, MW_USERNAME: wiki.bot.botUsername, MW_PASSWORD: wiki.bot.botPassword },
    },
  );

async function revisions(title: string): Promise<number> {
  const answer = await apiGet(wiki.apiUrl, {
    action: "query",
    prop: "revisions",
    titles: title,
    rvlimit: 50,
    rvprop: "ids",
  });
  const page = (answer.query as { pages: { revisions?: unknown[] }[] }).pages[0];
  return page?.revisions?.length ?? 0;
}

describe("deploy-gadget", () => {
  it("shows a diff and changes nothing without --apply", async () => {
    const { stdout } = await deploy();
    expect(stdout).toContain("create     MediaWiki:Gadget-partnerhub.js");
    expect(stdout).toContain("+mw.log('partnerhub test build');");
    expect(stdout).toContain("4 page(s) would change");
    expect(await revisions("MediaWiki:Gadget-partnerhub.js")).toBe(0);
    expect(await revisions("MediaWiki:Gadgets-definition")).toBe(1);
  });

  it("installs with the commit in the summary, keeps other gadgets, and a rerun is a no-op", async () => {
    const { stdout } = await deploy("--apply");
    expect(stdout).toContain("Saved 4 page(s)");
    const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
    const def = await bot.readPage("MediaWiki:Gadgets-definition");
    expect(def?.content).toContain("* other[ResourceLoader]|other.js");
    expect(def?.content).toContain(
      "== partnerhub ==\n* partnerhub[ResourceLoader|categories=Content Partnerships Hub|actions=view]",
    );
    // Each language module becomes a hidden gadget of its own, found in the build, not written by hand.
    expect(def?.content).toContain("* partnerhub-i18n-de[ResourceLoader|hidden|type=general]|partnerhub-i18n-de.js");
    const answer = await apiGet(wiki.apiUrl, {
      action: "query",
      prop: "revisions",
      titles: "MediaWiki:Gadget-partnerhub.js",
      rvprop: "comment",
    });
    const comment = (answer.query as { pages: { revisions: { comment: string }[] }[] }).pages[0]!.revisions[0]!.comment;
    expect(comment).toMatch(/^partnerhub gadget \d+\.\d+\.\d+ \((?:[0-9a-f]{12}|unknown commit)/);
    const again = await deploy("--apply");
    expect(again.stdout).toContain("The wiki already has this build.");
    expect(await revisions("MediaWiki:Gadget-partnerhub.js")).toBe(1);
  });
});

describe("mergeDefinition", () => {
  const ours = ["* partnerhub[ResourceLoader|actions=view]|partnerhub.js"];
  it("replaces our line where it stands and leaves the rest", () => {
    const current = "== a ==\n* x|x.js\n* partnerhub[old]|old.js\n* y|y.js";
    expect(mergeDefinition(current, ours)).toBe(
      "== a ==\n* x|x.js\n* partnerhub[ResourceLoader|actions=view]|partnerhub.js\n* y|y.js",
    );
  });
  it("adds a section when our gadget is new, and is idempotent", () => {
    const once = mergeDefinition("* x|x.js\n", ours);
    expect(once).toBe("* x|x.js\n\n== partnerhub ==\n* partnerhub[ResourceLoader|actions=view]|partnerhub.js\n");
    expect(mergeDefinition(once, ours)).toBe(once);
  });
});
