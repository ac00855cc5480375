/**
 * The messages of the forms module's views (coordinator, representative, editing), in
 * `i18n/forms/` beside the app's catalogue. English ships in the forms module and is registered
 * with `mw.messages.set` (through `I18n.add`) when the module's views render; the other
 * languages' forms messages travel in the same hidden language modules as the app's
 * (`ext.gadget.partnerhub-i18n-<lang>`), loaded along the fallback chain before the first render.
 * Browsing never downloads the English forms texts.
 */
import en from "../../../../i18n/forms/en.json";

export type FormsMessageKey = Exclude<keyof typeof en, "@metadata">;

/** The forms catalogue's English texts, without `@metadata`. */
export const FORMS_ENGLISH: Readonly<Record<FormsMessageKey, string>> = (() => {
  const { "@metadata": _, ...texts } = en;
  return texts;
})();
