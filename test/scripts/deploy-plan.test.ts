import { describe, expect, it } from "vitest";
import { deployPlan } from "../../scripts/lib/deploy-plan.ts";

describe("deployPlan", () => {
  const base = {
    env: null,
    wikiScriptUrl: "https://meta.wikimedia.org/w",
    allowedOrigins: ["https://meta.wikimedia.org"],
    coordinators: ["A B"],
    secrets: ["SESSION_SECRET"],
  };

  it("migrates remotely, asks for secrets interactively, and deploys with development sign-in off", () => {
    const steps = deployPlan({ ...base, createDatabase: true });
    expect(steps.map((s) => s.command.slice(0, 3).join(" "))).toEqual([
      "wrangler d1 create",
      "wrangler d1 migrations",
      "wrangler secret put",
      "wrangler deploy --var",
    ]);
    expect(steps[1]!.command).toContain("--remote");
    expect(steps[2]!.interactive).toBe(true);
    expect(steps.at(-1)!.command).toContain("DEV_LOGIN:off");
    expect(steps.flatMap((s) => s.command).join(" ")).not.toMatch(/SESSION_SECRET:/);
  });

  it("targets a wrangler environment everywhere when given one", () => {
    const steps = deployPlan({ ...base, env: "production", createDatabase: false });
    expect(steps.every((s) => s.command.includes("--env") && s.command.includes("production"))).toBe(true);
  });
});
