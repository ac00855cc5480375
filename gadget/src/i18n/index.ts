/**
 * Messages through MediaWiki's own formatter: the catalogue's keys are registered with
 * `mw.messages.set` and formatted with `mw.message` (with `mediawiki.jqueryMsg`, so PLURAL,
 * GENDER and digits follow the language's rules); numbers and lists come from `mw.language`.
 * English (`i18n/en.json`) ships in the browsing bundle as the last fallback; every other
 * language is its own hidden gadget module, loaded by `loadLanguage` beside the first render
 * (which is worded in English until it arrives, then drawn again in the user's language).
 */
import { signal } from "@preact/signals";
import { type ComponentChild, h } from "preact";
import en from "../../../i18n/en.json";
import type { FormsMessageKey } from "../forms/i18n/index.ts";

/** The app's keys, and those of the on-demand forms module (registered by `I18n.add` when it loads). */
export type MessageKey = AppMessageKey | FormsMessageKey;
type AppMessageKey = Exclude<keyof typeof en, "@metadata">;
/** A text, a number (written the language's way), or a list of names (joined the language's way). */
type Param = string | number | readonly string[];

export const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "arz", "azb", "sd", "ug"]);

/** The hidden gadget module that carries one language's messages (`partnerhub-i18n-de`). */
export const languageModule = (lang: string) => `ext.gadget.partnerhub-i18n-${lang}`;

/** The catalogue's English texts, without `@metadata`. */
export function englishMessages(): Record<AppMessageKey, string> {
  const texts: Partial<typeof en> = Object.assign({}, en);
  delete texts["@metadata"];
  return texts as Record<AppMessageKey, string>;
}

/**
 * Bumped when a language module has registered its messages: every component that words a
 * message reads it, so one drawn before the user's language arrived is drawn again in it.
 */
const registered = signal(0);

/**
 * Registers English, then loads the messages of the user's fallback chain (`de-at` → `de`),
 * least specific first so that the most specific wins. Languages without a module are skipped
 * without a request. Resolves when done, or after `timeoutMs` (what waits for it goes on in the
 * languages that did arrive, English at worst), so a slow module never keeps anything away.
 */
export function loadLanguage(timeoutMs: number): Promise<unknown> {
  mw.messages.set(englishMessages());
  const modules = mw.language
    .getFallbackLanguageChain()
    .filter((lang) => lang !== "en")
    .map(languageModule)
    .filter((name) => mw.loader.getState(name) !== null)
    .reverse();
  const loaded = modules.reduce<Promise<unknown>>(
    (previous, name) =>
      previous.then(() => mw.loader.using(name).then(() => registered.value++)).catch(() => undefined),
    Promise.resolve(),
  );
  return Promise.race([loaded, new Promise((done) => setTimeout(done, timeoutMs))]);
}

export interface I18n {
  lang: string;
  dir: "ltr" | "rtl";
  /** A message as plain text; numbers are written the language's way. */
  t: (key: MessageKey, ...params: Param[]) => string;
  /** A message for display, each text parameter isolated in `<bdi>` so that a name in another script reads right. */
  bdi: (key: MessageKey, ...params: Param[]) => ComponentChild[];
  /** Whether `key` is a message (for keys built from data, such as an error code). */
  has: (key: string) => key is MessageKey;
  number: (n: number) => string;
  /** A list in the language's own way: "A, B and C", "A، B و C". */
  list: (items: readonly string[]) => string;
  /**
   * Register an on-demand module's English messages (with `mw.messages.set`), for the keys the
   * user's language modules did not already set; their translations arrive with those modules.
   */
  add: (messages: Readonly<Record<string, string>>) => void;
}

const MARK = /\uE000(\d+(?:\.\d+)?)\uE001/;

export function createI18n(lang: string): I18n {
  const number = (n: number) => mw.language.convertNumber(n);
  const list = (items: readonly string[]) => mw.language.listToText([...items]);
  // Each text once per message, its wording and parameters: the list's rows repeat a few
  // messages, and mw.message parses the wording at each call.
  const texts = new Map<string, string>();
  const text = (key: MessageKey, params: Param[]) => {
    // Read, so that a component drawn before the user's language arrived is drawn again in it.
    registered.value;
    const args = params.map((p) => (typeof p === "number" ? number(p) : typeof p === "string" ? p : list(p)));
    const id = [key, mw.messages.get(key), ...args].join("\n");
    let t = texts.get(id);
    if (t === undefined) texts.set(id, (t = mw.message(key, ...args).text()));
    return t;
  };
  return {
    lang,
    dir: RTL_LANGUAGES.has(lang.split("-")[0]!) ? "rtl" : "ltr",
    number,
    list,
    t: (key, ...params) => text(key, params),
    has: (key): key is MessageKey => mw.messages.exists(key),
    bdi: (key, ...params) => {
      // Text parameters go in as markers and come back out as <bdi> elements: no HTML is parsed.
      // A list's names each get a marker of their own (`2.0`, `2.1`), so each is isolated.
      const mark = (id: string) => `\uE000${id}\uE001`;
      const marked = params.map((p, i) =>
        typeof p === "number" ? p : typeof p === "string" ? mark(String(i)) : list(p.map((_, j) => mark(`${i}.${j}`))),
      );
      const value = (id: string) => {
        const [i, j] = id.split(".").map(Number);
        const p = params[i as number];
        return String(j === undefined ? p : (p as readonly string[])[j]);
      };
      return text(key, marked)
        .split(MARK)
        .map((part, i) => (i % 2 === 1 ? h("bdi", { key: i }, value(part)) : part))
        .filter((part) => part !== "");
    },
    add: (messages) => {
      // English for the keys that no language module has set already: a translation loaded
      // with the user's language (which carries the forms module's keys too) stays.
      const missing = Object.entries(messages).filter(([k]) => !mw.messages.exists(k));
      if (missing.length > 0) mw.messages.set(Object.fromEntries(missing));
    },
  };
}
