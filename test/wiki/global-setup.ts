// Vitest globalSetup: one wiki per test run, shared by all test files through `inject("wiki")`.
// Tests that need different settings start their own with startWiki().
//
// Two projects use it (`wiki`, and `wiki-d1`, which runs the mirror's suites again with the record
// on D1), and Vitest runs a project's global setup for each project. Both run in Vitest's main
// process, so the wiki is kept on `globalThis` and started once; the last project's teardown stops
// it. The suites share it safely: every test mirrors under a page prefix of its own (uniquePrefix).
import type { TestProject } from "vitest/node";
import { startWiki, wikiInfo, type WikiHandle, type WikiInfo } from "../../tools/wiki/harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    wiki: WikiInfo;
  }
}

interface Shared {
  wiki: Promise<WikiHandle>;
  users: number;
}
const KEY = Symbol.for("partnerhub.test-wiki");
const store = globalThis as { [KEY]?: Shared };

export async function setupWikiForVitest(project: TestProject): Promise<() => Promise<void>> {
  const shared = (store[KEY] ??= { wiki: startWiki(), users: 0 });
  shared.users += 1;
  const wiki = await shared.wiki;
  // Only plain data crosses to the test workers; they rebuild the helpers with attachWiki().
  project.provide("wiki", wikiInfo(wiki));
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete store[KEY];
    await wiki.stop();
  };
}

export default setupWikiForVitest;
