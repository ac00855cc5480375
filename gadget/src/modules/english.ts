/**
 * An on-demand module's English: the app's catalogue and the forms catalogue. The build keeps
 * only the keys the module's own code names (gadget/vite.config.ts), so each module carries the
 * English of its views and no more; translations arrive with the language modules.
 */
import en from "../../../i18n/en.json";
import formsEn from "../../../i18n/forms/en.json";

export function moduleEnglish(): Record<string, string> {
  const { "@metadata": _a, ...app } = en as Record<string, unknown>;
  const { "@metadata": _b, ...forms } = formsEn as Record<string, unknown>;
  return { ...app, ...forms } as Record<string, string>;
}
