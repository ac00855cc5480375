/**
 * English labels for the record's vocabularies on the mirrored pages, read from the gadget's
 * message catalogue (the same keys, so a label is worded once); unknown values are shown escaped.
 */
import en from "../../gadget/src/i18n/en.json" with { type: "json" };
import { escapeText } from "./escape.ts";

/** Which vocabulary a value is from, as the message key's prefix names it. */
export type Vocabulary = "kind" | "offer" | "funding" | "status" | "claim-status" | "stage";

const MESSAGES: Readonly<Record<string, string>> = en;

/** Words, spaces and plain punctuation: text that means the same as wikitext. */
const PLAIN = /^[\p{L}\p{N} ,.-]+$/u;

/** The label of a vocabulary value, as wikitext (escaped unless it is plain words). */
export function label(vocabulary: Vocabulary, value: string): string {
  const key = `partnerhub-${vocabulary}-${value}`;
  const text = Object.hasOwn(MESSAGES, key) ? (MESSAGES[key] as string) : value;
  return PLAIN.test(text) && text === text.trim() ? text : escapeText(text);
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
