/**
 * The messages of the forms module's views (coordinator, representative, editing), in
 * `i18n/forms/` beside the app's catalogue. They load with the module and are added to the
 * app's i18n then, so browsing never downloads them.
 */
import ar from "../../../../i18n/forms/ar.json";
import de from "../../../../i18n/forms/de.json";
import en from "../../../../i18n/forms/en.json";

export type FormsMessageKey = Exclude<keyof typeof en, "@metadata">;
type Messages = Partial<Record<FormsMessageKey, string>>;

const texts = ({ "@metadata": _, ...rest }: Record<string, unknown>) => rest as Messages;
export const FORMS_MESSAGES: Record<string, Messages> = { en: texts(en), de: texts(de), ar: texts(ar) };
