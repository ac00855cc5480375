/**
 * A partner as a signed-in user sees it beyond the public facts (in the on-demand account
 * module): who is interested and who leads with their claims, the claim button and dialog,
 * the contact for those allowed, past claims; and, as a view of its own, the partner's history.
 */
import { useState } from "preact/hooks";
import { acceptsClaims } from "../../../shared/claim-machine.ts";
import type { Partner, PartnerDetail } from "../../../shared/schemas.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ClaimDialog } from "./ClaimDialog.tsx";
import { ClaimList, PastClaims } from "./ClaimList.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { EventHistory } from "./EventHistory.tsx";
import { InterestSummary } from "./InterestSummary.tsx";

export function PartnerActivity({ partner: id }: { partner: string | null }) {
  const store = useStore();
  const { i18n, me, session } = store;
  const [claiming, setClaiming] = useState(false);
  if (!id) return null;
  const detail = store.resource<PartnerDetail>(partnerKey(id)).value;
  const full = loaded(detail) ?? null;
  const partner: Partner | undefined = full ?? store.partners.value.find((p) => p.id === id);
  if (!partner) return null;
  // Signed in but the backend did not answer who you are: offer the claim all the same, and say
  // why it cannot go ahead when pressed, rather than hiding the button.
  const canClaim = acceptsClaims(partner.status) && (me.value ? me.value.roles.canWrite : session.value !== null);
  const openClaim = () => (full ? setClaiming(true) : void store.read(partnerKey(id), partnerLoader(store, id)));
  return (
    <>
      <section class="partnerhub-section">
        <h3>{i18n.t("partnerhub-interest-heading")}</h3>
        {full ? <ClaimList partner={full} /> : <InterestSummary partner={partner} />}
        {detail.status === "error" && <ErrorMessage error={detail.error} />}
        {canClaim && (
          <button
            type="button"
            class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
            disabled={detail.status === "loading"}
            onClick={openClaim}
          >
            {i18n.t("partnerhub-claim-button")}
          </button>
        )}
      </section>
      {full?.contact && (full.contact.name || full.contact.email || full.contact.notes) && (
        <section class="partnerhub-section partnerhub-contact">
          <h3>{i18n.t("partnerhub-contact-heading")}</h3>
          <p>
            {full.contact.name}{" "}
            {full.contact.email && <a href={`mailto:${full.contact.email}`}>{full.contact.email}</a>}
          </p>
          {full.contact.notes && <p class="partnerhub-pre">{full.contact.notes}</p>}
        </section>
      )}
      {full && <PastClaims partner={full} />}
      {claiming && full && (
        <ClaimDialog partner={full} onClose={() => setClaiming(false)} onDone={() => setClaiming(false)} />
      )}
    </>
  );
}

export const PartnerHistory = ({ partner }: { partner: string | null }) =>
  partner ? <EventHistory partner={partner} /> : null;
