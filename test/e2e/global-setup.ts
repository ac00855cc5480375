// Vitest globalSetup: one local hub for the whole end-to-end run, in temporary folders.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startHub, type HubUsers } from "../../scripts/lib/hub.ts";
import { freePort, wikiInfo, type WikiInfo } from "../../tools/wiki/harness.ts";

export interface HubInfo {
  wiki: WikiInfo;
  backendUrl: string;
  hubUrl: string;
  users: HubUsers;
}

declare module "vitest" {
  export interface ProvidedContext {
    hub: HubInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const d1Dir = mkdtempSync(join(tmpdir(), "partnerhub-e2e-d1-"));
  const started = Date.now();
  const hub = await startHub({
    d1Dir,
    backendPort: await freePort(),
    partners: 60,
    log: (l) => console.log(`[hub] ${l}`),
  });
  console.log(`[hub] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${hub.hubUrl}`);
  project.provide("hub", {
    wiki: wikiInfo(hub.wiki),
    backendUrl: hub.backendUrl,
    hubUrl: hub.hubUrl,
    users: hub.users,
  });
  return async () => {
    await hub.stop();
    rmSync(d1Dir, { recursive: true, force: true });
  };
}
