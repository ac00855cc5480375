/**
 * The claims on a partner: who is interested, who leads, at which stage and with which note,
 * with the actions the user may take; and the earlier claims with how they ended and why.
 */
import type { EventList } from "../../../shared/api.ts";
import { isOpenClaim } from "../../../shared/claim-machine.ts";
import type { Claim, Event, PartnerDetail } from "../../../shared/schemas.ts";
import { historyKey } from "../state/actions/history.ts";
import { loaded } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ClaimActions } from "./ClaimActions.tsx";
import { claimStatusLabel, stageLabel } from "./Labels.tsx";

export function ClaimList({
  partner,
  filter = isOpenClaim,
}: {
  partner: PartnerDetail;
  filter?: (s: Claim["status"]) => boolean;
}) {
  const store = useStore();
  const { i18n } = store;
  const claims = partner.claims.filter((c) => filter(c.status));
  if (claims.length === 0) return <p>{i18n.t("partnerhub-interest-none")}</p>;
  const others = (c: Claim) => claims.filter((o) => o.id !== c.id && isOpenClaim(o.status));
  return (
    <ul class="partnerhub-claims">
      {claims.map((c) => (
        <li key={c.id} class={`partnerhub-claim partnerhub-claim--${c.status}`}>
          <div class="partnerhub-claim__head">
            <bdi>
              <strong>{store.affiliateName(c.affiliate)}</strong>
            </bdi>
            <span class={`cdx-info-chip ${c.status === "lead" ? "cdx-info-chip--success" : ""}`}>
              <span class="cdx-info-chip__text">{claimStatusLabel(i18n, c.status)}</span>
            </span>
            {!c.verified && <span class="partnerhub-muted">{i18n.t("partnerhub-claim-unverified")}</span>}
            {c.staleSince && (
              <span class="cdx-info-chip cdx-info-chip--warning">
                <span class="cdx-info-chip__text">{i18n.t("partnerhub-claim-stale")}</span>
              </span>
            )}
          </div>
          <div class="partnerhub-muted">
            <ByUser user={c.claimedBy} />
            {c.stage && <> · {i18n.t("partnerhub-claim-stage", stageLabel(i18n, c.stage))}</>}
          </div>
          {c.message && (
            <p class="partnerhub-pre" dir="auto">
              {c.message}
            </p>
          )}
          {c.stageNote && (
            <p class="partnerhub-claim__note">
              {i18n.t("partnerhub-claim-note")} <bdi class="partnerhub-pre">{c.stageNote}</bdi>
            </p>
          )}
          {c.status === "interested" && others(c).length > 0 && (
            <p class="partnerhub-muted">
              {i18n.bdi(
                "partnerhub-claim-others",
                others(c).map((o) => store.affiliateName(o.affiliate)),
              )}
            </p>
          )}
          <ClaimActions
            claim={c}
            interested={others(c).filter((o) => o.status === "interested")}
            hasLead={claims.some((o) => o.status === "lead")}
          />
        </li>
      ))}
    </ul>
  );
}

function ByUser({ user }: { user: string }) {
  const { i18n } = useStore();
  const [before, after] = i18n.t("partnerhub-claim-by", "\u0000").split("\u0000");
  return (
    <>
      {before}
      <bdi>{user}</bdi>
      {after}
    </>
  );
}

/** How a claim ended, from the partner's history: handed over to whom, and the reason given. */
export function claimOutcome(events: readonly Event[], claim: number): { handedTo: string | null; reason: string } {
  const ended = events.find((e) => e.claim === claim && e.type !== "claim.progressed" && e.type !== "claim.created");
  const data = (ended?.data ?? {}) as { toAffiliate?: unknown; reason?: unknown };
  return {
    handedTo: ended?.type === "claim.handed_over" && typeof data.toAffiliate === "string" ? data.toAffiliate : null,
    reason: typeof data.reason === "string" ? data.reason : "",
  };
}

/** Claims that ended (withdrawn, declined, released, handed over, completed), with the reason on record. */
export function PastClaims({ partner }: { partner: PartnerDetail }) {
  const store = useStore();
  const { i18n } = store;
  const past = partner.claims.filter((c) => !isOpenClaim(c.status));
  const events = loaded(store.resource<EventList>(historyKey(partner.id)).value)?.events ?? [];
  if (past.length === 0) return null;
  return (
    <section class="partnerhub-section">
      <h3>{i18n.t("partnerhub-claims-past-heading")}</h3>
      <ul class="partnerhub-claims partnerhub-claims--past">
        {past.map((c) => {
          const { handedTo, reason } = claimOutcome(events, c.id);
          return (
            <li key={c.id} class={`partnerhub-claim partnerhub-claim--${c.status}`}>
              <div class="partnerhub-claim__head">
                <bdi>
                  <strong>{store.affiliateName(c.affiliate)}</strong>
                </bdi>
                <span class="cdx-info-chip">
                  <span class="cdx-info-chip__text">
                    {handedTo
                      ? i18n.bdi("partnerhub-claim-handed-over", store.affiliateName(handedTo))
                      : claimStatusLabel(i18n, c.status)}
                  </span>
                </span>
              </div>
              <div class="partnerhub-muted">
                <ByUser user={c.claimedBy} />
              </div>
              {reason && (
                <p class="partnerhub-claim__note">
                  {i18n.t("partnerhub-claim-reason")} <bdi class="partnerhub-pre">{reason}</bdi>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
