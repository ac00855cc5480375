/** One partner: public facts, who is interested and who leads, history, and the contact for those allowed. */
import { useEffect, useState } from "preact/hooks";
import { acceptsClaims } from "../../../shared/claim-machine.ts";
import type { Partner } from "../../../shared/schemas.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { AffiliateMatches } from "./AffiliateMatches.tsx";
import { ClaimDialog } from "./ClaimDialog.tsx";
import { ClaimList, PastClaims } from "./ClaimList.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { EventHistory } from "./EventHistory.tsx";
import { Message } from "./Message.tsx";
import { OnDemand } from "./OnDemand.tsx";
import { OnIntake } from "./OnIntake.tsx";
import { PartnerFacts } from "./PartnerFacts.tsx";
import { RouteLink } from "./RouteLink.tsx";
import { SignInButton } from "./SignInButton.tsx";

export function PartnerView({ id }: { id: string }) {
  const store = useStore();
  const { i18n, me, session } = store;
  const [claiming, setClaiming] = useState(false);
  const [merging, setMerging] = useState(false);
  const load = partnerLoader(store, id);
  const detail = useResource(partnerKey(id), load, [id]);
  const full = loaded(detail) ?? null;
  const partner: Partner | undefined = full ?? store.partners.value.find((p) => p.id === id);
  const notice = store.notice.value?.partner === id ? store.notice.value.text : null;
  // A merged partner's id leads to the one it was merged into (the mirror's map, or the backend's redirect).
  const survivor = store.mergedInto(id) ?? (full && full.id !== id ? full.id : null);
  useEffect(() => {
    if (survivor) store.navigate({ view: "partner", partner: survivor });
  }, [survivor]);

  const back = (
    <RouteLink class="partnerhub-back" to={{ view: "directory" }}>
      {i18n.t("partnerhub-back")}
    </RouteLink>
  );
  if (!partner) {
    if (detail.status === "loading" || store.directory.value.status === "loading")
      return <Message>{i18n.t("partnerhub-loading")}</Message>;
    return (
      <div>
        {back}
        {detail.status === "error" ? (
          <ErrorMessage error={detail.error} />
        ) : (
          <Message type="warning">{i18n.bdi("partnerhub-partner-missing", id)}</Message>
        )}
      </div>
    );
  }
  // Signed in but the backend did not answer who you are: offer the claim all the same, and say
  // why it cannot go ahead when pressed, rather than hiding the button.
  const canClaim = acceptsClaims(partner.status) && (me.value ? me.value.roles.canWrite : session.value !== null);
  const openClaim = () => (full ? setClaiming(true) : void store.read(partnerKey(id), load));
  // Editing, closing and reopening load with the forms module, for those who may.
  const mayManage =
    (me.value?.roles.canWrite ?? false) &&
    (me.value?.roles.coordinator === true || me.value?.user.name === partner.referredBy.user);

  return (
    <article class="partnerhub-partner" aria-labelledby="partnerhub-partner-name">
      {back}
      <PartnerFacts partner={partner} />
      {mayManage && <OnDemand view="partnerTools" partner={partner.id} />}
      {notice && <Message type="success">{notice}</Message>}
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
        {!session.value && acceptsClaims(partner.status) && <SignInButton label={i18n.t("partnerhub-claim-sign-in")} />}
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
      {full && me.value?.roles.coordinator && (
        <section class="partnerhub-section">
          <button type="button" class="cdx-button" onClick={() => setMerging(true)}>
            {i18n.t("partnerhub-merge-button")}
          </button>
        </section>
      )}
      {merging && full && (
        <OnIntake
          render={({ MergeDialog }) => <MergeDialog store={store} partner={full} onClose={() => setMerging(false)} />}
        />
      )}
      <AffiliateMatches partner={partner} />
      <EventHistory partner={partner.id} />
      {claiming && full && (
        <ClaimDialog partner={full} onClose={() => setClaiming(false)} onDone={() => setClaiming(false)} />
      )}
    </article>
  );
}

/** Without the backend: who is interested and who leads, from the public directory. */
function InterestSummary({ partner }: { partner: Partner }) {
  const store = useStore();
  const { i18n } = store;
  if (partner.interested.length === 0) return <p>{i18n.t("partnerhub-interest-none")}</p>;
  return (
    <ul class="partnerhub-interest">
      {partner.interested.map((a) => (
        <li key={a}>
          {store.affiliateName(a)}
          {partner.lead?.affiliate === a && <strong> — {i18n.t("partnerhub-claim-status-lead")}</strong>}
        </li>
      ))}
    </ul>
  );
}
