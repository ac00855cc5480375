/**
 * PREVIEW AND TEST ONLY — a stand-in for MediaWiki's message functions where the real ones do not
 * run: the local preview page and the component tests (happy-dom). On a wiki the gadget uses
 * MediaWiki's own `mw.messages`, `mw.message` (`mediawiki.jqueryMsg`) and `mw.language`; the
 * end-to-end tests run those. This covers only what partnerhub's catalogue uses: `$N`,
 * `{{PLURAL:$N|…}}` (CLDR order, explicit `N=` forms) and `{{GENDER:$N|…}}` (as for an unknown
 * gender), numbers and lists through `Intl`. Never shipped.
 */
import { languageModule } from "../src/i18n/index.ts";

type Catalogue = Record<string, string>;
const files = import.meta.glob<Catalogue>("../../i18n/*.json", { eager: true, import: "default" });
const formsFiles = import.meta.glob<Catalogue>("../../i18n/forms/*.json", { eager: true, import: "default" });
const langOf = (path: string) => /([\w-]+)\.json$/.exec(path)?.[1] ?? "";
const FORMS: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(formsFiles).map(([path, json]) => [langOf(path), json]),
);
/** Each language module as the build makes it: the app's messages and the forms module's translations. */
const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(files).map(([path, json]) => {
    const lang = langOf(path);
    return [lang, lang === "en" ? json : { ...FORMS[lang], ...json }];
  }),
);
const PLURAL_ORDER = ["zero", "one", "two", "few", "many", "other"];

/** Pick a PLURAL form as MediaWiki does: explicit `N=` first, then CLDR's categories in order. */
export function pluralForm(lang: string, n: number, forms: string[]): string {
  const explicit = forms.find((f) => f.startsWith(`${n}=`));
  if (explicit) return explicit.slice(String(n).length + 1);
  const plain = forms.filter((f) => !/^\d+=/.test(f));
  const rules = new Intl.PluralRules(lang);
  const categories = rules
    .resolvedOptions()
    .pluralCategories.slice()
    .sort((a, b) => PLURAL_ORDER.indexOf(a) - PLURAL_ORDER.indexOf(b));
  return plain[Math.min(categories.indexOf(rules.select(n)), plain.length - 1)] ?? "";
}

/** Installs the stand-in on `mw` for user language `lang`: English first, then `lang`'s chain. */
export function installMessages(mw: Record<string, unknown>, lang: string): void {
  const store = new Map<string, string>();
  const set = (values: Catalogue) => {
    for (const [k, v] of Object.entries(values)) if (k !== "@metadata") store.set(k, v);
  };
  const chain = [lang, lang.split("-")[0] ?? lang, "en"].filter((l, i, all) => all.indexOf(l) === i);
  const numbers = new Intl.NumberFormat(lang);
  const lists = new Intl.ListFormat(lang, { type: "conjunction" });
  const unformat = (s: string) => Number(s.replace(/[^\d.-]/g, ""));
  const format = (text: string, params: string[]) =>
    text
      .replace(/\{\{PLURAL:\$(\d+)\|([^}]*)\}\}/g, (_, i: string, forms: string) =>
        pluralForm(lang, unformat(params[Number(i) - 1] ?? ""), forms.split("|")),
      )
      .replace(/\{\{GENDER:[^|}]*\|([^}]*)\}\}/g, (_, forms: string) => {
        const f = forms.split("|");
        return f[2] ?? f[0] ?? "";
      })
      .replace(/\$(\d+)/g, (whole, i: string) => params[Number(i) - 1] ?? whole);
  const loader = (mw.loader ?? {}) as Record<string, unknown>;
  const translations = Object.keys(CATALOGUES).filter((l) => l !== "en" && l !== "qqq");
  const modules = new Map(translations.map((l) => [languageModule(l), l]));
  Object.assign(mw, {
    messages: { set, get: (k: string) => store.get(k) ?? null, exists: (k: string) => store.has(k) },
    message: (key: string, ...params: Array<string | number>) => ({
      text: () => (store.has(key) ? format(store.get(key) as string, params.map(String)) : `⧼${key}⧽`),
      exists: () => store.has(key),
    }),
    language: {
      getFallbackLanguageChain: () => chain,
      convertNumber: (n: number) => numbers.format(n),
      listToText: (items: string[]) => lists.format(items),
    },
    loader: {
      ...loader,
      getState: (name: string) => (modules.has(name) ? "registered" : null),
      using: (name: string) => {
        const l = modules.get(name);
        if (l) {
          set(CATALOGUES[l] ?? {});
          return Promise.resolve();
        }
        return (loader.using as ((n: string) => Promise<unknown>) | undefined)?.(name) ?? Promise.resolve();
      },
    },
  });
  set(CATALOGUES.en ?? {});
  for (const l of chain.slice().reverse()) if (l !== "en") set(CATALOGUES[l] ?? {});
}
