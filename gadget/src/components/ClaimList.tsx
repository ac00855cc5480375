/** The claims on a partner: who is interested, who leads, at which stage, with the actions the user may take. */
import { isOpenClaim } from "../../../shared/claim-machine.ts";
import type { Claim, PartnerDetail } from "../../../shared/schemas.ts";
import { useStore } from "../state/context.ts";
import { ClaimActions } from "./ClaimActions.tsx";
import { useLabels } from "./Labels.tsx";

export function ClaimList({
  partner,
  filter = isOpenClaim,
}: {
  partner: PartnerDetail;
  filter?: (s: Claim["status"]) => boolean;
}) {
  const store = useStore();
  const { i18n } = store;
  const labels = useLabels();
  const claims = partner.claims.filter((c) => filter(c.status));
  if (claims.length === 0) return <p>{i18n.t("partnerhub-interest-none")}</p>;
  const others = (c: Claim) => claims.filter((o) => o.id !== c.id && isOpenClaim(o.status));
  return (
    <ul class="partnerhub-claims">
      {claims.map((c) => (
        <li key={c.id} class={`partnerhub-claim partnerhub-claim--${c.status}`}>
          <div class="partnerhub-claim__head">
            <strong>{store.affiliateName(c.affiliate)}</strong>
            <span class={`cdx-info-chip ${c.status === "lead" ? "cdx-info-chip--success" : ""}`}>
              <span class="cdx-info-chip__text">{labels.label("claim-status", c.status)}</span>
            </span>
            {!c.verified && <span class="partnerhub-muted">{i18n.t("partnerhub-claim-unverified")}</span>}
            {c.staleSince && (
              <span class="cdx-info-chip cdx-info-chip--warning">
                <span class="cdx-info-chip__text">{i18n.t("partnerhub-claim-stale")}</span>
              </span>
            )}
          </div>
          <div class="partnerhub-muted">
            {i18n.t("partnerhub-claim-by", c.claimedBy)}
            {c.stage && <> · {i18n.t("partnerhub-claim-stage", labels.label("stage", c.stage))}</>}
          </div>
          {c.message && <p class="partnerhub-pre">{c.message}</p>}
          {c.status === "interested" && others(c).length > 0 && (
            <p class="partnerhub-muted">
              {i18n.t("partnerhub-claim-others", i18n.list(others(c).map((o) => store.affiliateName(o.affiliate))))}
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
