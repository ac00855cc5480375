import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n, MESSAGES, type MessageKey, pluralForm, resolveLanguage } from "../../gadget/src/i18n/index.ts";
import en from "../../i18n/en.json";
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

const SRC = join(import.meta.dirname, "../../gadget/src");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [readFileSync(join(dir, e.name), "utf8")]
        : [],
  );
const params = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

describe("messages", () => {
  it("has an English message for every key the source uses literally", () => {
    const used = new Set(
      sources(SRC).flatMap((s) =>
        [...s.matchAll(/i18n\.t\(\s*"(partnerhub-[a-z0-9.-]+)"/g)].map((m) => m[1] as string),
      ),
    );
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(en, key).toHaveProperty([key]);
  });

  it("has an English label for every vocabulary value", () => {
    const vocab: Array<[string, readonly string[]]> = [
      ["kind", PARTNER_KINDS],
      ["offer", OFFERS],
      ["project", PROJECTS],
      ["funding", FUNDING],
      ["status", PARTNER_STATUSES],
      ["claim-status", CLAIM_STATUSES],
      ["stage", STAGES],
      ["event", EVENT_TYPES],
    ];
    for (const [v, values] of vocab)
      for (const value of values) expect(en, `${v} ${value}`).toHaveProperty([`partnerhub-${v}-${value}`]);
  });

  it("translations use only English keys, with the same parameters", () => {
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      for (const [key, text] of Object.entries(messages)) {
        expect(en, `${lang}: ${key}`).toHaveProperty([key]);
        expect(params(text as string), `${lang}: ${key}`).toEqual(params(en[key as MessageKey]));
      }
    }
  });

  it("falls back to English for a missing translation and an unknown language", () => {
    const de = createI18n("de");
    expect(de.t("partnerhub-signin")).toBe("Anmelden");
    expect(resolveLanguage("de-at")).toBe("de");
    expect(createI18n("xx").t("partnerhub-signin")).toBe("Sign in");
  });

  it("fills parameters and picks plural forms", () => {
    const t = createI18n("en").t;
    expect(t("partnerhub-result-count", 1, 1)).toBe("1 of 1 partner");
    expect(t("partnerhub-result-count", 1200, 5000)).toBe("1,200 of 5,000 partners");
    expect(t("partnerhub-row-interested", 0)).toBe("No affiliate interested yet");
    expect(pluralForm("ar", 2, ["zero", "one", "two", "few", "many", "other"])).toBe("two");
    expect(pluralForm("ar", 11, ["zero", "one", "two", "few", "many", "other"])).toBe("many");
  });

  it("knows Arabic and Hebrew are right-to-left", () => {
    expect(createI18n("ar").dir).toBe("rtl");
    expect(createI18n("de").dir).toBe("ltr");
  });
});

describe("lists", () => {
  it("joins items the language's own way", () => {
    expect(createI18n("en").list(["Images", "Data", "Texts"])).toBe("Images, Data, and Texts");
    expect(createI18n("de").list(["Bilder", "Daten"])).toBe("Bilder und Daten");
    expect(createI18n("ar").list(["صور", "بيانات"])).toContain(" و");
  });
});
