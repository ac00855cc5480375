/**
 * Deploys the backend to Cloudflare: D1 database, remote migrations, secrets, `wrangler deploy`.
 * Prints the plan and stops unless --yes is given. Run `wrangler login` first.
 *
 *   node scripts/deploy-backend.ts --coordinators "Name One,Name Two" [--create-database] \
 *     [--secret SESSION_SECRET --secret MIRROR_OAUTH_TOKEN] [--env production] [--yes]
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { deployPlan } from "./lib/deploy-plan.ts";
import { quietEnv, ROOT } from "./lib/wrangler.ts";

const { values } = parseArgs({
  options: {
    env: { type: "string" },
    wiki: { type: "string", default: "https://meta.wikimedia.org/w" },
    origins: { type: "string", default: "https://meta.wikimedia.org" },
    coordinators: { type: "string", default: "" },
    "create-database": { type: "boolean", default: false },
    secret: { type: "string", multiple: true, default: ["SESSION_SECRET"] },
    yes: { type: "boolean", default: false },
  },
});

const steps = deployPlan({
  env: values.env ?? null,
  wikiScriptUrl: values.wiki,
  allowedOrigins: values.origins
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  coordinators: values.coordinators
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  createDatabase: values["create-database"],
  secrets: values.secret,
});

for (const [i, step] of steps.entries()) {
  console.log(
    `${i + 1}. ${step.why}\n   $ ${step.command.map((a) => (/[\s,]/.test(a) ? JSON.stringify(a) : a)).join(" ")}`,
  );
}
if (!values.yes) {
  console.log("\nNothing was run. Check the plan, then run again with --yes.");
  process.exit(0);
}
for (const step of steps) {
  const [cmd, ...args] = step.command;
  const env = { ...quietEnv(), CI: step.interactive ? "" : "true" };
  const r = spawnSync(cmd!, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`Stopped: "${step.why}" failed. Nothing after it was run.`);
    process.exit(r.status ?? 1);
  }
}
