/**
 * The message catalogue (i18n/*.json, banana format, and the forms module's i18n/forms/*.json, which
 * the language modules carry too) against the code that uses it: every key is
 * documented in qqq.json, every key the code uses exists in English and every English key is
 * used, and no translation drops or invents a `$N` parameter. Keys built at run time are known
 * here from the vocabularies they are built from, so a new family of keys must be taught to this
 * test before it passes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/api.ts";
import { CLAIM_ACTIONS } from "../../shared/claim-machine.ts";
import {
  CLAIM_STATUSES,
  EVENT_TYPES,
  FUNDING,
  OFFERS,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PROJECTS,
  STAGES,
} from "../../shared/vocabulary.ts";
import { SIGN_IN_ERROR_CODES } from "../../gadget/src/auth/sign-in-error.ts";
import { FACETS, SORTS } from "../../gadget/src/directory/query.ts";
import { EDITABLE_FIELDS } from "../../shared/schemas.ts";

const ROOT = join(import.meta.dirname, "../..");
const DIR = join(ROOT, "i18n");
const FORMS_DIR = join(DIR, "forms");
type Catalogue = Record<string, string> & { "@metadata"?: unknown };
const readIn = (dir: string, lang: string) => JSON.parse(readFileSync(join(dir, `${lang}.json`), "utf8")) as Catalogue;
const languagesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""));
/** One language's messages: the app's and the forms module's (one language module carries both). */
const read = (lang: string): Catalogue => ({
  ...(languagesIn(FORMS_DIR).includes(lang) ? readIn(FORMS_DIR, lang) : {}),
  ...(languagesIn(DIR).includes(lang) ? readIn(DIR, lang) : {}),
});
const keysOf = (c: Catalogue) => Object.keys(c).filter((k) => k !== "@metadata");
const en = read("en");
const qqq = read("qqq");
const TRANSLATIONS = [...new Set([...languagesIn(DIR), ...languagesIn(FORMS_DIR)])].filter(
  (l) => l !== "en" && l !== "qqq",
);
/** Languages that must be complete, not only correct. */
const COMPLETE = ["de", "ar"];
const params = (s: string) => [...new Set(s.match(/\$\d+/g) ?? [])].sort();

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [readFileSync(join(dir, e.name), "utf8")]
        : [],
  );
const CODE = ["gadget/src", "worker", "shared"].flatMap((d) => sources(join(ROOT, d))).join("\n");

