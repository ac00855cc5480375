/**
 * The mirrored pages' words, read from the one message catalogue (`i18n/en.json`): Meta-Wiki's
 * content language is English, so the mirror writes English labels and column headers with the
 * same keys the gadget shows. Unknown vocabulary values are shown escaped.
 */
// The attribute lets Node load it as it is (the Toolforge start runs these sources unbundled).
import en from "../../i18n/en.json" with { type: "json" };
import { escapeText } from "./escape.ts";

type Key = Exclude<keyof typeof en, "@metadata">;
const MESSAGES = en as unknown as Record<string, string>;

/** Words, spaces and plain punctuation: text that means the same as wikitext. */
const PLAIN = /^[\p{L}\p{N} ,.-]+$/u;

/** The vocabularies whose values have labels (`partnerhub-kind-museum`). */
export type Vocabulary = "kind" | "offer" | "funding" | "status" | "claim-status" | "stage";

/** A catalogue message as wikitext, with `$1`… filled by wikitext the caller made safe. */
export function message(key: Key, ...params: string[]): string {
  return (MESSAGES[key] as string).replace(/\$(\d+)/g, (whole, i: string) => params[Number(i) - 1] ?? whole);
}

/** The label of a vocabulary value, as wikitext. */
export function label(vocabulary: Vocabulary, value: string): string {
  const key = `partnerhub-${vocabulary}-${value}`;
  const text = Object.hasOwn(MESSAGES, key) ? (MESSAGES[key] as string) : value;
  return PLAIN.test(text) && text === text.trim() ? text : escapeText(text);
}

/** A table's header row: `! A !! B !! …` from column message keys. */
export function headerRow(keys: readonly Key[]): string {
  return `! ${keys.map((k) => message(k)).join(" !! ")}`;
}

/** The date part of an ISO timestamp (`2026-11-26`), or an em dash. */
export function day(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : "—";
}

/** `2026-11-26 09:11 UTC` from an ISO timestamp. */
export function minute(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : escapeText(iso);
}
