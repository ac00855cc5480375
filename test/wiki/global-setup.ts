// Vitest globalSetup: one wiki per test run, shared by all test files through `inject("wiki")`.
// Tests that need different settings start their own with startWiki().
import type { TestProject } from "vitest/node";
import { startWiki, wikiInfo, type WikiInfo } from "../../tools/wiki/harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    wiki: WikiInfo;
  }
}

export async function setupWikiForVitest(project: TestProject): Promise<() => Promise<void>> {
  const wiki = await startWiki();
  // Only plain data crosses to the test workers; they rebuild the helpers with attachWiki().
  project.provide("wiki", wikiInfo(wiki));
  return () => wiki.stop();
}

export default setupWikiForVitest;
