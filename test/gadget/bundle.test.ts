/**
 * The built gadget: one script and one stylesheet, ES2016 at most (what
 * MediaWiki 1.43 validates), wrapped in <nowiki>, within its size budget.
 */
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist/gadget");
const CONFIG = join(ROOT, "gadget/vite.config.ts");
/** gzip budgets in bytes: browsing must stay light; forms load on demand. */
// The forms module carries the OAuth sign-in too (oauth4webapi, ~11 kB gzip).
// partnerhub.js still carries every language's messages (en, de, ar) until they load on demand.
const BUDGET = { "partnerhub.js": 41_500, "partnerhub-forms.js": 40_000, "partnerhub.css": 4_000 };

const read = (f: string) => readFileSync(join(OUT, f), "utf8");

describe("gadget bundle", () => {
  beforeAll(async () => {
    // Build exactly as `npm run build:gadget` does: Vite and the Preact preset read NODE_ENV (Vitest sets "test").
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: CONFIG, logLevel: "silent" });
      await build({ configFile: CONFIG, mode: "forms", logLevel: "silent" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }, 120_000);

  it.each(["partnerhub.js", "partnerhub-forms.js"])("%s parses as ES2016 and is wrapped in <nowiki>", (file) => {
    const code = read(file);
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
    expect(code.startsWith("// <nowiki>\n")).toBe(true);
    expect(code.trimEnd().endsWith("// </nowiki>")).toBe(true);
    expect(code.slice(12, -14)).not.toMatch(/<\/?nowiki>/);
  });

  it("fails on newer syntax (the check itself works)", () => {
    expect(() => parse("const f = async () => a?.b;", { ecmaVersion: 2016 })).toThrow();
  });

  it.each(Object.entries(BUDGET))("keeps %s within %i bytes gzip", (file, budget) => {
    const size = gzipSync(read(file), { level: 9 }).length;
    console.log(`${file}: ${size} bytes gzip`);
    expect(size).toBeLessThan(budget);
  });

  it("keeps zod out of the browsing bundle", () => {
    expect(read("partnerhub.js")).not.toMatch(/ZodError|\$ZodType/);
  });
});
