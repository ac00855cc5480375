/** Vocabulary values as translated labels and Codex info chips. */
import type { PartnerStatus } from "../../../shared/vocabulary.ts";
import type { I18n, MessageKey } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";

export type Vocabulary = "kind" | "offer" | "funding" | "status";

/**
 * Each vocabulary's key prefix, written out: the build keeps the English of the keys a bundle
 * names (a prefix names every key it starts), and a prefix built from the vocabulary would name them all.
 */
const PREFIX: Record<Vocabulary, string> = {
  kind: "partnerhub-kind-",
  offer: "partnerhub-offer-",
  funding: "partnerhub-funding-",
  status: "partnerhub-status-",
};

/** An event type's label (`partnerhub-event-claim.created`): apart, so that only bundles that show history carry them. */
export const eventLabel = (i18n: Pick<I18n, "t">, type: string) => i18n.t(`partnerhub-event-${type}` as MessageKey);

/** A Wikimedia project's label (`partnerhub-project-commons`), apart: the directory shows none. */
export const projectLabel = (i18n: Pick<I18n, "t">, project: string) =>
  i18n.t(`partnerhub-project-${project}` as MessageKey);

/** A claim status's label (`partnerhub-claim-status-lead`), apart for the same reason. */
export const claimStatusLabel = (i18n: Pick<I18n, "t">, status: string) =>
  i18n.t(`partnerhub-claim-status-${status}` as MessageKey);

/** A claim stage's label (`partnerhub-stage-agreement`), apart for the same reason. */
export const stageLabel = (i18n: Pick<I18n, "t">, stage: string) => i18n.t(`partnerhub-stage-${stage}` as MessageKey);

/** The message key of a vocabulary value, e.g. `partnerhub-kind-museum`. */
export const labelKey = (vocabulary: Vocabulary, value: string) => `${PREFIX[vocabulary]}${value}` as MessageKey;

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
