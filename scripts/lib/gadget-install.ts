/** Builds the gadget and installs it on a wiki as a real gadget: used by the local hub and the benchmarks. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { WikiInfo } from "../../tools/wiki/harness.ts";
import { quietEnv, ROOT } from "./wrangler.ts";

/** `npm run build:gadget`: the browsing module, then the on-demand modules. */
export function buildGadget(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "gadget/build.ts"), "--quiet"], {
    cwd: ROOT,
    env: { ...quietEnv(), NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`building the gadget failed:\n${r.stdout}\n${r.stderr}`);
}

/** scripts/deploy-gadget.ts --apply with the wiki's bot BotPassword. */
export function deployGadget(wiki: Pick<WikiInfo, "apiUrl" | "bot">): string {
  const r = spawnSync(process.execPath, ["scripts/deploy-gadget.ts", "--api", wiki.apiUrl, "--apply"], {
    cwd: ROOT,
    env: { ...quietEnv(), MW_USERNAME: wiki.bot.botUsername, MW_PASSWORD: wiki.bot.botPassword },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`installing the gadget failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
