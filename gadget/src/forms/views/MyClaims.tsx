/**
 * "Mine": for every signed-in user, in one place — the affiliates they represent or asked to
 * (and a button to ask), what they claimed and where each claim stands (withdraw while it is
 * open), and the partners they referred (to edit).
 */
import { useState } from "preact/hooks";
import type { Claim } from "../../../../shared/schemas.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { claimStatusLabel, stageLabel } from "../../components/Labels.tsx";
import {
  MY_CLAIMS_KEY,
  myClaimsLoader,
  removeRepresentation,
  requestRepresentation,
  withdrawClaim,
} from "../../state/actions/roles.ts";
import { formatRoute } from "../../directory/query.ts";
import { affiliatesForUser } from "../../state/actions/affiliates.ts";
import { useStore } from "../../state/context.ts";
import { useResource } from "../../state/hooks.ts";

export function MyClaims() {
  const store = useStore();
  const { i18n } = store;
  return (
    <div class="partnerhub-my">
      <h2 class="partnerhub-visually-hidden">{i18n.t("partnerhub-tab-claims")}</h2>
      <MyAffiliates />
      <ClaimsSection />
      <Referrals />
    </div>
  );
}

function MyAffiliates() {
  const store = useStore();
  const { i18n, me } = store;
  const confirm = useConfirm();
  const [choice, setChoice] = useState("");
  const user = me.value?.user.name ?? "";
  const mine = me.value?.affiliates ?? [];
  const others = affiliatesForUser(store).filter((a) => a.status === null);
  const id = "partnerhub-represent-affiliate";
  return (
    <section class="partnerhub-section" aria-labelledby="partnerhub-my-affiliates">
      <h3 id="partnerhub-my-affiliates" class="partnerhub-section__title">
        {i18n.t("partnerhub-my-affiliates")}
      </h3>
      {mine.length === 0 && <p class="partnerhub-muted">{i18n.t("partnerhub-my-affiliates-none")}</p>}
      <ul class="partnerhub-queue">
        {mine.map((a) => (
          <li key={a.affiliate} class="partnerhub-queue__rep">
            <bdi>{store.affiliateName(a.affiliate)}</bdi>{" "}
            <span class={`cdx-info-chip ${a.status === "verified" ? "cdx-info-chip--success" : ""}`}>
              <span class="cdx-info-chip__text">{i18n.t(`partnerhub-represent-status-${a.status}`)}</span>
            </span>
            {a.status === "requested" && (
              <button
                type="button"
                class="cdx-button cdx-button--weight-quiet cdx-button--action-destructive"
                onClick={() =>
                  confirm.ask({
                    title: i18n.t("partnerhub-represent-withdraw"),
                    text: i18n.t("partnerhub-confirm-represent-withdraw", store.affiliateName(a.affiliate)),
                    confirm: i18n.t("partnerhub-represent-withdraw"),
                    destructive: true,
                    run: () => removeRepresentation(store, a.affiliate, user, "requested"),
                  })
                }
              >
                {i18n.t("partnerhub-represent-withdraw")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {me.value?.roles.canWrite && (
        <div class="partnerhub-inline-form">
          <label for={id}>{i18n.t("partnerhub-represent-label")}</label>
          <select
            id={id}
            class="cdx-select"
            value={choice}
            onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{i18n.t("partnerhub-represent-choose")}</option>
            {others.map(({ affiliate }) => (
              <option key={affiliate.id} value={affiliate.id}>
                {affiliate.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="cdx-button cdx-button--action-progressive"
            disabled={choice === ""}
            onClick={() =>
              confirm.ask({
                title: i18n.t("partnerhub-represent-ask"),
                text: i18n.t("partnerhub-confirm-represent", store.affiliateName(choice)),
                confirm: i18n.t("partnerhub-represent-ask"),
                run: async () => {
                  await requestRepresentation(store, choice, user);
                  setChoice("");
                },
              })
            }
          >
            {i18n.t("partnerhub-represent-ask")}
          </button>
        </div>
      )}
      {confirm.dialog}
    </section>
  );
}

function ClaimsSection() {
  const store = useStore();
  const { i18n } = store;
  const confirm = useConfirm();
  const claims = useResource(MY_CLAIMS_KEY, myClaimsLoader);
  const name = (c: Claim) => store.partners.value.find((p) => p.id === c.partner)?.name ?? c.partner;
  return (
    <section class="partnerhub-section" aria-labelledby="partnerhub-my-claims">
      <h3 id="partnerhub-my-claims" class="partnerhub-section__title">
        {i18n.t("partnerhub-my-claims")}
      </h3>
      {claims.status === "error" && <ErrorMessage error={claims.error} />}
      {claims.status === "ready" && claims.value.claims.length === 0 && (
        <p class="partnerhub-muted">{i18n.t("partnerhub-my-claims-none")}</p>
      )}
      {claims.status === "ready" && (
        <ul class="partnerhub-queue">
          {claims.value.claims.map((c) => (
            <li key={c.id} class="cdx-card partnerhub-queue__item">
              <span class="cdx-card__text">
                <span class="cdx-card__text__title">
                  <a
                    href={formatRoute({ ...store.route.value, view: "partner", partner: c.partner })}
                    onClick={(e) => (e.preventDefault(), store.navigate({ view: "partner", partner: c.partner }))}
                  >
                    {name(c)}
                  </a>
                </span>
                <span class="cdx-card__text__description">
                  {i18n.t("partnerhub-my-claim-for", store.affiliateName(c.affiliate))}{" "}
                  <span class={`cdx-info-chip ${c.status === "lead" ? "cdx-info-chip--success" : ""}`}>
                    <span class="cdx-info-chip__text">{claimStatusLabel(i18n, c.status)}</span>
                  </span>
                  {c.stage && <> · {i18n.t("partnerhub-claim-stage", stageLabel(i18n, c.stage))}</>}
                  {!c.verified && <> · {i18n.t("partnerhub-claim-unverified")}</>}
                </span>
                {c.status === "interested" && (
                  <span>
                    <button
                      type="button"
                      class="cdx-button cdx-button--action-destructive"
                      onClick={() =>
                        confirm.ask({
                          title: i18n.t("partnerhub-action-withdraw"),
                          text: i18n.t("partnerhub-confirm-withdraw", store.affiliateName(c.affiliate)),
                          confirm: i18n.t("partnerhub-action-withdraw"),
                          destructive: true,
                          reason: { label: i18n.t("partnerhub-action-reason"), required: false },
                          run: (reason) => withdrawClaim(store, c, reason),
                        })
                      }
                    >
                      {i18n.t("partnerhub-action-withdraw")}
                    </button>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {confirm.dialog}
    </section>
  );
}

function Referrals() {
  const store = useStore();
  const { i18n, me } = store;
  const user = me.value?.user.name;
  const mine = store.partners.value.filter((p) => p.referredBy.user === user);
  return (
    <section class="partnerhub-section" aria-labelledby="partnerhub-my-referrals">
      <h3 id="partnerhub-my-referrals" class="partnerhub-section__title">
        {i18n.t("partnerhub-my-referrals")}
      </h3>
      {mine.length === 0 && <p class="partnerhub-muted">{i18n.t("partnerhub-my-referrals-none")}</p>}
      <ul class="partnerhub-queue">
        {mine.map((p) => (
          <li key={p.id} class="partnerhub-queue__rep">
            <a
              href={formatRoute({ ...store.route.value, view: "partner", partner: p.id })}
              onClick={(e) => (e.preventDefault(), store.navigate({ view: "partner", partner: p.id }))}
            >
              {p.name}
            </a>{" "}
            <button
              type="button"
              class="cdx-button cdx-button--weight-quiet"
              aria-label={i18n.t("partnerhub-my-referral-edit", p.name)}
              onClick={() => store.navigate({ view: "edit", partner: p.id })}
            >
              {i18n.t("partnerhub-tools-edit")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
