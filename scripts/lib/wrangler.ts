/** Runs the project's own wrangler (Node 22 from node_modules) without telemetry or network look-ups. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "node_modules", ".bin");

export const quietEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${BIN}:${process.env.PATH ?? ""}`,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  CI: "true", // no interactive prompts
});

/** Runs wrangler to completion; throws with its output when it fails. */
export function wrangler(args: string[]): string {
  const r = spawnSync(join(BIN, "wrangler"), args, {
    cwd: ROOT,
    env: quietEnv(),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Starts a long-running wrangler in its own process group, so that stopping it stops workerd too. */
export function spawnWrangler(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(join(BIN, "wrangler"), args, {
    cwd: ROOT,
    env: { ...quietEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}

/** Starts another of the project's tools (e.g. vite) the same way. */
export function spawnTool(tool: string, args: string[]): ChildProcess {
  return spawn(join(BIN, tool), args, {
    cwd: ROOT,
    env: quietEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}

export function stopGroup(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Polls `url` until it answers 2xx, or throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
