/**
 * The messages of the forms module's views (coordinator, representative, editing). They load
 * with the module and are added to the app's i18n then, so browsing never downloads them.
 */
import ar from "./ar.json";
import de from "./de.json";
import en from "./en.json";

export type FormsMessageKey = keyof typeof en;
export const FORMS_MESSAGES: Record<string, Partial<Record<FormsMessageKey, string>>> = { en, de, ar };
