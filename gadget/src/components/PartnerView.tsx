/**
 * One partner: public facts, who is interested and who leads, the affiliates that fit. Signed
 * in, the claims, the claim dialog, the contact and the history come with the on-demand
 * account module (components/PartnerActivity.tsx).
 */
import { useEffect } from "preact/hooks";
import { acceptsClaims } from "../../../shared/claim-machine.ts";
import type { Partner } from "../../../shared/schemas.ts";
import { partnerKey, partnerLoader } from "../state/actions/partners.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { useResource } from "../state/hooks.ts";
import { AffiliateMatches } from "./AffiliateMatches.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { InterestSummary } from "./InterestSummary.tsx";
import { Message } from "./Message.tsx";
import { OnDemand } from "./OnDemand.tsx";
import { PartnerFacts } from "./PartnerFacts.tsx";
import { RouteLink } from "./RouteLink.tsx";
import { SignInButton } from "./SignInButton.tsx";

export function PartnerView({ id }: { id: string }) {
  const store = useStore();
  const { i18n, me, session } = store;
  const detail = useResource(partnerKey(id), partnerLoader(store, id), [id]);
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
  // Editing, closing and reopening load with the editing module, for those who may.
  const mayManage =
    (me.value?.roles.canWrite ?? false) &&
    (me.value?.roles.coordinator === true || me.value?.user.name === partner.referredBy.user);
  const signedIn = session.value !== null;

  return (
    <article class="partnerhub-partner" aria-labelledby="partnerhub-partner-name">
      {back}
      <PartnerFacts partner={partner} />
      {mayManage && <OnDemand view="partnerTools" partner={partner.id} />}
      {notice && <Message type="success">{notice}</Message>}
      {signedIn ? (
        <OnDemand view="partnerActivity" partner={partner.id} />
      ) : (
        <section class="partnerhub-section">
          <h3>{i18n.t("partnerhub-interest-heading")}</h3>
          <InterestSummary partner={partner} />
          {acceptsClaims(partner.status) && <SignInButton label={i18n.t("partnerhub-claim-sign-in")} />}
        </section>
      )}
      <AffiliateMatches partner={partner} />
      {signedIn ? (
        <OnDemand view="partnerHistory" partner={partner.id} />
      ) : (
        <section class="partnerhub-section partnerhub-history">
          <h3>{i18n.t("partnerhub-history-heading")}</h3>
          <p class="partnerhub-muted">{i18n.t("partnerhub-history-sign-in")}</p>
        </section>
      )}
    </article>
  );
}
