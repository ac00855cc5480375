/**
 * The built gadget: the browsing script and its stylesheet, one module per language and one per
 * on-demand part, ES2016 at most (what MediaWiki 1.43 validates), wrapped in <nowiki>, each
 * within its size budget.
 */
import { parse } from "acorn";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { beforeAll, describe, expect, it } from "vitest";
import { ON_DEMAND_MODULES } from "../../gadget/vite.config.ts";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist/gadget");
const CONFIG = join(ROOT, "gadget/vite.config.ts");
/**
 * gzip budgets in bytes, one per built file. Browsing carries Preact, signals, the directory
 * (search, facets, the mirror's rows taken over, the browser's copy) and English for the keys
 * its code names: at most 20 KiB (20,480 B). Everything else loads on demand: the partner page,
 * sign-in (the consent step and oauth4webapi), the referral form (with zod), the coordinator
 * views, editing (with zod), and the signed-in user's views with the backend client; each module
 * also carries the full wording of errors. Each takes Preact and signals from the browsing
 * bundle. Before the split: browsing 39,657 B, forms 51,141 B; after it 26,848 B.
 */
const BUDGET: Record<string, number> = {
  "partnerhub.js": 20_480,
  "partnerhub.css": 4_000,
  // Loaded in the page's head (a styles-only peer): only the room of the first screen.
  "partnerhub-first.css": 200,
  "partnerhub-partner.js": 9_000,
  "partnerhub-signin.js": 15_500,
  "partnerhub-forms.js": 40_000,
  "partnerhub-coordinator.js": 15_000,
  "partnerhub-edit.js": 43_000,
  "partnerhub-account.js": 18_500,
  // Intake: the Import page, "Merge into…", and the referral form's duplicate check and Wikidata look-up.
  "partnerhub-intake.js": 13_000,
};
const MODULE_FILES = ON_DEMAND_MODULES.map((m) => `partnerhub-${m}.js`);

const read = (f: string) => readFileSync(join(OUT, f), "utf8");
const json = (...path: string[]) =>
  JSON.parse(readFileSync(join(ROOT, "i18n", ...path), "utf8")) as Record<string, unknown>;
/** One language module's messages: the app's (`i18n/<lang>.json`) and the forms module's (`i18n/forms/<lang>.json`). */
const catalogue = (lang: string) => ({ ...json("forms", `${lang}.json`), ...json(`${lang}.json`) });
const en = json("en.json");
const formsEn = json("forms", "en.json");
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
      for (const mode of ON_DEMAND_MODULES) await build({ configFile: CONFIG, mode, logLevel: "silent" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }, 120_000);

  it.each(["partnerhub.js", ...MODULE_FILES, ...LANGUAGES.map((l) => `partnerhub-i18n-${l}.js`)])(
    "%s parses as ES2016 and is wrapped in <nowiki>",
    (file) => {
      const code = read(file);
      expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
      expect(code.startsWith("// <nowiki>\n")).toBe(true);
      expect(code.trimEnd().endsWith("// </nowiki>")).toBe(true);
      expect(code.slice(12, -14)).not.toMatch(/<\/?nowiki>/);
    },
  );

  it.each([
    ["partnerhub.js", en["partnerhub-search-label"]],
    ["partnerhub-forms.js", en["partnerhub-refer-intro"]],
    ["partnerhub-coordinator.js", formsEn["partnerhub-admin-coordinators"]],
  ])("carries no language but English in %s", (file, english) => {
    const code = read(file);
    expect(code).toContain(english);
    const englishTexts = { ...formsEn, ...en };
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

  it("leaves the on-demand views' English out of the browsing bundle", () => {
    const browsing = read("partnerhub.js");
    expect(browsing).not.toContain(formsEn["partnerhub-admin-coordinators"]);
    expect(browsing).not.toContain(en["partnerhub-refer-intro"]);
    expect(browsing).not.toContain(en["partnerhub-consent-what"]);
  });

  it("leaves the Import page, the merge dialog and the Wikidata look-up to the intake module", () => {
    const intake = read("partnerhub-intake.js");
    for (const key of ["partnerhub-import-title", "partnerhub-merge-explain", "partnerhub-wikidata-unavailable"]) {
      expect(intake).toContain(en[key]);
      for (const other of ["partnerhub.js", "partnerhub-forms.js", "partnerhub-edit.js"])
        expect(read(other), `${other} ${key}`).not.toContain(en[key]);
    }
    expect(intake).toContain("wbsearchentities");
    expect(read("partnerhub.js")).not.toContain("wbsearchentities");
  });

  it.each(["partnerhub.js", ...MODULE_FILES])("carries the English of every key %s names", (file) => {
    const code = read(file);
    const embedded = (c: string) =>
      Object.assign(
        {},
        ...[...c.matchAll(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => JSON.parse(JSON.parse(m[1] as string))),
      ) as Record<string, string>;
    // The browsing bundle is always there first: a module may rely on the English it registered.
    const carried = { ...embedded(read("partnerhub.js")), ...embedded(code) };
    const all = { ...formsEn, ...en };
    const named = [...new Set(code.match(/(?<![.\w-])partnerhub-[a-z0-9-]+[a-z0-9]/g) ?? [])].filter((k) => k in all);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((k) => !(k in carried))).toEqual([]);
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

  it("has a budget for every built script", () => {
    const built = readdirSync(OUT).filter((f) => /\.(js|css)$/.test(f) && !f.startsWith("partnerhub-i18n-"));
    expect(built.sort()).toEqual(Object.keys(BUDGET).sort());
  });

  it.each(Object.entries(BUDGET))("keeps %s within %i bytes gzip", (file, budget) => {
    const size = gzipSync(read(file), { level: 9 }).length;
    console.log(`${file}: ${size} bytes gzip`);
    expect(size).toBeLessThanOrEqual(budget);
  });

  it.each(MODULE_FILES)("gives %s no Preact of its own: it takes the app's", (file) => {
    expect(read(file).trimEnd()).toMatch(/\}\)\((partnerhubRuntime\.\w+,?)+\);\n\/\/ <\/nowiki>$/);
  });

  it("keeps zod out of the browsing bundle", () => {
    expect(read("partnerhub.js")).not.toMatch(/ZodError|\$ZodType/);
  });
});
