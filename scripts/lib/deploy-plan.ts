/** The steps of a Cloudflare deployment, as data: printed by --dry-run, run one by one otherwise. */

export interface DeployOptions {
  /** Wrangler environment name (`--env`), or null for the top level of wrangler.toml. */
  env: string | null;
  wikiScriptUrl: string;
  allowedOrigins: string[];
  coordinators: string[];
  /** Whether the D1 database still has to be created. */
  createDatabase: boolean;
  /** Secrets to ask for (their values are typed in by the operator, never passed as arguments). */
  secrets: string[];
}

export interface Step {
  why: string;
  command: string[];
  /** Reads a secret from the operator's terminal. */
  interactive?: boolean;
}

export function deployPlan(o: DeployOptions): Step[] {
  const envArgs = o.env ? ["--env", o.env] : [];
  const steps: Step[] = [];
  if (o.createDatabase) {
    steps.push({
      why: "create the D1 database (put the printed database_id into wrangler.toml)",
      command: ["wrangler", "d1", "create", "partnerhub"],
    });
  }
  steps.push({
    why: "apply the migrations to the remote database",
    command: ["wrangler", "d1", "migrations", "apply", "DB", "--remote", ...envArgs],
  });
  for (const name of o.secrets) {
    steps.push({
      why: `set the secret ${name}`,
      command: ["wrangler", "secret", "put", name, ...envArgs],
      interactive: true,
    });
  }
  steps.push({
    why: "deploy the Worker with production settings (development sign-in off)",
    command: [
      "wrangler",
      "deploy",
      ...envArgs,
      "--var",
      `WIKI_SCRIPT_URL:${o.wikiScriptUrl}`,
      "--var",
      `ALLOWED_ORIGINS:${o.allowedOrigins.join(",")}`,
      "--var",
      `COORDINATORS:${o.coordinators.join(",")}`,
      "--var",
      "DEV_LOGIN:off",
    ],
  });
  return steps;
}
