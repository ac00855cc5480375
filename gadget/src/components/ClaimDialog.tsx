/**
 * "We can take this partner": choose the affiliate (one you represent is chosen for you;
 * otherwise nothing is, and you must choose), add a message, submit. Warns when another
 * affiliate is already talking to the partner. What was typed is kept as a draft until sent
 * or discarded, also when the dialog is cancelled or fails.
 */
import { useEffect, useState } from "preact/hooks";
import { LIMITS } from "../../../shared/limits.ts";
import { isOpenClaim } from "../../../shared/claim-machine.ts";
import type { PartnerDetail } from "../../../shared/schemas.ts";
import { claimPartner } from "../state/actions/claims.ts";
import { useStore } from "../state/context.ts";
import { discardDraft, readDraft, saveDraft } from "../state/drafts.ts";
import { useAction } from "../state/hooks.ts";
import { Dialog } from "./Dialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Field } from "./Field.tsx";
import { Message } from "./Message.tsx";

interface ClaimDialogProps {
  partner: PartnerDetail;
  onClose: () => void;
  onDone: () => void;
}

export function ClaimDialog({ partner, onClose, onDone }: ClaimDialogProps) {
  const store = useStore();
  const { i18n } = store;
  const taken = new Set(partner.claims.filter((c) => isOpenClaim(c.status)).map((c) => c.affiliate));
  const choices = store.affiliatesForUser().filter((c) => !taken.has(c.affiliate.id));
  const form = `claim-${partner.id}`;
  const [draft, setDraft] = useState(() => {
    const fallback = { affiliate: choices.find((c) => c.status === "verified")?.affiliate.id ?? "", message: "" };
    const kept = readDraft(form, fallback);
    return choices.some((c) => c.affiliate.id === kept.affiliate) ? kept : { ...kept, affiliate: fallback.affiliate };
  });
  const { message } = draft;
  // The partner may change while the dialog is open (a refused claim re-reads it): an affiliate
  // that has meanwhile claimed is no longer a choice, and is not kept chosen.
  const affiliate = choices.some((c) => c.affiliate.id === draft.affiliate) ? draft.affiliate : "";
  useEffect(() => saveDraft(form, draft), [form, draft]);
  // Who you represent may arrive after the dialog opened (the page just loaded): choose then.
  const verifiedChoice = choices.find((c) => c.status === "verified")?.affiliate.id ?? "";
  useEffect(() => {
    if (!affiliate && verifiedChoice) setDraft((d) => (d.affiliate ? d : { ...d, affiliate: verifiedChoice }));
  }, [verifiedChoice]);
  const action = useAction();
  const others = [...taken].map((a) => store.affiliateName(a));
  const lead = partner.lead ? store.affiliateName(partner.lead.affiliate) : null;
  const verified = choices.find((c) => c.affiliate.id === affiliate)?.status === "verified";

  async function submit(e?: Event) {
    e?.preventDefault();
    if (!affiliate) return;
    const done = await action.run(() => claimPartner(store, partner.id, { affiliate, message }));
    if (!done) return;
    discardDraft(form);
    onDone();
  }
  function discard() {
    discardDraft(form);
    onClose();
  }

  const footer = (
    <>
      <button
        type="button"
        onClick={() => submit()}
        class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
        disabled={action.busy || !affiliate}
      >
        {i18n.t("partnerhub-claim-submit")}
      </button>
      <button type="button" class="cdx-button" onClick={onClose}>
        {i18n.t("partnerhub-cancel")}
      </button>
      {message && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet cdx-button--action-destructive"
          onClick={discard}
        >
          {i18n.t("partnerhub-draft-discard")}
        </button>
      )}
    </>
  );
  return (
    <Dialog title={i18n.bdi("partnerhub-claim-title", partner.name)} onClose={onClose} footer={footer}>
      <form id="partnerhub-claim-form" onSubmit={submit}>
        {lead && <Message type="warning">{i18n.bdi("partnerhub-claim-warning-lead", lead)}</Message>}
        {!lead && others.length > 0 && (
          <Message type="warning">{i18n.bdi("partnerhub-claim-warning-interested", others, others.length)}</Message>
        )}
        <Field
          id="partnerhub-claim-affiliate"
          label={i18n.t("partnerhub-claim-affiliate")}
          help={
            !affiliate
              ? i18n.t("partnerhub-claim-affiliate-choose-help")
              : !verified
                ? i18n.t("partnerhub-claim-unverified-help")
                : undefined
          }
        >
          <select
            id="partnerhub-claim-affiliate"
            class="cdx-select"
            value={affiliate}
            required
            onChange={(e) => setDraft((d) => ({ ...d, affiliate: (e.currentTarget as HTMLSelectElement).value }))}
          >
            {/* `selected` as well as the select's value: a browser may apply the value before the options exist. */}
            <option value="" disabled selected={!affiliate}>
              {i18n.t("partnerhub-claim-affiliate-choose")}
            </option>
            {choices.map(({ affiliate: a, status }) => (
              <option key={a.id} value={a.id} selected={a.id === affiliate}>
                {status === "verified" ? i18n.t("partnerhub-claim-affiliate-verified", a.name) : a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="partnerhub-claim-message"
          label={i18n.t("partnerhub-claim-message")}
          help={i18n.t("partnerhub-claim-message-help")}
        >
          <div class="cdx-text-area">
            <textarea
              id="partnerhub-claim-message"
              class="cdx-text-area__textarea"
              dir="auto"
              rows={4}
              maxLength={LIMITS.claimMessage}
              aria-describedby="partnerhub-claim-message-count"
              value={message}
              onInput={(e) => setDraft((d) => ({ ...d, message: (e.currentTarget as HTMLTextAreaElement).value }))}
            />
          </div>
          <div id="partnerhub-claim-message-count" class="partnerhub-counter">
            {i18n.t("partnerhub-counter", message.length, LIMITS.claimMessage)}
          </div>
        </Field>
        {action.error !== null && <ErrorMessage error={action.error} />}
      </form>
    </Dialog>
  );
}
