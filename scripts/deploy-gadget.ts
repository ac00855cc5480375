/**
 * Deploys the built gadget to a wiki as a real gadget: its files as
 * MediaWiki:Gadget-* pages and its line in MediaWiki:Gadgets-definition.
 * Shows a diff first and changes nothing unless --apply is given.
 *
 *   npm run build:gadget
 *   MW_USERNAME='You@partnerhub-deploy' MW_PASSWORD=… node scripts/deploy-gadget.ts \
 *     --api https://meta.wikimedia.org/w/api.php [--apply]
 *
 * The account needs the interface-admin right (editsitejs/editsitecss) and a
 * BotPassword with the "Edit sitewide and user CSS/JS" and "Edit the MediaWiki namespace" grants.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Mwn } from "mwn";
import {
  builtPages,
  DEFINITION_TITLE,
  definitionLines,
  languageLines,
  mergeDefinition,
  type GadgetPage,
} from "./lib/gadget-pages.ts";
import { ROOT } from "./lib/wrangler.ts";

const { values } = parseArgs({
  options: {
    api: { type: "string" },
    dist: { type: "string", default: join(ROOT, "dist", "gadget") },
    definition: { type: "string", default: join(ROOT, "gadget", "definition.txt") },
    apply: { type: "boolean", default: false },
  },
});
if (!values.api) throw new Error("--api https://…/w/api.php is required");
const username = process.env.MW_USERNAME;
const password = process.env.MW_PASSWORD;
if (!username || !password) throw new Error("Set MW_USERNAME (a BotPassword name, User@appid) and MW_PASSWORD");

const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const commit = gitCommit();

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha}+local changes` : sha;
  } catch {
    return "unknown commit";
  }
}

/** A unified diff from Debian's diff(1), for the person deciding whether to apply. */
function diff(title: string, before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gadget-diff-"));
  try {
    writeFileSync(join(dir, "a"), before);
    writeFileSync(join(dir, "b"), after);
    const r = spawnSync("diff", ["-u", "--label", `${title} (wiki)`, "--label", `${title} (this build)`, "a", "b"], {
      cwd: dir,
      encoding: "utf8",
    });
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bot = await Mwn.init({
  apiUrl: values.api,
  username,
  password,
  userAgent: `partnerhub-deploy/${version} (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub) mwn`,
  defaultParams: { assert: "user", maxlag: 5 },
});

async function current(title: string): Promise<{ content: string; revid: number | null }> {
  const answer = await bot.query({
    prop: "revisions",
    titles: title,
    rvprop: "ids|content",
    rvslots: "main",
    formatversion: 2,
  });
  const rev = (
    answer.query?.pages as { revisions?: { revid: number; slots: { main: { content: string } } }[] }[] | undefined
  )?.[0]?.revisions?.[0];
  return rev ? { content: rev.slots.main.content, revid: rev.revid } : { content: "", revid: null };
}

const definition = await current(DEFINITION_TITLE);
const pages: GadgetPage[] = [
  ...builtPages(values.dist),
  {
    title: DEFINITION_TITLE,
    content: mergeDefinition(definition.content, [
      ...definitionLines(readFileSync(values.definition, "utf8")),
      ...languageLines(values.dist),
    ]),
  },
];

const summary = `partnerhub gadget ${version} (${commit})`;
let changed = 0;
for (const page of pages) {
  const now = page.title === DEFINITION_TITLE ? definition : await current(page.title);
  if (now.content.trimEnd() === page.content.trimEnd()) {
    console.log(`unchanged  ${page.title}`);
    continue;
  }
  changed++;
  console.log(`${now.revid === null ? "create" : "change"}     ${page.title}`);
  process.stdout.write(diff(page.title, now.content, page.content));
  if (values.apply) {
    const result = await bot.save(
      page.title,
      page.content,
      summary,
      now.revid ? { baserevid: now.revid } : { createonly: true },
    );
    console.log(`  saved as revision ${result.newrevid ?? "(no change)"}`);
  }
}
console.log(
  changed === 0
    ? "The wiki already has this build."
    : values.apply
      ? `Saved ${changed} page(s) with the summary "${summary}".`
      : `${changed} page(s) would change. Run again with --apply to save them with the summary "${summary}".`,
);
