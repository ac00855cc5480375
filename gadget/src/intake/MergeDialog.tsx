/**
 * "Merge into…" (coordinators): choose the partner this one is the same as, see side by side
 * what each has and what the merged partner keeps, then merge. The merged partner's id leads
 * to the one kept from then on.
 */
import { useState } from "preact/hooks";
import type { Partner } from "../../../shared/schemas.ts";
import { BackendError } from "../api/errors.ts";
import type { MessageKey } from "../i18n/index.ts";
import { mergePartner } from "../state/actions/intake.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Field } from "../components/Field.tsx";
import { Message } from "../components/Message.tsx";

const MAX_CHOICES = 8;

/** Why a merge was refused (`merge_conflict`'s `params.reason`), each in its own words. */
const REFUSALS: Record<string, MessageKey> = {
  same_affiliate: "partnerhub-merge-refused-same-affiliate",
  two_leads: "partnerhub-merge-refused-two-leads",
  two_completed: "partnerhub-merge-refused-two-completed",
  two_items: "partnerhub-merge-refused-two-items",
  same_partner: "partnerhub-merge-refused-same-partner",
  already_merged: "partnerhub-merge-refused-already-merged",
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A refused merge in words (names isolated for bidi); any other failure as every view words it. */
function MergeError({ error }: { error: unknown }) {
  const store = useStore();
  if (!(error instanceof BackendError) || error.code !== "merge_conflict") return <ErrorMessage error={error} />;
  const { params } = error;
  const key = REFUSALS[str(params.reason)] ?? "partnerhub-error-merge_conflict";
  const text =
    key === "partnerhub-merge-refused-same-affiliate"
      ? store.i18n.bdi(key, store.affiliateName(str(params.affiliate)))
      : store.i18n.bdi(key, str(params.wikidata) || str(params.into), str(params.otherWikidata));
  return <Message type="error">{text}</Message>;
}

const words = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
/** A cheap first guess of the twin (the backend's duplicate rules stay out of the browsing bundle). */
const sharesWord = (a: string, b: string) => {
  const theirs = new Set(words(b));
  return words(a).some((w) => theirs.has(w));
};

/** Partners to offer as the one to keep: likely duplicates first, then by what was typed. */
function choices(all: Partner[], self: Partner, typed: string): Partner[] {
  const q = typed.trim().toLowerCase();
  const others = all.filter((p) => p.id !== self.id);
  const picked = q
    ? others.filter((p) => p.name.toLowerCase().includes(q) || p.id.includes(q))
    : others.filter((p) => (p.wikidata && p.wikidata === self.wikidata) || sharesWord(p.name, self.name));
  return picked.slice(0, MAX_CHOICES);
}

export function MergeDialog({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const store = useStore();
  const { i18n } = store;
  const [typed, setTyped] = useState("");
  const [into, setInto] = useState<Partner | null>(null);
  const action = useAction();
  const options = choices(store.partners.value, partner, typed);

  async function merge() {
    if (!into) return;
    const survivor = await action.run(() => mergePartner(store, partner, into.id));
    if (survivor) {
      onClose();
      store.navigate({ view: "partner", partner: survivor.id });
    }
  }

  const row = (label: string, a: string, b: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <bdi>{a}</bdi>
      </td>
      <td>
        <bdi>{b}</bdi>
      </td>
    </tr>
  );
  const list = (xs: string[]) => xs.join(", ") || "—";

  return (
    <Dialog
      title={i18n.t("partnerhub-merge-title", partner.name)}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            class="cdx-button cdx-button--action-destructive cdx-button--weight-primary"
            disabled={!into || action.busy}
            onClick={merge}
          >
            {i18n.t("partnerhub-merge-confirm")}
          </button>
          <button type="button" class="cdx-button" onClick={onClose}>
            {i18n.t("partnerhub-cancel")}
          </button>
        </>
      }
    >
      <Field id="partnerhub-merge-search" label={i18n.t("partnerhub-merge-search")}>
        <div class="cdx-text-input">
          <input
            id="partnerhub-merge-search"
            class="cdx-text-input__input"
            value={typed}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </Field>
      <fieldset class="partnerhub-field">
        <legend>{i18n.t("partnerhub-merge-into")}</legend>
        {options.map((p) => (
          <div class="cdx-radio" key={p.id}>
            <div class="cdx-radio__wrapper">
              <input
                id={`partnerhub-merge-into-${p.id}`}
                class="cdx-radio__input"
                type="radio"
                name="partnerhub-merge-into"
                checked={into?.id === p.id}
                onChange={() => setInto(p)}
              />
              <span class="cdx-radio__icon" />
              <div class="cdx-radio__label cdx-label">
                <label for={`partnerhub-merge-into-${p.id}`} class="cdx-label__label">
                  <bdi>{p.name}</bdi> <span class="partnerhub-muted">({p.id})</span>
                </label>
              </div>
            </div>
          </div>
        ))}
        {options.length === 0 && <p class="partnerhub-muted">{i18n.t("partnerhub-merge-none")}</p>}
      </fieldset>
      {into && (
        <table class="partnerhub-merge-compare">
          <caption>{i18n.t("partnerhub-merge-compare")}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{i18n.t("partnerhub-merge-merged")}</th>
              <th scope="col">{i18n.t("partnerhub-merge-kept")}</th>
            </tr>
          </thead>
          <tbody>
            {row(i18n.t("partnerhub-refer-name"), partner.name, into.name)}
            {row(i18n.t("partnerhub-facet-country"), partner.country, into.country)}
            {row(i18n.t("partnerhub-wikidata"), partner.wikidata ?? "—", into.wikidata ?? partner.wikidata ?? "—")}
            {row(i18n.t("partnerhub-refer-website"), partner.website ?? "—", into.website ?? partner.website ?? "—")}
            {row(
              i18n.t("partnerhub-interest-heading"),
              list(partner.interested.map((a) => store.affiliateName(a))),
              list([...new Set([...into.interested, ...partner.interested])].map((a) => store.affiliateName(a))),
            )}
            {row(
              i18n.t("partnerhub-asks-heading"),
              list(partner.asks),
              list([...new Set([...into.asks, ...partner.asks])]),
            )}
          </tbody>
        </table>
      )}
      {into && <p>{i18n.t("partnerhub-merge-explain", into.name)}</p>}
      {action.error !== null && <MergeError error={action.error} />}
    </Dialog>
  );
}