/** Families of keys built at run time (`${…}` → `*`), and every key each can build. */
const VOCABULARIES: Record<string, readonly string[]> = {
  kind: PARTNER_KINDS,
  offer: OFFERS,
  project: PROJECTS,
  funding: FUNDING,
  status: PARTNER_STATUSES,
  "claim-status": CLAIM_STATUSES,
  stage: STAGES,
  event: EVENT_TYPES,
};
const DYNAMIC: Record<string, string[]> = {
  "partnerhub-*-*": Object.entries(VOCABULARIES).flatMap(([v, values]) => values.map((x) => `partnerhub-${v}-${x}`)),
  "partnerhub-event-*": EVENT_TYPES.map((t) => `partnerhub-event-${t}`),
  "partnerhub-stage-*": STAGES.map((s) => `partnerhub-stage-${s}`),
  "partnerhub-project-*": PROJECTS.map((p) => `partnerhub-project-${p}`),
  "partnerhub-claim-status-*": CLAIM_STATUSES.map((s) => `partnerhub-claim-status-${s}`),
  "partnerhub-action-*": CLAIM_ACTIONS.filter((a) => a !== "progress" && a !== "handover").map(
    (a) => `partnerhub-action-${a}`,
  ),
  "partnerhub-facet-*": FACETS.map((f) => `partnerhub-facet-${f}`),
  "partnerhub-sort-*": SORTS.map((s) => `partnerhub-sort-${s.replace("-", "")}`),
  "partnerhub-signin-error-*": SIGN_IN_ERROR_CODES.map((c) => `partnerhub-signin-error-${c}`),
  "partnerhub-confirm-*": ["accept", "decline", "release", "complete"].map((a) => `partnerhub-confirm-${a}`),
  "partnerhub-represent-status-*": ["verified", "requested"].map((s) => `partnerhub-represent-status-${s}`),
  "partnerhub-edit-field-*": EDITABLE_FIELDS.map((f) => `partnerhub-edit-field-${f}`),
  "partnerhub-done-*": ["withdraw", "accept", "decline", "release", "complete"].map((a) => `partnerhub-done-${a}`),
  "partnerhub-review-filter-*": ["all", "waiting", "stale", "representatives"].map(
    (f) => `partnerhub-review-filter-${f}`,
  ),
  // Every code the API can answer has a message, whether the gadget words it generically or not.
  "partnerhub-error-*": ERROR_CODES.map((c) => `partnerhub-error-${c}`),
};
/** Built names that are element ids, not message keys. */
const NOT_MESSAGES = new Set([
  "partnerhub-claim-*",
  "partnerhub-edit-*",
  "partnerhub-edit-*-error",
  "partnerhub-facet-*-*",
  "partnerhub-import-col-*",
  "partnerhub-import-confirm-*",
  "partnerhub-merge-into-*",
  "partnerhub-notify-*",
  "partnerhub-refer-*",
  "partnerhub-refer-*-error",
  "partnerhub-refer-offer-*",
  "partnerhub-refer-project-*",
]);
const pattern = (t: string) => t.replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, "*");
// Templates that build a name; one with a space outside `${…}` is a class list, never a key.
const templates = [
  ...new Set([...CODE.matchAll(/`(partnerhub-[^`]*\$\{[^`]*)`/g)].map((m) => pattern(m[1] as string))),
].filter((p) => !/\s/.test(p));
const dynamicKeys = new Set(Object.values(DYNAMIC).flat());
const literals = new Set([...CODE.matchAll(/["'](partnerhub-[a-z0-9._-]+)["']/g)].map((m) => m[1] as string));
/** Literal keys in places that take a message key: t(…), bdi(…), message(…), mw.message(…). */
const called = new Set(
  [...CODE.matchAll(/\b(?:t|bdi|message)\(\s*"(partnerhub-[a-z0-9._-]+)"/g)].map((m) => m[1] as string),
);

describe("message catalogue", () => {
  it("has @metadata in every file", () => {
    for (const dir of [DIR, FORMS_DIR])
      for (const lang of languagesIn(dir)) expect(readIn(dir, lang), `${dir} ${lang}`).toHaveProperty(["@metadata"]);
  });

  it("keeps the forms module's keys apart from the app's", () => {
    const app = new Set(keysOf(readIn(DIR, "en")));
    expect(keysOf(readIn(FORMS_DIR, "en")).filter((k) => app.has(k))).toEqual([]);
  });

  it("documents every English key in qqq.json, with each parameter, and nothing else", () => {
    expect(keysOf(qqq).sort()).toEqual(keysOf(en).sort());
    for (const key of keysOf(en)) {
      expect(qqq[key]?.trim().length, key).toBeGreaterThan(20);
      for (const p of params(en[key] as string)) expect(qqq[key], `${key} documents ${p}`).toContain(p);
    }
  });

  it.each(TRANSLATIONS)("%s has only English keys, with exactly their parameters", (lang) => {
    const messages = read(lang);
    for (const key of keysOf(messages)) {
      expect(en, `${lang}: ${key}`).toHaveProperty([key]);
      expect(params(messages[key] as string), `${lang}: ${key}`).toEqual(params(en[key] as string));
    }
  });

  it.each(COMPLETE)("%s translates every key", (lang) => {
    const messages = read(lang);
    expect(keysOf(en).filter((k) => !messages[k]?.trim())).toEqual([]);
  });

  it("knows every family of keys the code builds", () => {
    expect(templates).toContain("partnerhub-sort-*");
    const unknown = templates.filter((p) => !(p in DYNAMIC) && !NOT_MESSAGES.has(p));
    expect(unknown, "teach this test which keys these build").toEqual([]);
  });

  it("has an English message for every key the code uses", () => {
    expect(called.size).toBeGreaterThan(100);
    const missing = [...called, ...dynamicKeys].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("uses every English key", () => {
    const unused = keysOf(en).filter((k) => !literals.has(k) && !dynamicKeys.has(k));
    expect(unused).toEqual([]);
  });

  it("notices a dropped parameter (the check itself works)", () => {
    expect(params("$1 of $2 {{PLURAL:$2|partner|partners}}")).toEqual(["$1", "$2"]);
    expect(params("$1 Partner")).not.toEqual(params("$1 of $2"));
  });
});
