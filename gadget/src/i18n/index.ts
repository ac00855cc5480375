/**
 * Messages: one JSON file per language, English as the fallback. Formatting
 * follows mw.message's plain format: `$1` parameters and `{{PLURAL:$1|one|other}}`.
 */
import ar from "../../../i18n/ar.json";
import de from "../../../i18n/de.json";
import en from "../../../i18n/en.json";

export type MessageKey = Exclude<keyof typeof en, "@metadata">;
type Messages = Partial<Record<MessageKey, string>>;

const messages = ({ "@metadata": _, ...texts }: Record<string, unknown>) => texts as Messages;
export const MESSAGES: Record<string, Messages> = { en: messages(en), de: messages(de), ar: messages(ar) };
const english = MESSAGES.en as Record<MessageKey, string>;
export const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "arz"]);
const PLURAL_ORDER = ["zero", "one", "two", "few", "many", "other"];

export interface I18n {
  lang: string;
  dir: "ltr" | "rtl";
  t: (key: MessageKey, ...params: Array<string | number>) => string;
  /** Whether `key` is a message (for keys built from data, such as an error code). */
  has: (key: string) => key is MessageKey;
  number: (n: number) => string;
  /** A list in the language's own way: "A, B and C", "A، B و C". */
  list: (items: readonly string[]) => string;
}

/** The first language in `lang`'s fallback chain (`de-at` → `de` → `en`) that has messages. */
export function resolveLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  if (MESSAGES[lower]) return lower;
  const base = lower.split("-")[0] ?? "en";
  return MESSAGES[base] ? base : "en";
}

/** Pick a PLURAL form the way MediaWiki does: forms follow CLDR's category order for the language. */
export function pluralForm(lang: string, n: number, forms: string[]): string {
  const explicit = forms.find((f) => f.startsWith(`${n}=`));
  if (explicit) return explicit.slice(String(n).length + 1);
  const plain = forms.filter((f) => !/^\d+=/.test(f));
  const rules = new Intl.PluralRules(lang);
  const categories = rules
    .resolvedOptions()
    .pluralCategories.slice()
    .sort((a, b) => PLURAL_ORDER.indexOf(a) - PLURAL_ORDER.indexOf(b));
  const index = categories.indexOf(rules.select(n));
  return plain[Math.min(index, plain.length - 1)] ?? "";
}

/** Fill `$1`… and resolve `{{PLURAL:$n|…}}` in a message text. */
export function formatMessage(
  lang: string,
  text: string,
  params: Array<string | number>,
  number: (n: number) => string,
): string {
  const withPlural = text.replace(/\{\{PLURAL:\$(\d+)\|([^}]*)\}\}/g, (_, i: string, forms: string) => {
    const value = Number(params[Number(i) - 1]);
    return pluralForm(lang, value, forms.split("|"));
  });
  return withPlural.replace(/\$(\d+)/g, (whole, i: string) => {
    const value = params[Number(i) - 1];
    if (value === undefined) return whole;
    return typeof value === "number" ? number(value) : value;
  });
}

export function createI18n(requested: string): I18n {
  const lang = resolveLanguage(requested);
  const own = MESSAGES[lang] ?? {};
  const formatter = new Intl.NumberFormat(lang);
  const number = (n: number) => formatter.format(n);
  // Intl.ListFormat is in every browser MediaWiki supports with JavaScript; join as a fallback all the same.
  const lists = typeof Intl.ListFormat === "function" ? new Intl.ListFormat(lang, { type: "conjunction" }) : null;
  return {
    lang,
    dir: RTL_LANGUAGES.has(lang) ? "rtl" : "ltr",
    number,
    list: (items) => (lists ? lists.format(items) : items.join(", ")),
    has: (key): key is MessageKey => key in english,
    t: (key, ...params) => formatMessage(lang, own[key] ?? english[key] ?? `⧼${key}⧽`, params, number),
  };
}
