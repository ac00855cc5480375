/**
 * The built gadget: one script and one stylesheet, one module per language, ES2016 at most (what
 * MediaWiki 1.43 validates), wrapped in <nowiki>, within its size budget.
 */
import { parse } from "acorn";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist/gadget");
const CONFIG = join(ROOT, "gadget/vite.config.ts");
/** gzip budgets in bytes: browsing must stay light; forms load on demand. */
// The forms module carries the OAuth sign-in (oauth4webapi, ~11 kB gzip) and the coordinator,
// representative and editing views with their English messages; it takes Preact from the app.
// Browsing carries English only (every other language is its own module, forms messages included),
// "For you" and the Notifications panel, the role tabs, filters and confirm dialog, the pickers and every error worded.
// Before the merge with main's notifications and roles: 36.2 kB on i18n, 46 kB budget on main (all three languages).
// The intake module (Import page, merge dialog, the referral form's duplicate check and Wikidata look-up) is its own
// on-demand module with its English; browsing keeps the referral's website field, the merged ids'
// redirect, the Import tab, "Merge into…" and the module's loader (+0.95 kB gzip over 39.66 kB).
const BUDGET = {
  "partnerhub.js": 41_000,
  "partnerhub-forms.js": 51_500,
  "partnerhub-intake.js": 11_000,
  "partnerhub.css": 4_000,
};

const read = (f: string) => readFileSync(join(OUT, f), "utf8");
const json = (...path: string[]) =>
  JSON.parse(readFileSync(join(ROOT, "i18n", ...path), "utf8")) as Record<string, unknown>;
/** One language module's messages: the app's (`i18n/<lang>.json`) and the on-demand modules' (`i18n/forms/`, `i18n/intake/`). */
const catalogue = (lang: string) => ({
  ...json("intake", `${lang}.json`),
  ...json("forms", `${lang}.json`),
  ...json(`${lang}.json`),
});
const en = json("en.json");
const formsEn = json("forms", "en.json");
const intakeEn = json("intake", "en.json");
const LANGUAGES = readdirSync(join(ROOT, "i18n"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .filter((l) => l !== "en" && l !== "qqq");

describe("gadget bundle", () => {
  beforeAll(async () => {
    // Build exactly as `npm run build:gadget` does: Vite and the Preact preset read NODE_ENV (Vitest sets "test").
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: CONFIG, logLevel: "silent" });
      await build({ configFile: CONFIG, mode: "forms", logLevel: "silent" });
      await build({ configFile: CONFIG, mode: "intake", logLevel: "silent" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }, 120_000);

  it.each([
    "partnerhub.js",
    "partnerhub-forms.js",
    "partnerhub-intake.js",
    ...LANGUAGES.map((l) => `partnerhub-i18n-${l}.js`),
  ])("%s parses as ES2016 and is wrapped in <nowiki>", (file) => {
    const code = read(file);
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
    expect(code.startsWith("// <nowiki>\n")).toBe(true);
    expect(code.trimEnd().endsWith("// </nowiki>")).toBe(true);
    expect(code.slice(12, -14)).not.toMatch(/<\/?nowiki>/);
  });

  it.each([
    ["partnerhub.js", en["partnerhub-refer-intro"]],
    ["partnerhub-forms.js", formsEn["partnerhub-admin-coordinators"]],
    ["partnerhub-intake.js", intakeEn["partnerhub-import-title"]],
  ])("carries no language but English in %s", (file, english) => {
    const code = read(file);
    expect(code).toContain(english);
    const englishTexts = { ...intakeEn, ...formsEn, ...en };
    for (const lang of LANGUAGES) {
      const messages = catalogue(lang);
      const own = Object.entries(messages).filter(
        ([k, v]) => k !== "@metadata" && typeof v === "string" && v !== englishTexts[k] && v.length >= 8,
      );
      expect(own.length, lang).toBeGreaterThan(50);
      for (const [key, text] of own) expect(code.includes(text as string), `${lang} ${key}`).toBe(false);
    }
    expect(code).not.toMatch(/[\u0600-\u06FF]/);
  });

  it("leaves the forms module's English out of the browsing bundle", () => {
    expect(read("partnerhub.js")).not.toContain(formsEn["partnerhub-admin-coordinators"]);
  });

  it("leaves the Import page and the merge dialog, and their English, to the intake module", () => {
    const browsing = read("partnerhub.js");
    for (const key of ["partnerhub-import-title", "partnerhub-merge-explain"]) {
      expect(browsing).not.toContain(intakeEn[key]);
      expect(read("partnerhub-forms.js")).not.toContain(intakeEn[key]);
    }
    expect(browsing).not.toContain("partnerhub-import-commit");
  });

  it("builds each language as its own module of messages", () => {
    for (const lang of LANGUAGES) {
      const code = read(`partnerhub-i18n-${lang}.js`);
      const set = /^\/\/ <nowiki>\nmw\.messages\.set\((.*)\);\n\/\/ <\/nowiki>\n$/s.exec(code);
      const { "@metadata": _, ...messages } = catalogue(lang);
      expect(JSON.parse(set?.[1] ?? "null")).toEqual(messages);
    }
  });

  it("fails on newer syntax (the check itself works)", () => {
    expect(() => parse("const f = async () => a?.b;", { ecmaVersion: 2016 })).toThrow();
  });

  it.each(Object.entries(BUDGET))("keeps %s within %i bytes gzip", (file, budget) => {
    const size = gzipSync(read(file), { level: 9 }).length;
    console.log(`${file}: ${size} bytes gzip`);
    expect(size).toBeLessThan(budget);
  });

  it.each(["partnerhub-forms.js", "partnerhub-intake.js"])(
    "gives %s no Preact of its own: it takes the app's",
    (file) => {
      expect(read(file).trimEnd()).toMatch(/\}\)\((partnerhubRuntime\.\w+,?)+\);\n\/\/ <\/nowiki>$/);
    },
  );

  it("keeps zod out of the browsing bundle", () => {
    expect(read("partnerhub.js")).not.toMatch(/ZodError|\$ZodType/);
  });
});
