/** Vocabulary values as translated labels and Codex info chips. */
import type { PartnerStatus } from "../../../shared/vocabulary.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";

export type Vocabulary = "kind" | "offer" | "funding" | "status" | "project" | "claim-status" | "stage" | "event";

/** The message key of a vocabulary value, e.g. `partnerhub-kind-museum`. */
export const labelKey = (vocabulary: Vocabulary, value: string) => `partnerhub-${vocabulary}-${value}` as MessageKey;

const STATUS_CHIP: Record<PartnerStatus, string> = {
  open: "progressive",
  matched: "success",
  done: "subtle",
  closed: "subtle",
};

export function StatusChip({ status }: { status: PartnerStatus }) {
  const { i18n } = useStore();
  return (
    <span class={`cdx-info-chip cdx-info-chip--${STATUS_CHIP[status]} partnerhub-status`}>
      <span class="cdx-info-chip__text">{i18n.t(labelKey("status", status))}</span>
    </span>
  );
}

export function useLabels() {
  const { i18n, countryName } = useStore();
  return {
    label: (vocabulary: Vocabulary, value: string) => i18n.t(labelKey(vocabulary, value)),
    list: (vocabulary: Vocabulary, values: readonly string[]) =>
      i18n.list(values.map((v) => i18n.t(labelKey(vocabulary, v)))),
    country: countryName,
    language: (tag: string) => languageName(i18n.lang, tag),
  };
}

const names = new Map<string, Intl.DisplayNames>();
function languageName(lang: string, tag: string): string {
  try {
    if (!names.has(lang)) names.set(lang, new Intl.DisplayNames([lang], { type: "language" }));
    return names.get(lang)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
