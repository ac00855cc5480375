// Where the persistent local wiki of scripts/wiki/up.ts and down.ts lives.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, type WikiInfo } from "../../tools/wiki/harness.ts";

export const instanceDir = join(repoRoot, ".cache/wiki-instance");
/** The last started server's WikiInfo: its pid, and its port that the next start reuses. */
export const stateFile = join(instanceDir, "wiki.json");

export function readState(): WikiInfo | undefined {
  return existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as WikiInfo) : undefined;
}
