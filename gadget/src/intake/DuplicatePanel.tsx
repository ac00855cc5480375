/**
 * "Is it one of these?": while a referral is typed, the partners that may be the same
 * institution (same Wikidata item, website domain, or a similar name), each a link, and the
 * choice to refer it as a new one all the same. The check runs once the typing pauses
 * (one request), and again when the backend answers a submit with `possible_duplicate`.
 * Part of the intake module, loaded with the referral form.
 */
import { useEffect } from "preact/hooks";
import type { DuplicateReason } from "../../../shared/duplicates.ts";
import type { DuplicateList } from "../../../shared/api.ts";
import { formatRoute } from "../directory/query.ts";
import type { MessageKey } from "../i18n/index.ts";
import { checkDuplicates, DUPLICATES, type DuplicateProbe } from "../state/actions/intake.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { Checkbox } from "../components/Field.tsx";
import { Message } from "../components/Message.tsx";

/** How long typing must pause before the check runs: one request per pause, not per key. */
export const DUPLICATE_DEBOUNCE_MS = 400;

const QID = /^Q[1-9][0-9]{0,11}$/;

/** Why a partner is offered as a twin, in words. */
const WHY: Record<DuplicateReason, MessageKey> = {
  wikidata: "partnerhub-duplicates-why-wikidata",
  website: "partnerhub-duplicates-why-website",
  name: "partnerhub-duplicates-why-name",
};

/** The probe a draft gives, or null when there is too little to compare. */
function probeOf(d: { name: string; wikidata: string; website: string }): DuplicateProbe | null {
  const probe: DuplicateProbe = {};
  if (d.name.trim().length >= 3) probe.name = d.name.trim();
  if (QID.test(d.wikidata.trim())) probe.wikidata = d.wikidata.trim();
  if (/\.[a-z]{2,}/i.test(d.website)) probe.website = d.website.trim();
  return Object.keys(probe).length > 0 ? probe : null;
}

/** Runs the debounced check for `probe`; returns the candidates shown now. */
function useDuplicateCheck(probe: DuplicateProbe | null): DuplicateList["candidates"] {
  const store = useStore();
  const key = JSON.stringify(probe);
  useEffect(() => {
    if (!probe) {
      store.resource(DUPLICATES).value = { status: "idle" };
      return;
    }
    const timer = setTimeout(() => void checkDuplicates(store, probe), DUPLICATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return probe ? (loaded(store.resource<DuplicateList>(DUPLICATES).value)?.candidates ?? []) : [];
}

export interface DuplicatePanelProps {
  draft: { name: string; wikidata: string; website: string };
  confirmNew: boolean;
  onConfirmNew: (on: boolean) => void;
}

export function DuplicatePanel(props: DuplicatePanelProps) {
  const store = useStore();
  const { i18n } = store;
  const candidates = useDuplicateCheck(probeOf(props.draft));
  if (candidates.length === 0) return null;
  const sameItem = candidates.some((c) => c.why.includes("wikidata"));
  return (
    // A status, not an alert: it updates while the person types and must not interrupt them.
    <section class="partnerhub-duplicates" aria-labelledby="partnerhub-duplicates-title">
      <Message type="notice">
        <strong id="partnerhub-duplicates-title">{i18n.t("partnerhub-duplicates-title")}</strong>
        <ul class="partnerhub-duplicates__list">
          {candidates.map((c) => (
            <li key={c.id}>
              <a
                href={formatRoute({ ...store.route.value, view: "partner", partner: c.id })}
                onClick={(e) => {
                  e.preventDefault();
                  store.navigate({ view: "partner", partner: c.id });
                }}
              >
                <bdi>{c.name}</bdi>
              </a>{" "}
              <span class="partnerhub-muted">{c.why.map((w) => i18n.t(WHY[w])).join(", ")}</span>
            </li>
          ))}
        </ul>
        {sameItem ? (
          <p>{i18n.t("partnerhub-duplicates-same-item")}</p>
        ) : (
          <Checkbox
            id="partnerhub-refer-confirm-new"
            label={i18n.t("partnerhub-duplicates-confirm-new")}
            checked={props.confirmNew}
            onChange={props.onConfirmNew}
          />
        )}
      </Message>
    </section>
  );
}
