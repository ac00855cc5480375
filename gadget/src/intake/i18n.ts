/**
 * The intake module's messages (`i18n/intake/`, beside the app's and the forms module's): English
 * ships in the module and is registered when its views render; the other languages travel in
 * the same hidden language modules as the app's.
 */
import en from "../../../i18n/intake/en.json";

export type IntakeMessageKey = Exclude<keyof typeof en, "@metadata">;

export const INTAKE_ENGLISH: Readonly<Record<IntakeMessageKey, string>> = (() => {
  const { "@metadata": _, ...texts } = en;
  return texts;
})();
